/**
 * The dominance audit (docs/MODEL.md, "The dominance audit"): does the structure of the model force
 * a ranking? From one evaluation of options × perspectives it lists
 *
 * - every pair where option A is at least as good as B on every loss component under every
 *   perspective (paired difference D = x̄(A) − x̄(B) ≤ 2·SE(D) everywhere) and strictly better
 *   somewhere (D < −2·SE(D)); under a perspective with its own loss weights, its components are
 *   the outcomes it weights;
 * - every loss component that is zero in all trajectories for an option while another option has it
 *   nonzero;
 *
 * and, with a stress run (every prior replaced by the uniform over its own 5%–95% range, the
 * "agnostic" perspective), whether a dominance or a zero also holds across the prior space: then
 * the ranking may be forced by the structure rather than by the priors.
 *
 * SE(D): paired (common random numbers: every option sees the same trajectory draws) when the
 * per-trajectory values are available (`PairedDifferences`); otherwise, from a result file alone,
 * √(SE_A² + SE_B²), which overstates the paired SE when the options are positively correlated
 * (fewer strict findings, never a false one from pairing).
 */
import type { EvaluationResult, OutcomeName } from "../contract/result.js";
import { perspectiveLossWeights } from "../contract/loss.js";
import type { Prior } from "../scenario/prior.js";
import { priorQuantile } from "../scenario/prior-quantile.js";
import type { Scenario } from "../scenario/load.js";
import { V, ROW_WIDTH } from "../sim/aggregate.js";
import { evaluate, type EvaluateOptions, type TrajectoryRows } from "../sim/evaluate.js";
import { BASELINE } from "../sim/plan.js";

/** The id of the stress run's perspective. */
export const AGNOSTIC = "agnostic";
/** Trajectories of the stress run (per option). */
export const STRESS_TRAJECTORIES = 2000;
/** The multiple of SE(D) that makes a difference a finding. */
export const AUDIT_Z = 2;

export interface DominanceFinding {
  option: string;
  dominated: string;
  /** where A is strictly better: D < −2·SE(D) */
  strict: { perspective: string; component: OutcomeName }[];
  /** the dominance also holds under the agnostic stress perspective (null: not checked) */
  across_prior_space: boolean | null;
}

export interface ZeroFinding {
  option: string;
  component: OutcomeName;
  nonzero_trajectories: 0;
  /** zero in every trajectory of the stress run too (rarer than 3/n across the prior space, or zero by construction); null: not checked */
  by_construction: boolean | null;
}

export interface Audit {
  /** the loss components: outcomes with a nonzero weight under the scenario or some perspective */
  components: OutcomeName[];
  perspectives: string[];
  /** "paired" (per-trajectory differences) or "independent" (√(SE_A² + SE_B²), from a result file) */
  standard_errors: "paired" | "independent";
  /** trajectories of the stress run, 0 when it was not run */
  stress_trajectories: number;
  dominance: DominanceFinding[];
  zeros: ZeroFinding[];
  verdict: string;
}

/** Loss components of a result: outcomes weighted by the scenario's loss or by some perspective's. */
export function lossComponents(result: Pick<EvaluationResult, "loss_weights" | "perspectives">): OutcomeName[] {
  const names = new Set<OutcomeName>();
  const add = (w: Partial<Record<OutcomeName, number>> | undefined) => {
    for (const [k, v] of Object.entries(w ?? {})) if (v !== undefined && v !== 0) names.add(k as OutcomeName);
  };
  add(result.loss_weights);
  for (const p of result.perspectives) add(p.loss_weights);
  return [...names];
}

/**
 * Streaming paired statistics of one evaluation: per perspective, ordered pair of options (A, B) and
 * component k the sums Σd and Σd² of the per-trajectory differences d = x_k(A) − x_k(B), and per
 * option and component the count of trajectories with a nonzero value. Fed by `evaluate`'s
 * `onTrajectories` (the blocks of one perspective share trajectory indices across options).
 */
export class PairedDifferences {
  readonly n: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly nonzero: Float64Array;
  private readonly perspectiveIndex = new Map<string, number>();

