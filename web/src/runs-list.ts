/** The stored runs: reopen one (its scenario and results), run it again, or delete it. */
import { api, type RunSummary } from "./api.js";
import { h } from "./dom.js";

export interface RunsListActions {
  open(id: string): void;
  rerun(id: string): void;
  failed(message: string): void;
}

export async function refreshRunsList(container: HTMLElement, actions: RunsListActions): Promise<void> {
  let runs: RunSummary[];
  try {
    runs = (await api.runs()).runs;
  } catch (e) {
    actions.failed((e as Error).message);
    return;
  }
  if (runs.length === 0) {
    container.replaceChildren(h("p", {}, "No stored runs yet."));
    return;
  }
  const button = (label: string, run: RunSummary, action: () => void, disabled = false) => {
    const b = h("button", { type: "button", "aria-label": `${label} run of ${run.createdAt}`, disabled }, label);
    b.addEventListener("click", action);
    return b;
  };
  const rows = runs.map((run) =>
    h(
      "tr",
      { "data-run": run.id },
      h("td", {}, new Date(run.createdAt).toLocaleString()),
      h("td", {}, run.scenarioName),
      h("td", {}, String(run.seed)),
      h("td", {}, String(run.trajectories)),
      h("td", {}, run.status),
      h(
        "td",
        {},
        button("Open", run, () => actions.open(run.id)),
        button("Run again", run, () => actions.rerun(run.id)),
        button("Delete", run, () => {
          api.deleteRun(run.id).then(
            () => refreshRunsList(container, actions),
            (e: Error) => actions.failed(e.message),
          );
        }, run.status === "queued" || run.status === "running"),
      ),
    ),
  );
  const head = h("tr", {}, ["started", "scenario", "seed", "trajectories", "status", ""].map((c) => h("th", { scope: "col" }, c)));
  container.replaceChildren(h("table", { class: "runs" }, h("thead", {}, head), h("tbody", {}, rows)));
}
