/**
 * The schools' written conclusions (docs/MODEL.md §12) and their judge, a pure function of a result
 * (shared by the CLI, the report and the web app). A perspective may
 * list its advocates' conclusions (`perspectives.<id>.conclusions` in a scenario), each stated as
 * comparisons of options on one outcome. Every comparison is judged at 2 standard errors: the
 * paired standard error of the difference where the outcome is one value per trajectory (every
 * option sees the same trajectories, common random numbers), otherwise √(SE_A² + SE_B²) of the
 * two estimates (outcomes given acceptance and ratios are over different sets of trajectories).
 * A conclusion holds when all its comparisons do. One the model cannot reproduce carries
 * `not_reproduced` (the structural assumption that prevents it, docs/MODEL.md §12.5): the report
 * says whether each conclusion came out as the scenario says it does.
 */
import type { EvaluationResult, OutcomeName } from "./result.js";

/** The multiple of the standard error a comparison must clear. */
export const CONCLUSION_Z = 2;

/** The relations a comparison may state (the scenario format's `relation`). */
export const CONCLUSION_RELATIONS = ["lower", "higher", "not_lower", "near", "above", "below"] as const;

/** What each relation compares the options with: other options (`than`) or a number (`value`); src/scenario/checks.ts requires that field. */
export const COMPARED_WITH: Record<(typeof CONCLUSION_RELATIONS)[number], "than" | "value"> = {
  lower: "than", higher: "than", not_lower: "than", near: "than", above: "value", below: "value",
};

/** One comparison of a conclusion, as the scenario states it (src/scenario/schema.ts checks the shape). */
export interface ConclusionCheck {
  relation: (typeof CONCLUSION_RELATIONS)[number];
  options: readonly string[];
  /** the options compared with, or "others" (every other option); for lower, higher, not_lower, near */
  than?: readonly string[] | "others";
  outcome: OutcomeName;
  /** near: the tolerance beyond 2 SE */
  within?: number;
  /** above, below: the value compared with */
  value?: number;
}

/** A school's written conclusion: what it says, its source, the comparisons that state it, and why the model cannot reproduce it, if so. */
export interface Conclusion {
  id: string;
  says: string;
  source?: string;
  checks: readonly ConclusionCheck[];
  not_reproduced?: string;
}

/** The paired statistics of an evaluation: x̄(a) − x̄(b) and its SE under a perspective, if kept for that outcome. */
export interface PairedSource {
  difference(perspective: string, a: string, b: string, outcome: OutcomeName): { mean: number; se: number } | undefined;
}

export interface Comparison {
  relation: ConclusionCheck["relation"];
  outcome: OutcomeName;
  option: string;
  /** the option compared with (null: compared with `value`) */
  than: string | null;
  value: number | null;
  /** x̄(option) − x̄(than), or x̄(option) − value */
  difference: number;
  se: number;
  /** the standard error is of paired differences (common random numbers) */
  paired: boolean;
  /** `near`: the tolerance beyond 2 SE */
  within: number | null;
  holds: boolean;
}

export type ConclusionStatus = "reproduced" | "not reproduced" | "not reproduced (documented)" | "holds (documented as not reproduced)";

export interface ConclusionVerdict {
  perspective: string;
  id: string;
  says: string;
  source: string | null;
  /** every comparison holds */
  holds: boolean;
  /** the structural reason the scenario gives for not reproducing it (null: it is expected to hold) */
  not_reproduced: string | null;
  status: ConclusionStatus;
  comparisons: Comparison[];
}

export interface ConclusionsReport {
  seed: number;
  trajectories: number;
  z: number;
  conclusions: ConclusionVerdict[];
  /** conclusions not judged: they compare options the evaluation left out, or outcomes it does not have (a run stored by an older version) */
  skipped: { perspective: string; id: string; missing: string[]; missing_outcomes: string[] }[];
  /** conclusions that came out as the scenario says (held, or failed where it says they do) */
  as_stated: number;
  /** conclusions that did not: a reproduced one failed, or a documented failure now holds */
  not_as_stated: number;
}

/** The pairs a check compares: each listed option with each option of `than` ("others": every other option), or with its value. */
function pairs(check: ConclusionCheck, optionIds: readonly string[]): { option: string; than: string | null }[] {
  if (COMPARED_WITH[check.relation] === "value") return check.options.map((option) => ({ option, than: null }));
  const than = check.than === "others" || check.than === undefined ? optionIds : check.than;
  return check.options.flatMap((option) => than.filter((b) => b !== option).map((b) => ({ option, than: b })));
}

function holds(relation: ConclusionCheck["relation"], d: number, se: number, within: number): boolean {
  const z = CONCLUSION_Z * se;
  switch (relation) {
    case "lower":
    case "below":
      return d < -z;
    case "higher":
    case "above":
      return d > z;
    case "not_lower":
      return d >= -z;
    case "near":
      return Math.abs(d) < z + within;
  }
}

