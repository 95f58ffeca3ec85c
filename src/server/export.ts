/**
 * Runs as downloadable files: the full record as JSON (inputs to reproduce it, and results), and
 * the outcome table as CSV, one row per option × perspective × outcome.
 */
import type { RunRecord } from "../store/run-store.js";
import type { EvaluationResult } from "../contract/result.js";

/** RFC 4180: quote a field when it holds a comma, quote, or line break. */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLines(header: string[], rows: (string | number | boolean)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function outcomesCsv(result: EvaluationResult): string {
  const rows: (string | number)[][] = [];
  for (const r of result.results) {
    for (const [outcome, estimate] of Object.entries(r.outcomes)) {
      rows.push([r.option, r.perspective, outcome, estimate.mean, estimate.se, r.trajectories]);
    }
  }
  return csvLines(["option", "perspective", "outcome", "mean", "se", "trajectories"], rows);
}

export function runJson(run: RunRecord): string {
  const { result, ...inputs } = run;
  return `${JSON.stringify({ run: inputs, result }, null, 2)}\n`;
}
