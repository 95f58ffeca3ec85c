/**
 * Choosing what to run (options, perspectives, seed, trajectories) and running it: the run
 * button, and a progress bar fed by the server's progress events.
 */
import { alreadyEnded, api, ApiFailure, watchRun, type RunSummary, type ValidationOutcome } from "./api.js";
import { byId, h } from "./dom.js";

type Summary = Extract<ValidationOutcome, { valid: true }>["scenario"];

function checkboxes(container: HTMLElement, name: string, items: { id: string; label: string }[]): void {
  const previous = new Map([...container.querySelectorAll<HTMLInputElement>("input")].map((i) => [i.value, i.checked]));
  container.replaceChildren(
    ...items.map((item) =>
      h(
        "label",
        { class: "check" },
        h("input", { type: "checkbox", name, value: item.id, checked: previous.get(item.id) ?? true }),
        ` ${item.label} `,
        h("code", {}, item.id),
      ),
    ),
  );
}

const checked = (container: HTMLElement): string[] =>
  [...container.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);

export interface RunPanel {
  /** the editor's latest validation: enables running and refreshes the pickers */
  scenarioChecked(summary: Summary | null, problemCount: number): void;
  /** follows a run started elsewhere (e.g. "run again") */
  follow(run: RunSummary): Promise<void>;
}

export function createRunPanel(
  scenarioText: () => string,
  onFinished: (id: string) => void,
  onMessage: (text: string) => void,
  /** a run ended otherwise (failed or cancelled): e.g. refresh the runs list */
  onEnded: () => void = () => undefined,
): RunPanel {
  const form = byId<HTMLFormElement>("run-form");
  const options = byId("option-picker");
  const perspectives = byId("perspective-picker");
  const button = byId<HTMLButtonElement>("run-button");
  const bar = byId<HTMLProgressElement>("progress");
  const status = byId("progress-text");
  const cancel = byId<HTMLButtonElement>("cancel-run");
  let current: string | null = null;
  let cancelled = false;
  let valid = false;
  let busy = false;
  // the scenario's own seed and trajectory count are used until the user sets their own
  const seed = byId<HTMLInputElement>("seed");
  const trajectories = byId<HTMLInputElement>("trajectories");
  for (const input of [seed, trajectories]) input.addEventListener("input", () => (input.dataset.edited = "yes"));
  const refreshButton = () => {
    button.disabled = !valid || busy;
  };

  const follow = async (run: RunSummary) => {
    busy = true;
    refreshButton();
    bar.value = 0;
    status.textContent = "Queued…";
    current = run.id;
    cancelled = false;
    cancel.hidden = false;
    cancel.disabled = false;
    const ended = await watchRun(run.id, ({ done, total }) => {
      if (cancelled) return;
      const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
      bar.value = percent;
      status.textContent = total > 0 ? `${percent} % (${done} of ${total} trajectories)` : "Starting…";
    });
    busy = false;
    current = null;
    cancel.hidden = true;
    refreshButton();
    if (ended.status === "cancelled") {
      bar.value = 0;
      status.textContent = "Run cancelled: no results (the runs list keeps it as cancelled).";
      onEnded();
    } else if (ended.status === "finished") {
      bar.value = 100;
      status.textContent = "100 % — finished";
      onFinished(run.id);
    } else {
      status.textContent = `Run ${ended.status}: ${ended.error ?? ""}`;
      onEnded();
    }
  };

  cancel.addEventListener("click", () => {
    if (!current) return;
    const id = current;
    cancelled = true;
    cancel.disabled = true;
    status.textContent = "Cancelling…";
    // the server ends the run's event stream with status "cancelled", which `follow` reports
    api.cancelRun(id).catch((e: Error) => {
      cancelled = false;
      // it ended as the button was pressed: its end event shows the results
      if (alreadyEnded(e)) return;
      cancel.disabled = false;
      onMessage(`The run could not be cancelled: ${e.message}`);
    });
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosenOptions = checked(options);
    const chosenPerspectives = checked(perspectives);
    if (chosenOptions.length === 0 || chosenPerspectives.length === 0) {
      onMessage("Choose at least one option and one perspective.");
      return;
    }
    const request = {
      scenario: scenarioText(),
      seed: Number(seed.value),
      trajectories: Number(trajectories.value),
      options: chosenOptions,
      perspectives: chosenPerspectives,
    };
    api.startRun(request).then(follow, (e: Error) => {
      const detail = e instanceof ApiFailure && e.problems.length > 0 ? ` (${e.problems.length} problems in the scenario)` : "";
      onMessage(`The run was not started: ${e.message}${detail}`);
    });
  });

  return {
    scenarioChecked(summary, problemCount) {
      valid = summary !== null;
      if (summary) {
        checkboxes(options, "option", summary.options);
        checkboxes(perspectives, "perspective", summary.perspectives);
        if (summary.seed !== undefined && !seed.dataset.edited) seed.value = String(summary.seed);
        if (summary.trajectories !== undefined && !trajectories.dataset.edited) trajectories.value = String(summary.trajectories);
      }
      button.title = valid ? "" : `Fix the ${problemCount} problem(s) in the scenario first`;
      refreshButton();
    },
    follow,
  };
}
