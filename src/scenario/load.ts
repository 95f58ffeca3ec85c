/**
 * Scenario loading: YAML text → a known-good `Scenario` or a `ScenarioError` listing every
 * problem of the file at once, each with file:line:column, key path, expected and found.
 */
import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.js";
import { crossCheck, type RawIssue } from "./checks.js";
import { ScenarioError, describeValue, formatPath, type ScenarioIssue } from "./issues.js";
import { didYouMean } from "../math/suggest.js";
import { PositionFinder } from "./positions.js";
import { scenarioSchema, type ScenarioData } from "./schema.js";
import type { OutcomeName } from "../contract/result.js";

/** Largest scenario file accepted (bytes): far above any real scenario, far below trouble. */
export const MAX_SCENARIO_BYTES = 2_000_000;

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

export function loadScenarioFile(path: string): Scenario {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`${path}: cannot read the scenario file (does it exist?)`);
  }
  if (size > MAX_SCENARIO_BYTES) throw new InputError(`${path}: the file is ${size} bytes; scenarios are limited to ${MAX_SCENARIO_BYTES} bytes`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`${path}: cannot read the scenario file`);
  }
  return loadScenarioText(text, path);
}

export function loadScenarioText(text: string, file = "scenario.yaml"): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) throw new InputError(`${file}: the text is ${text.length} characters; scenarios are limited to ${MAX_SCENARIO_BYTES}`);
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
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new InputError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([{ file, line: 1, column: 1, path: "", message: "a scenario must be a mapping of keys (name, horizon_years, actors, …)", received: describeValue(data) }]);
  }
  const positions = new PositionFinder(doc, lines);
  const parsed = scenarioSchema.safeParse(data);
  const raw: RawIssue[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZod(i, data));
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

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

type ZodIssue = z.core.$ZodIssue;

/** Turn one zod issue into our issue data (several for unknown keys). */
function fromZod(issue: ZodIssue, data: unknown): RawIssue[] {
  const path = issue.path as PropertyKey[];
  const found = valueAt(data, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(path, data);
      return issue.keys.map((key) => {
        const guess = didYouMean(key, allowed);
        return {
          path,
          key,
          message: `unknown key "${key}"`,
          expected: allowed.length ? `one of ${allowed.join(", ")}` : undefined,
          hint: guess ? `did you mean "${guess}"?` : undefined,
        };
      });
    }
    case "invalid_type":
      if (found === undefined) return [{ path, message: `missing required key "${String(path[path.length - 1])}"`, expected: issue.expected }];
      return [{ path, message: `wrong type`, expected: issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`, received: describeValue(found) }];
    case "invalid_union": {
      if ("discriminator" in issue && typeof found === "string") {
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const guess = didYouMean(found, options);
        return [{ path, message: `unknown ${String(path[path.length - 1])} "${found}"`, expected: `one of ${options.join(", ")}`, received: `"${found}"`, hint: guess ? `did you mean "${guess}"?` : undefined }];
      }
      if (found === undefined) return [{ path, message: `missing required key "${String(path[path.length - 1])}"` }];
      return [{ path, message: "does not match any allowed form", received: describeValue(found) }];
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      const guess = typeof found === "string" ? didYouMean(found, values) : undefined;
      return [{ path, message: "value not allowed", expected: `one of ${values.join(", ")}`, received: describeValue(found), hint: guess ? `did you mean "${guess}"?` : undefined }];
    }
    case "too_small":
    case "too_big": {
      const bound = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const op = issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      const what = issue.origin === "array" ? `a list with ${op} ${bound} item(s)` : issue.origin === "string" ? `text of length ${op} ${bound}` : `a number ${op} ${bound}`;
      return [{ path, message: "out of range", expected: what, received: describeValue(found) }];
    }
    default:
      return [{ path, message: issue.message, received: found === undefined ? undefined : describeValue(found) }];
  }
}

interface ZodLike {
  _zod: { def: { type: string; shape?: Record<string, ZodLike>; element?: ZodLike; valueType?: ZodLike; innerType?: ZodLike; options?: ZodLike[]; discriminator?: string; values?: unknown[] } };
}

/** The keys a mapping at `path` may have, found by walking the schema alongside the data. */
function allowedKeys(path: readonly PropertyKey[], data: unknown): string[] {
  let schema = scenarioSchema as unknown as ZodLike;
  let value: unknown = data;
  const unwrap = () => {
    for (;;) {
      const def = schema._zod.def;
      if ((def.type === "default" || def.type === "optional" || def.type === "nullable") && def.innerType) schema = def.innerType;
      else if (def.type === "union" && def.options) {
        const disc = def.discriminator;
        const tag = disc && value && typeof value === "object" ? (value as Record<string, unknown>)[disc] : undefined;
        const match = def.options.find((o) => {
          const s = o._zod.def.shape?.[disc ?? ""];
          return s?._zod.def.values?.includes(tag);
        });
        if (!match) return;
        schema = match;
      } else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = schema._zod.def;
    if (def.type === "object" && def.shape) schema = def.shape[String(seg)];
    else if (def.type === "array" && def.element) schema = def.element;
    else if (def.type === "record" && def.valueType) schema = def.valueType;
    else return [];
    if (!schema) return [];
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
    unwrap();
  }
  const shape = schema._zod.def.shape;
  return shape ? Object.keys(shape) : [];
}