  constructor(
    readonly options: string[],
    readonly perspectives: string[],
    readonly components: OutcomeName[],
  ) {
    perspectives.forEach((p, i) => this.perspectiveIndex.set(p, i));
    const O = options.length;
    const K = components.length;
    this.n = new Float64Array(perspectives.length);
    this.sum = new Float64Array(perspectives.length * O * O * K);
    this.sumSq = new Float64Array(perspectives.length * O * O * K);
    this.nonzero = new Float64Array(perspectives.length * O * K);
  }

  private at(p: number, a: number, b: number, k: number): number {
    const O = this.options.length;
    return ((p * O + a) * O + b) * this.components.length + k;
  }

  /** Adds one block of trajectories (as `evaluate` hands them to `onTrajectories`). */
  add(block: TrajectoryRows): void {
    const p = this.perspectiveIndex.get(block.perspective);
    if (p === undefined) return;
    const O = this.options.length;
    const K = this.components.length;
    const column = block.options.map((id) => this.options.indexOf(id));
    if (column.some((c) => c < 0)) throw new Error(`the audit was set up for options ${this.options.join(", ")}, got ${block.options.join(", ")}`);
    const slot = this.components.map((c) => V[c as keyof typeof V]);
    const x = new Float64Array(O * K);
    for (let i = 0; i < block.count; i++) {
      block.rows.forEach((rows, r) => {
        for (let k = 0; k < K; k++) x[column[r] * K + k] = rows[i * ROW_WIDTH + slot[k]];
      });
      for (let a = 0; a < O; a++)
        for (let k = 0; k < K; k++) {
          const xa = x[a * K + k];
          if (xa !== 0) this.nonzero[(p * O + a) * K + k]++;
          for (let b = 0; b < O; b++) {
            if (b === a) continue;
            const d = xa - x[b * K + k];
            const j = this.at(p, a, b, k);
            this.sum[j] += d;
            this.sumSq[j] += d * d;
          }
        }
    }
    this.n[p] += block.count;
  }

  /** Mean paired difference x̄(A) − x̄(B) and its standard error under perspective p. */
  difference(p: number, a: number, b: number, k: number): { mean: number; se: number } {
    const n = this.n[p];
    const j = this.at(p, a, b, k);
    const mean = this.sum[j] / n;
    const variance = n > 1 ? Math.max(0, (this.sumSq[j] - n * mean * mean) / (n - 1)) : Infinity;
    return { mean, se: Math.sqrt(variance / n) };
  }

  /** Trajectories of perspective p in which option a's component k is nonzero. */
  nonzeroCount(p: number, a: number, k: number): number {
    return this.nonzero[(p * this.options.length + a) * this.components.length + k];
  }
}

/** What the audit reads: the paired statistics, or a result's estimates alone. */
interface Source {
  options: string[];
  perspectives: string[];
  /** component k counts in perspective p's loss (a perspective's own weights may drop some) */
  weighted(p: number, k: number): boolean;
  difference(p: number, a: number, b: number, k: number): { mean: number; se: number };
  zero(p: number, a: number, k: number): boolean;
}

/**
 * Component k weighs in perspective p's loss. A perspective without its weights in the result (the
 * stress run, results from before perspectives carried weights) is audited on every component.
 */
function weightedBy(result: EvaluationResult, perspectives: string[], components: OutcomeName[]): (p: number, k: number) => boolean {
  return (p, k) => {
    const own = result.perspectives.find((x) => x.id === perspectives[p])?.loss_weights;
    return own === undefined || (own[components[k]] ?? 0) !== 0;
  };
}

function fromPaired(d: PairedDifferences, result: EvaluationResult): Source {
  return {
    options: d.options,
    perspectives: d.perspectives,
    weighted: weightedBy(result, d.perspectives, d.components),
    difference: (p, a, b, k) => d.difference(p, a, b, k),
    zero: (p, a, k) => d.nonzeroCount(p, a, k) === 0,
  };
}