const SYMBOL: Record<ConclusionCheck["relation"], string> = { lower: "<", higher: ">", not_lower: "not <", near: "≈", above: ">", below: "<" };

/** Why a conclusion was not judged, in words: "R2: compares options the run left out (a, b)". */
export function describeSkipped(x: ConclusionsReport["skipped"][number]): string {
  const why = [
    ...(x.missing.length > 0 ? [`compares options the run left out (${x.missing.join(", ")})`] : []),
    ...(x.missing_outcomes.length > 0 ? [`needs outcomes the run does not have (${x.missing_outcomes.join(", ")})`] : []),
  ];
  return `${x.id}: ${why.join("; ")}`;
}

/** One comparison in words, as the CLI, the report and the web app print it: "✓ loss: a < b (−0.123 ± 0.020, paired)". */
export function describeComparison(c: Comparison): string {
  const against = c.than ?? String(c.value);
  const within = c.within !== null ? ` within ${c.within}` : "";
  const figure = `${c.difference >= 0 ? "+" : ""}${c.difference.toFixed(3)} ± ${c.se.toFixed(3)}${c.paired ? ", paired" : ""}`;
  return `${c.holds ? "✓" : "✗"} ${c.outcome}: ${c.option} ${SYMBOL[c.relation]} ${against}${within} (${figure})`;
}

function status(held: boolean, reason: string | null): ConclusionStatus {
  if (reason === null) return held ? "reproduced" : "not reproduced";
  return held ? "holds (documented as not reproduced)" : "not reproduced (documented)";
}

/**
 * Judge every conclusion of the evaluated perspectives (`conclusions` by perspective id). `paired`
 * (optional) holds the paired statistics of the same evaluation; without it every difference uses
 * √(SE_A² + SE_B²). Pure: the web app judges a stored run's estimates with it.
 */
export function judgeConclusions(conclusions: Readonly<Record<string, readonly Conclusion[]>>, result: EvaluationResult, paired?: PairedSource): ConclusionsReport {
  const optionIds = result.options.map((o) => o.id);
  const cell = new Map(result.results.map((r) => [`${r.perspective}\u0000${r.option}`, r.outcomes]));
  const estimate = (p: string, option: string, outcome: OutcomeName) => {
    const e = cell.get(`${p}\u0000${option}`)?.[outcome];
    if (!e) throw new Error(`the evaluation has no ${outcome} of ${option} under ${p}`);
    return e;
  };
  const verdicts: ConclusionVerdict[] = [];
  const skipped: ConclusionsReport["skipped"] = [];
  for (const p of result.perspectives.map((x) => x.id)) {
    for (const c of Object.hasOwn(conclusions, p) ? conclusions[p] : []) {
      const missing = [...new Set(c.checks.flatMap((k) => [...k.options, ...(Array.isArray(k.than) ? k.than : [])]))].filter((o) => !optionIds.includes(o));
      const missingOutcomes = [...new Set(c.checks.map((k) => k.outcome))].filter((o) => optionIds.some((option) => !cell.get(`${p}\u0000${option}`)?.[o]));
      if (missing.length > 0 || missingOutcomes.length > 0) {
        skipped.push({ perspective: p, id: c.id, missing, missing_outcomes: missingOutcomes });
        continue;
      }
      const comparisons: Comparison[] = c.checks.flatMap((k) =>
        pairs(k, optionIds).map(({ option, than }) => {
          const a = estimate(p, option, k.outcome);
          let difference: number;
          let se: number;
          let isPaired = false;
          if (than === null) {
            difference = a.mean - (k.value ?? 0);
            se = a.se;
          } else {
            const d = paired?.difference(p, option, than, k.outcome);
            if (d) {
              difference = d.mean;
              se = d.se;
              isPaired = true;
            } else {
              const b = estimate(p, than, k.outcome);
              difference = a.mean - b.mean;
              se = Math.hypot(a.se, b.se);
            }
          }
          const within = k.relation === "near" ? (k.within ?? 0) : null;
          return {
            relation: k.relation, outcome: k.outcome, option, than, value: than === null ? (k.value ?? 0) : null,
            difference, se, paired: isPaired, within, holds: holds(k.relation, difference, se, within ?? 0),
          };
        }),
      );
      const held = comparisons.every((x) => x.holds);
      const reason = c.not_reproduced ?? null;
      verdicts.push({ perspective: p, id: c.id, says: c.says, source: c.source ?? null, holds: held, not_reproduced: reason, status: status(held, reason), comparisons });
    }
  }
  const asStated = verdicts.filter((v) => v.holds === (v.not_reproduced === null)).length;
  return { seed: result.seed, trajectories: result.trajectories, z: CONCLUSION_Z, conclusions: verdicts, skipped, as_stated: asStated, not_as_stated: verdicts.length - asStated };
}
