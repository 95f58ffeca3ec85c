/**
 * The web app's entry: loads the bundled scenario into the editor, shows validation problems,
 * runs scenarios, shows results, and lists stored runs. A thin shell over the HTTP API.
 */
import "./style.css";
import { api, type ScenarioProblem, type ValidationOutcome } from "./api.js";
import { byId, h } from "./dom.js";
import { createEditor, problemText, type ScenarioEditor } from "./editor.js";
import { renderResults } from "./results-view.js";
import { createRunPanel } from "./run-panel.js";
import { refreshRunsList, sha256Hex } from "./runs-list.js";
import { rememberScenario } from "./shared-scenario.js";

const validation = byId("validation");
const problemsList = byId<HTMLUListElement>("problems");
const messages = byId("messages");
const resultsBody = byId("results-body");
const runsContainer = byId("runs-list");

const say = (text: string) => (messages.textContent = text);
let editor: ScenarioEditor;
/** the text last loaded into the editor or run: anything else in the editor is an unsaved edit */
let savedText = "";
let bundledHash: string | null = null;

function showProblems(problems: ScenarioProblem[]): void {
  problemsList.replaceChildren(
    ...problems.map((p) => {
      const item = h("button", { type: "button", class: "problem" }, `Line ${p.line}, column ${p.column}: ${problemText(p)}`);
      item.addEventListener("click", () => editor.goTo(p.line, p.column));
      return h("li", { "data-line": p.line, "data-column": p.column }, item);
    }),
  );
}

const panel = createRunPanel(
  () => {
    // a run stores its scenario: from now on the editor's text is kept
    savedText = editor.text();
    return savedText;
  },
  (id) => void openRun(id, false),
  say,
  () => void refreshRunsList(runsContainer, listActions),
);

function validated(outcome: ValidationOutcome | { error: string }): void {
  if ("error" in outcome) {
    validation.textContent = `Could not check the scenario: ${outcome.error}`;
    panel.scenarioChecked(null, 0);
    return;
  }
  if (outcome.valid) {
    validation.textContent = `The scenario is valid: ${outcome.scenario.options.length} options, ${outcome.scenario.perspectives.length} perspectives.`;
    validation.className = "ok";
    showProblems([]);
    panel.scenarioChecked(outcome.scenario, 0);
    rememberScenario(editor.text(), outcome.scenario.name);
  } else {
    const n = outcome.problems.length;
    validation.textContent = `${n} problem${n === 1 ? "" : "s"} in the scenario:`;
    validation.className = "bad";
    showProblems(outcome.problems);
    panel.scenarioChecked(null, n);
  }
}

async function openRun(id: string, loadScenario: boolean): Promise<void> {
  if (loadScenario && editor.text() !== savedText && !window.confirm("Opening this run replaces the scenario in the editor, which has edits that are not saved in any run. Replace them?")) return;
  try {
    const run = await api.run(id);
    if (loadScenario) {
      editor.setText(run.scenarioText);
      savedText = run.scenarioText;
    }
    renderResults(resultsBody, run);
    byId("results").focus();
  } catch (e) {
    say((e as Error).message);
  }
  void refreshRunsList(runsContainer, listActions);
}

const listActions = {
  open: (id: string) => void openRun(id, true),
  rerun: (id: string) => {
    api.rerun(id).then(
      (run) => {
        void refreshRunsList(runsContainer, listActions);
        return panel.follow(run);
      },
      (e: Error) => say(e.message),
    );
  },
  failed: say,
  confirm: (question: string) => window.confirm(question),
  bundledHash: () => bundledHash,
};

async function start(): Promise<void> {
  let text = "";
  try {
    text = (await api.defaultScenario()).text;
    bundledHash = await sha256Hex(text);
  } catch (e) {
    say(`Could not load the bundled scenario: ${(e as Error).message}`);
  }
  savedText = text;
  editor = createEditor(byId("editor"), text, validated);
  await refreshRunsList(runsContainer, listActions);
}

void start();