function fromResult(result: EvaluationResult, components: OutcomeName[]): Source {
  const options = result.options.map((o) => o.id);
  const perspectives = result.perspectives.map((p) => p.id);
  const cell = new Map(result.results.map((r) => [`${r.perspective}\u0000${r.option}`, r.outcomes]));
  const get = (p: number, a: number, k: number) => {
    const outcomes = cell.get(`${perspectives[p]}\u0000${options[a]}`);
    if (!outcomes) throw new Error(`the result has no row for ${options[a]} under ${perspectives[p]}`);
    return outcomes[components[k]];
  };
  return {
    options,
    perspectives,
    weighted: weightedBy(result, perspectives, components),
    difference: (p, a, b, k) => {
      const x = get(p, a, k);
      const y = get(p, b, k);
      return { mean: x.mean - y.mean, se: Math.hypot(x.se, y.se) };
    },
    // every loss component is ≥ 0 per trajectory, so a mean of exactly 0 means no trajectory had it
    zero: (p, a, k) => get(p, a, k).mean === 0,
  };
}

/** Pairs (A, B) such that A is at least as good as B everywhere and strictly better somewhere. */
function dominance(s: Source, K: number): { a: number; b: number; strict: { perspective: string; component: number }[] }[] {
  const found: { a: number; b: number; strict: { perspective: string; component: number }[] }[] = [];
  const O = s.options.length;
  for (let a = 0; a < O; a++)
    for (let b = 0; b < O; b++) {
      if (a === b) continue;
      let weak = true;
      const strict: { perspective: string; component: number }[] = [];
      for (let p = 0; p < s.perspectives.length && weak; p++)
        for (let k = 0; k < K; k++) {
          if (!s.weighted(p, k)) continue;
          const d = s.difference(p, a, b, k);
          if (!(d.mean <= AUDIT_Z * d.se)) {
            weak = false;
            break;
          }
          if (d.mean < -AUDIT_Z * d.se) strict.push({ perspective: s.perspectives[p], component: k });
        }
      if (weak && strict.length > 0) found.push({ a, b, strict });
    }
  return found;
}

/** Components that are zero under every perspective for an option while nonzero for another. */
function zeros(s: Source, K: number): { a: number; k: number }[] {
  const found: { a: number; k: number }[] = [];
  const O = s.options.length;
  const P = s.perspectives.length;
  for (let k = 0; k < K; k++) {
    const zeroFor = Array.from({ length: O }, (_, a) => Array.from({ length: P }, (_, p) => s.zero(p, a, k)).every(Boolean));
    if (zeroFor.every(Boolean)) continue;
    zeroFor.forEach((z, a) => z && found.push({ a, k }));
  }
  return found;
}

export interface AuditInputs {
  result: EvaluationResult;
  /** per-trajectory paired statistics of `result` (else the independent-SE rule is used) */
  paired?: PairedDifferences;
  /** the stress run: paired statistics of the same options under the agnostic perspective alone */
  stress?: PairedDifferences;
}

/** The audit of one evaluation (docs/MODEL.md, "The dominance audit"). */
export function auditEvaluation({ result, paired, stress }: AuditInputs): Audit {
  const components = paired?.components ?? lossComponents(result);
  const source = paired ? fromPaired(paired, result) : fromResult(result, components);
  const K = components.length;
  const stressSource = stress ? fromPaired(stress, result) : null;
  const stressDominates = stressSource ? dominance(stressSource, K) : [];
  const stressIndex = (a: number) => stressSource?.options.indexOf(source.options[a]) ?? -1;
  const dominanceFindings: DominanceFinding[] = dominance(source, K).map(({ a, b, strict }) => ({
    option: source.options[a],
    dominated: source.options[b],
    strict: strict.map((s) => ({ perspective: s.perspective, component: components[s.component] })),
    across_prior_space: stressSource ? stressDominates.some((d) => d.a === stressIndex(a) && d.b === stressIndex(b)) : null,
  }));
  const zeroFindings: ZeroFinding[] = zeros(source, K).map(({ a, k }) => {
    const sa = stressIndex(a);
    return {
      option: source.options[a],
      component: components[k],
      nonzero_trajectories: 0,
      by_construction: stressSource && sa >= 0 ? stressSource.zero(0, sa, k) : null,
    };
  });
  return {
    components,
    perspectives: source.perspectives,
    standard_errors: paired ? "paired" : "independent",
    stress_trajectories: stress ? stress.n[0] : 0,
    dominance: dominanceFindings,
    zeros: zeroFindings,
    verdict: verdict(dominanceFindings, zeroFindings, stressSource !== null),
  };
}

