/**
 * Which scenario the analysis and evidence pages work on: the one in the editor (the main page
 * shares each valid text it holds, shared-scenario.ts), a stored run's (`?run=<id>` in the page's
 * address, as the results' links give it), or the bundled one. Each choice is checked by the server.
 */
import type { ScenarioSummary } from "../../src/contract/api.js";
import { api } from "./api.js";
import { h } from "./dom.js";
import { sharedScenario } from "./shared-scenario.js";

export interface ChosenScenario {
  text: string;
  /** "the scenario in the editor", "the scenario of run 1a2b3c4d", "the bundled scenario" */
  origin: string;
  summary: ScenarioSummary;
}

/** Fired on `document` with the chosen scenario whenever a page switches to one (for other sections of the page). */
export const SCENARIO_CHOSEN = "guarantor:scenario-chosen";

const runInAddress = () => new URLSearchParams(location.search).get("run");

/**
 * Fills the picker: a stored run named in the address comes first and is chosen; the editor's
 * choice is disabled when the main page has shared no valid scenario. Returns the initial choice.
 */
export function setUpScenarioChoice(select: HTMLSelectElement): string {
  const run = runInAddress();
  if (run) {
    select.prepend(h("option", { value: "run" }, `the scenario of stored run ${run.slice(0, 8)}`));
    select.value = "run";
  }
  if (!sharedScenario()) {
    const editor = select.querySelector<HTMLOptionElement>('option[value="editor"]');
    if (editor) editor.disabled = true;
    if (select.value === "editor") select.value = "bundled";
  }
  return select.value;
}

export async function loadChosenScenario(which: string): Promise<ChosenScenario> {
  const shared = sharedScenario();
  const run = runInAddress();
  const pick =
    which === "editor" && shared ? { text: shared.text, origin: "the scenario in the editor" }
    : which === "run" && run ? { text: (await api.run(run)).scenarioText, origin: `the scenario of run ${run.slice(0, 8)}` }
    : { text: (await api.defaultScenario()).text, origin: "the bundled scenario" };
  const checked = await api.validate(pick.text);
  if (!checked.valid) throw new Error(`${pick.origin} has ${checked.problems.length} problem(s); fix them in the editor`);
  const chosen = { ...pick, summary: checked.scenario };
  document.dispatchEvent(new CustomEvent(SCENARIO_CHOSEN, { detail: chosen }));
  return chosen;
}
