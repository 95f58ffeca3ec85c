/**
 * Scenario problems as data (STYLE: errors are data): where, what was expected, what was found,
 * and a hint. Messages are built from these at the edge by `formatIssue`.
 */
import { InputError } from "../errors.js";

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** dotted key path, e.g. options[2].commitments[0].guarantors[1] */
  path: string;
  message: string;
  expected?: string;
  received?: string;
  hint?: string;
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

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3))) return best;
  // a word that merely extends or shortens a candidate (moral_hazard_factor → moral_hazard)
  const w = word.toLowerCase();
  return candidates.find((c) => c.length >= 4 && (w.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(w)) && w.length >= 4);
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
