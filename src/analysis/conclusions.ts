/**
 * `guarantor conclusions`' engine: evaluate the perspectives that state conclusions with paired
 * per-trajectory statistics, then judge the conclusions (src/contract/conclusions.ts, docs/MODEL.md §12).
 */
import { judgeConclusions, type Conclusion, type ConclusionsReport, type PairedSource } from "../contract/conclusions.js";
import { TRAJECTORY_VALUE_NAMES } from "../contract/outcomes.js";
import type { EvaluationResult, OutcomeName } from "../contract/result.js";
import type { Scenario } from "../scenario/load.js";
import { evaluate, type EvaluateOptions } from "../sim/evaluate.js";
import { PairedDifferences } from "./audit.js";

/** Each perspective's conclusions, by perspective id (those that state none are left out). */
export function conclusionsByPerspective(scenario: Scenario): Record<string, readonly Conclusion[]> {
  return Object.fromEntries(Object.entries(scenario.perspectives).flatMap(([id, p]) => ((p.conclusions?.length ?? 0) > 0 ? [[id, p.conclusions!]] : [])));
}

/** The outcomes compared by any conclusion that are one value per trajectory (paired statistics are kept for them). */
function pairedOutcomes(conclusions: Record<string, readonly Conclusion[]>, perspectives: string[]): OutcomeName[] {
  const perTrajectory = new Set<string>(TRAJECTORY_VALUE_NAMES);
  const names = new Set<OutcomeName>();
  for (const p of perspectives) for (const c of conclusions[p] ?? []) for (const k of c.checks) if (perTrajectory.has(k.outcome)) names.add(k.outcome);
  return [...names];
}

/** The audit's paired statistics, read by ids. */
export function pairedSource(d: PairedDifferences): PairedSource {
  return {
    difference(perspective, a, b, outcome) {
      const p = d.perspectives.indexOf(perspective);
      const k = d.components.indexOf(outcome);
      const ia = d.options.indexOf(a);
      const ib = d.options.indexOf(b);
      return p < 0 || k < 0 || ia < 0 || ib < 0 ? undefined : d.difference(p, ia, ib, k);
    },
  };
}

export interface ConclusionsRun {
  result: EvaluationResult;
  report: ConclusionsReport;
  paired: PairedDifferences;
}

/**
 * Evaluate the perspectives that state conclusions (or `opts.perspectives`; "baseline" may be among
 * them for comparisons of one's own) over every option, with paired statistics, and judge the conclusions.
 */
export async function checkConclusions(scenario: Scenario, opts: EvaluateOptions = {}): Promise<ConclusionsRun> {
  const conclusions = conclusionsByPerspective(scenario);
  const perspectives = opts.perspectives ?? Object.keys(conclusions);
  const paired = new PairedDifferences(scenario.options.map((o) => o.id), perspectives, pairedOutcomes(conclusions, perspectives));
  const result = await evaluate(scenario, {
    ...opts,
    options: undefined,
    perspectives,
    onTrajectories: (rows) => {
      opts.onTrajectories?.(rows);
      paired.add(rows);
    },
  });
  return { result, report: judgeConclusions(conclusions, result, pairedSource(paired)), paired };
}
