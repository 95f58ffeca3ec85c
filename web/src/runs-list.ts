/**
 * The stored runs: what each used (options, perspectives, seed, whether its scenario differs from
 * the bundled one), and actions to reopen one (its scenario and results), run it again, or delete
 * it after a confirmation.
 */
import { api, type RunSummary } from "./api.js";
import { h, scrollBox } from "./dom.js";

export interface RunsListActions {
  open(id: string): void;
  rerun(id: string): void;
  failed(message: string): void;
  /** asks the user; false cancels (window.confirm in the page) */
  confirm(question: string): boolean;
  /** SHA-256 (hex) of the bundled scenario's text, to tell edited scenarios apart; null if unknown */
  bundledHash(): string | null;
}

/** SHA-256 of a text as hex, the store's scenario hash (the Web Crypto API; 127.0.0.1 is a secure context). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const list = (ids: string[] | null) => (ids === null ? "all" : ids.join(", "));

function describe(run: RunSummary): string {
  return `run of ${new Date(run.createdAt).toLocaleString()} (${run.scenarioName}, seed ${run.seed})`;
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
    const b = h("button", { type: "button", "aria-label": `${label} ${describe(run)}`, disabled }, label);
    b.addEventListener("click", action);
    return b;
  };
  const bundled = actions.bundledHash();
  const remove = (run: RunSummary) => {
    if (!actions.confirm(`Delete the ${describe(run)}? Its results cannot be recovered.`)) return;
    api.deleteRun(run.id).then(
      () => refreshRunsList(container, actions),
      (e: Error) => actions.failed(e.message),
    );
  };
  const rows = runs.map((run) =>
    h(
      "tr",
      { "data-run": run.id },
      h("td", {}, new Date(run.createdAt).toLocaleString()),
      h("td", {}, run.scenarioName),
      h("td", { class: "edited" }, bundled === null ? "?" : run.scenarioHash === bundled ? "bundled" : "edited"),
      h("td", { class: "ids" }, list(run.options)),
      h("td", { class: "ids" }, list(run.perspectives)),
      h("td", {}, String(run.seed)),
      h("td", {}, String(run.trajectories)),
      h("td", {}, run.status),
      h(
        "td",
        { class: "actions" },
        button("Open", run, () => actions.open(run.id)),
        button("Run again", run, () => actions.rerun(run.id)),
        button("Delete", run, () => remove(run), run.status === "queued" || run.status === "running"),
      ),
    ),
  );
  const head = h("tr", {}, ["started", "scenario", "scenario text", "options", "perspectives", "seed", "trajectories", "status", ""].map((c) => h("th", { scope: "col" }, c)));
  container.replaceChildren(
    scrollBox(
      h(
        "table",
        { class: "runs", id: "runs-table" },
        h("caption", {}, "Stored runs, newest first. “edited”: the run's scenario text differs from the bundled scenario's."),
        h("thead", {}, head),
        h("tbody", {}, rows),
      ),
      "Stored runs",
    ),
  );
}
