/**
 * Scenario loading: YAML text → a known-good `Scenario` or a `ScenarioError` listing every
 * problem of the file at once, each with file:line:column, key path, expected and found.
 */
import { LineCounter, parseDocument } from "yaml";
import { InputError } from "../errors.js";
import { fromZod } from "./zod-issues.js";
import { crossCheck, type RawIssue } from "./checks.js";
import { ScenarioError, describeValue, formatPath, type ScenarioIssue } from "./issues.js";
import { PositionFinder } from "./positions.js";
import { scenarioSchema, type ScenarioData } from "./schema.js";
import { MAX_ALIASES, MAX_NESTING, MAX_SCENARIO_BYTES } from "./limits.js";
import { deeperThan } from "./nesting.js";
import { readTextFileCapped } from "../io/read-file.js";
import type { OutcomeName } from "../contract/result.js";

export { MAX_SCENARIO_BYTES } from "./limits.js";

/** Default loss weights (docs/MODEL.md §8), used when a scenario gives none: see docs/MODEL.md. */
export const DEFAULT_LOSS_WEIGHTS: Partial<Record<OutcomeName, number>> = {
  expected_war_months_before_nuclear: 1 / 12,
  p_direct_guarantor_war: 2,
  p_nuclear_use: 20,
  p_sphere_at_horizon: 3,
};

export interface Scenario extends ScenarioData {
  /** file name used in messages */
  file: string;
  /** the YAML text it was loaded from (kept so a run can be stored and reproduced) */
  text: string;
  lossWeights: Partial<Record<OutcomeName, number>>;
}

/** Read (at most MAX_SCENARIO_BYTES, whatever `stat` says) and load a scenario file. */
export function loadScenarioFile(path: string): Scenario {
  return loadScenarioText(readTextFileCapped(path, MAX_SCENARIO_BYTES, "scenario file"), path);
}

export function loadScenarioText(text: string, file = "scenario.yaml"): Scenario {
  // a UTF-8 text has at least as many bytes as UTF-16 units: count bytes only when it may fit
  const bytes = text.length > MAX_SCENARIO_BYTES ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SCENARIO_BYTES) throw new InputError(`${file}: the text is over ${MAX_SCENARIO_BYTES} bytes long; scenarios are limited to ${MAX_SCENARIO_BYTES} bytes`);
  const deep = deeperThan(text, MAX_NESTING);
  if (deep)
    throw new ScenarioError([
      {
        file,
        line: deep.line,
        column: deep.column,
        path: "",
        message: `nesting deeper than ${MAX_NESTING} levels`,
        expected: `at most ${MAX_NESTING} levels of mappings and lists`,
        hint: "a scenario nests about 6 levels deep; look for unclosed [ or {",
      },
    ]);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { file, line, column: col, path: "", message: `YAML syntax: ${e.message.split("\n")[0]}` };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new InputError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([{ file, line: 1, column: 1, path: "", message: "a scenario must be a mapping of keys (name, horizon_years, actors, …)", received: describeValue(data) }]);
  }
  const positions = new PositionFinder(doc, lines);
  const parsed = scenarioSchema.safeParse(data);
  const raw: RawIssue[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZod(scenarioSchema, i, data));
  raw.push(...crossCheck(data));
  if (raw.length > 0) {
    const issues: ScenarioIssue[] = raw.map((r) => {
      const pos = r.key !== undefined ? positions.key(r.path, r.key) : positions.value(r.path);
      const path = formatPath(r.key !== undefined ? [...r.path, r.key] : r.path);
      return { file, line: pos.line, column: pos.column, path, message: r.message, expected: r.expected, received: r.received, hint: r.hint };
    });
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ScenarioError(dedupe(issues));
  }
  const scenario = parsed.data as ScenarioData;
  return { ...scenario, file, text, lossWeights: scenario.loss?.weights ?? DEFAULT_LOSS_WEIGHTS };
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}:${i.column}:${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
