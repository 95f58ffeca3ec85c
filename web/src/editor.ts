/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, and live validation through the API,
 * shown as marks at the offending line and column and reported to the page.
 */
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { EditorView, basicSetup } from "codemirror";
import { api, type ScenarioProblem, type ValidationOutcome } from "./api.js";

export interface ScenarioEditor {
  text(): string;
  setText(text: string): void;
  goTo(line: number, column: number): void;
}

export function problemText(p: ScenarioProblem): string {
  const detail = [
    p.expected !== undefined ? `expected ${p.expected}` : "",
    p.received !== undefined ? `got ${p.received}` : "",
  ].filter(Boolean);
  return `${p.path ? `${p.path}: ` : ""}${p.message}${detail.length ? ` (${detail.join(", ")})` : ""}${p.hint ? `. ${p.hint}` : ""}`;
}

export function createEditor(
  parent: HTMLElement,
  initialText: string,
  onValidated: (outcome: ValidationOutcome | { error: string }) => void,
): ScenarioEditor {
  const validation = linter(
    async (view): Promise<Diagnostic[]> => {
      let outcome: ValidationOutcome;
      try {
        outcome = await api.validate(view.state.doc.toString());
      } catch (e) {
        onValidated({ error: (e as Error).message });
        return [];
      }
      onValidated(outcome);
      if (outcome.valid) return [];
      const doc = view.state.doc;
      return outcome.problems.map((p) => {
        const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
        const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
        return { from, to: Math.max(from, line.to), severity: "error", message: problemText(p) };
      });
    },
    { delay: 300 },
  );
  // CodeMirror injects its styles at run time; in a shadow root it does so with constructed style
  // sheets, which the server's CSP (style-src 'self', no inline styles) allows.
  const root = parent.attachShadow({ mode: "open" });
  const mount = document.createElement("div");
  root.append(mount);
  const view = new EditorView({
    doc: initialText,
    parent: mount,
    root,
    extensions: [
      EditorView.theme({
        "&": { height: "28rem", backgroundColor: "#fff", fontSize: "14px" },
        ".cm-scroller": { overflow: "auto" },
      }),
      basicSetup,
      yaml(),
      lintGutter(),
      validation,
      EditorView.contentAttributes.of({ "aria-label": "Scenario YAML", "aria-describedby": "validation" }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    goTo(lineNumber, column) {
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(1, lineNumber), doc.lines));
      const pos = Math.min(line.from + Math.max(0, column - 1), line.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
  };
}
