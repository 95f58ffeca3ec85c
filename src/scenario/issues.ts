/**
 * Scenario problems as data (STYLE: errors are data): where, what was expected, what was found,
 * and a hint. Messages are built from these at the edge by `formatIssue`.
 */
import type { ScenarioProblem } from "../contract/api.js";
import { InputError } from "../errors.js";

/** A problem of the contract's shape (line, column, path, what was expected and found), with its file. */
export interface ScenarioIssue extends ScenarioProblem {
  file: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export function formatIssue(i: ScenarioIssue): string {
  const where = `${i.file}:${i.line}:${i.column}`;
  const at = i.path ? ` ${i.path}:` : "";
  let text = `${where}:${at} ${i.message}`;
  if (i.expected !== undefined || i.received !== undefined) {
    const parts = [];
    if (i.expected !== undefined) parts.push(`expected ${i.expected}`);
    if (i.received !== undefined) parts.push(`found ${i.received}`);
    text += ` (${parts.join(", ")})`;
  }
  if (i.hint) text += `\n    hint: ${i.hint}`;
  return text;
}

/** Thrown by the loader with every problem of a file at once. */
export class ScenarioError extends InputError {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    const n = issues.length;
    const file = issues[0]?.file ?? "scenario";
    super(`${file}: ${n} problem${n === 1 ? "" : "s"}\n${issues.map(formatIssue).join("\n")}`);
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

/** Describe a found value for "found …": its type and a short rendering. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string "${v.length > 40 ? v.slice(0, 37) + "…" : v}"`;
  if (typeof v === "number") return Number.isFinite(v) ? `the number ${v}` : String(v);
  if (typeof v === "boolean") return `${v}`;
  return typeof v;
}