function verdict(dominance: DominanceFinding[], zeros: ZeroFinding[], stressed: boolean): string {
  const forcedZeros = zeros.filter((z) => z.by_construction === true);
  const forcedDominance = dominance.filter((d) => d.across_prior_space === true);
  if (forcedZeros.length === 0 && forcedDominance.length === 0)
    return stressed ? "no option dominant by construction" : "no option dominant by construction under the perspectives run (stress check not run)";
  const parts = [
    ...forcedDominance.map((d) => `${d.option} dominates ${d.dominated} across the prior space`),
    ...forcedZeros.map((z) => `${z.component} is zero for ${z.option} across the prior space`),
  ];
  return `the ranking may be forced by the structure: ${parts.join("; ")} — check whether the model forces it`;
}

/** Every prior replaced by the uniform over its own 5%–95% range (a fixed prior stays fixed). */
export function agnosticPriors(priors: Record<string, Prior>): Record<string, Prior> {
  const out: Record<string, Prior> = {};
  for (const [name, p] of Object.entries(priors)) {
    if (p.dist === "fixed") {
      out[name] = p;
      continue;
    }
    const lo = priorQuantile(p, 0.05);
    const hi = priorQuantile(p, 0.95);
    out[name] = hi > lo ? { dist: "uniform", min: lo, max: hi } : { dist: "fixed", value: lo };
  }
  return out;
}

/** The scenario with the agnostic perspective added (its overrides: `agnosticPriors` of the scenario's priors). */
export function withAgnosticPerspective(scenario: Scenario): Scenario {
  return {
    ...scenario,
    perspectives: {
      ...scenario.perspectives,
      [AGNOSTIC]: {
        label: "Agnostic (every prior uniform over its 5%–95% range)",
        source: "dominance audit stress check",
        description: "every prior replaced by the uniform over its own 5%–95% range",
        overrides: agnosticPriors(scenario.parameters as Record<string, Prior>),
      },
    } as Scenario["perspectives"],
  };
}

export interface AuditRun {
  result: EvaluationResult;
  audit: Audit;
  /** the paired statistics the audit read */
  paired: PairedDifferences;
}

/**
 * Evaluates the scenario collecting paired statistics, runs the stress check (the agnostic
 * perspective, `stressTrajectories` per option, same seed) and audits the result.
 */
export async function evaluateWithAudit(scenario: Scenario, opts: EvaluateOptions, stressTrajectories = STRESS_TRAJECTORIES): Promise<AuditRun> {
  const components = scenarioLossComponents(scenario);
  const optionIds = opts.options ?? scenario.options.map((o) => o.id);
  const perspectives = opts.perspectives ?? (Object.keys(scenario.perspectives).length > 0 ? Object.keys(scenario.perspectives) : [BASELINE]);
  const paired = new PairedDifferences(optionIds, perspectives, components);
  const result = await evaluate(scenario, {
    ...opts,
    onTrajectories: (rows) => {
      opts.onTrajectories?.(rows);
      paired.add(rows);
    },
  });
  let stress: PairedDifferences | undefined;
  if (stressTrajectories > 0) {
    const s = new PairedDifferences(optionIds, [AGNOSTIC], components);
    await evaluate(withAgnosticPerspective(scenario), {
      seed: result.seed,
      horizonYears: result.horizon_years,
      mode: opts.mode,
      workers: opts.workers,
      // on the job queue too when the main run is (src/queue/): the same numbers wherever it runs
      ...(opts.executor ? { executor: opts.executor } : {}),
      options: optionIds,
      perspectives: [AGNOSTIC],
      trajectories: stressTrajectories,
      onTrajectories: (rows) => s.add(rows),
    });
    stress = s;
  }
  return { result, audit: auditEvaluation({ result, paired, stress }), paired };
}

/** Loss components of a scenario: outcomes weighted by its loss or by some perspective's own loss weights. */
export function scenarioLossComponents(scenario: Scenario): OutcomeName[] {
  const perspectives = Object.entries(scenario.perspectives).map(([id, p]) => ({ id, label: id, source: p.source, loss_weights: perspectiveLossWeights(scenario.lossWeights, p.loss_weights) }));
  return lossComponents({ loss_weights: scenario.lossWeights, perspectives });
}
