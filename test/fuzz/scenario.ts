/**
 * Fuzz target: the scenario loader and a tiny run. Cases are mutations of the bundled scenario
 * (wrong types, extreme numbers, unknown, deleted and prototype-like keys, repeated items, deep
 * nesting, extreme but valid priors, cut text). A case must be refused with a typed problem list,
 * or be accepted and then run to finite numbers.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { evaluate, InputError, loadScenarioText, ScenarioError, type EvaluationResult, type Scenario } from "../../src/index.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import type { FuzzTarget, Verdict } from "./target.js";

const BUNDLED = readFileSync(fileURLToPath(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url)), "utf8");

export interface ScenarioCase {
  text: string;
  mode: "event" | "monthly";
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Paths deeper than this are not mutated further (a deep value nested in a deep value is deep enough). */
const MAX_MUTATION_DEPTH = 16;

/** Every path to a value in the document up to MAX_MUTATION_DEPTH, the root excluded. */
function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  if (at.length >= MAX_MUTATION_DEPTH) return out;
  const children: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v !== null && typeof v === "object" ? Object.entries(v) : [];
  for (const [k, child] of children) {
    out.push([...at, k]);
    paths(child, [...at, k], out);
  }
  return out;
}

/** Sets an own property, even one named __proto__ (plain assignment would change the prototype). */
function setOwn(o: Record<string | number, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

const PROTO_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

const weirdNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2, 0.5, 1e-300, 5e-324, 1e308, 1.7976931348623157e308, -1e308, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 32 + 24, 2 ** 53 + 2, 1200, 1201),
  fc.constantFrom(Number.NaN, Infinity, -Infinity),
  fc.double({ noNaN: false }),
  fc.integer(),
);
const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  weirdNumber,
  fc.constantFrom(...PROTO_KEYS, "", "baseline", "US", "UK", "air", "x".repeat(200), "1e308", ".nan"),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([] as Json[]),
  fc.constant({} as Json),
  fc.integer({ min: 1, max: 200 }).map((d) => JSON.parse("[".repeat(d) + "]".repeat(d)) as Json),
);

/** A prior at the edges of what the loader accepts (or just past them). */
const extremePrior: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ dist: fc.constant("normal"), mean: fc.constantFrom(-1e6, 1e6, 0, 709, -745), sd: fc.constantFrom(1e6, 1e-6, 1e-300, 1, 5e-324) }),
  fc.record({ dist: fc.constantFrom("gamma", "lognormal"), mean: fc.constantFrom(1e6, 1e-6, 1e-4, 1e-300, 5e-324, 1, 0.01), cv: fc.constantFrom(0.01, 100, 0.0099, 101, 1) }).map(
    (p) => ({ dist: p.dist, mean: p.mean, sd: Math.min(1e6, p.mean * p.cv) }),
  ),
  fc.record({ mean: fc.constantFrom(1e-6, 1 - 1e-6, 0.5, 0.01), share: fc.constantFrom(0.01, 0.999, 0.5, 0.0099) }).map((p) => ({
    dist: "beta",
    mean: p.mean,
    sd: p.share * Math.sqrt(p.mean * (1 - p.mean)),
  })),
  fc.record({ dist: fc.constant("uniform"), min: fc.constantFrom(-1e6, 0, 1e-300), max: fc.constantFrom(1e6, 1, 1e-299) }),
  fc.record({ dist: fc.constant("fixed"), value: fc.constantFrom(-1e6, 1e6, 0, 1, 5e-324) }),
);

type Mutation =
  | { kind: "set"; pick: number; value: Json }
  | { kind: "delete"; pick: number }
  | { kind: "add-key"; pick: number; key: string; value: Json }
  | { kind: "repeat-item"; pick: number }
  | { kind: "prior"; pick: number; prior: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), pick: fc.nat(), value: weirdValue }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("add-key" as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTO_KEYS, "baseline"), fc.string({ maxLength: 8 })), value: weirdValue }),
  fc.record({ kind: fc.constant("repeat-item" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("prior" as const), pick: fc.nat(), prior: extremePrior }),
);

function apply(doc: Json, m: Mutation): void {
  const all = paths(doc);
  if (m.kind === "prior") {
    const names = PARAMETERS.map((p) => p.name);
    const parameters = (doc as { parameters?: Record<string, Json> }).parameters;
    if (parameters && typeof parameters === "object") setOwn(parameters, names[m.pick % names.length], { ...(m.prior as object), source: "assumption" });
    return;
  }
  if (m.kind === "add-key" || m.kind === "repeat-item") {
    const containers = all.filter((p) => {
      const v = valueAt(doc, p);
      return m.kind === "add-key" ? v !== null && typeof v === "object" && !Array.isArray(v) : Array.isArray(v) && v.length > 0;
    });
    if (containers.length === 0) return;
    const target = valueAt(doc, containers[m.pick % containers.length]);
    if (m.kind === "add-key") setOwn(target as Record<string, Json>, m.key, m.value);
    else (target as Json[]).push((target as Json[])[0]);
    return;
  }
  if (all.length === 0) return;
  const path = all[m.pick % all.length];
  const parent = valueAt(doc, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1];
  if (m.kind === "set") setOwn(parent, key, m.value);
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key];
}

function valueAt(doc: Json, path: Path): Json {
  let v: Json = doc;
  for (const k of path) v = (v as Record<string | number, Json>)[k];
  return v;
}

/** Structured mutations of the bundled scenario, or its text cut short. */
export const scenarioCases: fc.Arbitrary<ScenarioCase> = fc.record({
  mode: fc.constantFrom("event" as const, "monthly" as const),
  text: fc.oneof(
    { weight: 5, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
      const doc = parse(BUNDLED) as Json;
      for (const m of ms) apply(doc, m);
      return stringify(doc);
    }) },
    { weight: 1, arbitrary: fc.nat({ max: BUNDLED.length }).map((n) => BUNDLED.slice(0, n)) },
  ),
});

/** Throws unless every number of the result is finite where it must be (docs/SIMULATION.md outcomes). */
export function assertFinite(result: EvaluationResult): void {
  for (const r of result.results) {
    for (const [name, e] of Object.entries(r.outcomes)) {
      const conditional = name.startsWith("p_war_resumes_");
      if (conditional && r.survival.n === 0) continue; // nothing accepted: nothing to condition on
      // a ratio of sums (wars per crisis, crises per peace-year) is undefined (NaN) when its denominator's sum is 0
      const ratio = name.startsWith("wars_per_crisis") || name.startsWith("crises_per_peace_year");
      if (ratio && Number.isNaN(e.mean)) {
        const given = name.endsWith("_given_accept");
        const denominator = r.outcomes[name.startsWith("wars") ? (given ? "expected_crises_given_accept" : "expected_crises") : "expected_peace_months"];
        if ((given && r.survival.n === 0) || denominator.mean === 0 || Number.isNaN(denominator.mean)) continue;
      }
      if (name.endsWith("_given_accept") && r.survival.n === 0) continue;
      if (!Number.isFinite(e.mean)) throw new Error(`${r.option}/${r.perspective}: ${name} mean is ${e.mean}`);
      const n = conditional || name.endsWith("_given_accept") ? r.survival.n : r.trajectories;
      if (n > 1 && !Number.isFinite(e.se)) throw new Error(`${r.option}/${r.perspective}: ${name} se is ${e.se}`);
      if (name.startsWith("p_") && !(e.mean >= 0 && e.mean <= 1)) throw new Error(`${r.option}/${r.perspective}: probability ${name} is ${e.mean}`);
    }
  }
  for (const p of result.ranking) for (const o of p.order) if (!Number.isFinite(o.loss.mean)) throw new Error(`ranking of ${p.perspective}: ${o.option} loss ${o.loss.mean}`);
}

/** A run small enough for thousands of cases: few trajectories, a short horizon, every perspective. */
export async function tinyRun(scenario: Scenario, mode: "event" | "monthly"): Promise<EvaluationResult> {
  return evaluate(scenario, {
    trajectories: Math.min(scenario.trajectories ?? 16, 16),
    horizonYears: Math.min(scenario.horizon_years, 2),
    perspectives: ["baseline", ...Object.keys(scenario.perspectives)],
    mode,
  });
}

export async function checkScenarioCase(c: ScenarioCase): Promise<Verdict> {
  let scenario: Scenario;
  try {
    scenario = loadScenarioText(c.text, "fuzz.yaml");
  } catch (e) {
    if (e instanceof ScenarioError) {
      for (const i of e.issues)
        if (!(i.file === "fuzz.yaml" && i.line >= 1 && i.column >= 1 && typeof i.message === "string" && i.message.length > 0))
          throw new Error(`a malformed problem: ${JSON.stringify(i)}`);
      return "refused";
    }
    if (e instanceof InputError) return "refused";
    throw e;
  }
  assertFinite(await tinyRun(scenario, c.mode));
  return "accepted";
}

export const target: FuzzTarget<ScenarioCase> = { cases: scenarioCases, check: checkScenarioCase };

/** The property for `npm test`: `runs` cases, fixed seed. */
export async function fuzzScenario(runs: number, seed = 14): Promise<void> {
  await fc.assert(fc.asyncProperty(scenarioCases, async (c) => void (await checkScenarioCase(c))), { numRuns: runs, seed });
}
