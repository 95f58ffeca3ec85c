/**
 * Why two perspectives disagree: the gap between their results, split among the parameters
 * whose priors they set differently, by Shapley values over coalitions of those parameters
 * (coalition S = the first perspective's priors with S's taken from the second). Every
 * coalition runs with the same seeds, so the contributions are differences of CRN estimates.
 */
import { InputError } from "../errors.js";
import type { Prior } from "../scenario/prior.js";
import { type OptionOutcomes, type ScenarioProbe, type Target, batchEstimate, describeTarget, runSettings, targetBatches } from "./probe.js";
import { type ShapleyValue, shapleyValues } from "./shapley.js";

export interface ExplainRequest {
  from: string;
  to: string;
  targets: Target[];
  /** enumerate all coalitions up to this many differing parameters (default 10) */
  exactUpTo?: number;
  orderings?: number;
  seed?: number;
  onProgress?: (coalitionsDone: number, coalitionsTotal: number) => void;
}

export interface Contribution extends ShapleyValue {
  parameter: string;
}

export interface Explanation {
  target: Target;
  label: string;
  /** the target under each perspective */
  atFrom: { mean: number; se: number };
  atTo: { mean: number; se: number };
  /** to − from, which the contributions add up to */
  gap: ShapleyValue;
  /** largest absolute contribution first */
  contributions: Contribution[];
}

export interface ExplainReport {
  from: string;
  to: string;
  /** parameters whose priors differ between the two perspectives */
  parameters: string[];
  method: "exact" | "sampled";
  coalitionsEvaluated: number;
  trajectoriesPerCoalition: number;
  batches: number;
  explanations: Explanation[];
}

/** Parameters whose priors differ between two perspectives. */
export function differingParameters(probe: ScenarioProbe, from: string, to: string): string[] {
  const a = probe.priorsOf(from);
  const b = probe.priorsOf(to);
  return Object.keys({ ...a, ...b }).filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name]));
}

export async function explainPerspectives(probe: ScenarioProbe, request: ExplainRequest): Promise<ExplainReport> {
  const { from, to } = request;
  if (from === to) throw new InputError("explain needs two different perspectives");
  for (const p of [from, to]) if (!probe.perspectives.includes(p)) throw new InputError(`unknown perspective "${p}"; the scenario has ${probe.perspectives.join(", ")}`);
  if (request.targets.length === 0) throw new InputError("nothing to explain: give at least one outcome");
  const options = [...new Set(request.targets.flatMap((t) => (t.versus ? [t.option, t.versus] : [t.option])))];
  for (const id of options) if (!probe.options.includes(id)) throw new InputError(`unknown option "${id}"; the scenario has ${probe.options.join(", ")}`);
  const parameters = differingParameters(probe, from, to);
  if (parameters.length === 0) throw new InputError(`"${from}" and "${to}" set every parameter alike: there is no difference to explain`);
  const toPriors = probe.priorsOf(to);
  const runs = new Map<string, Map<string, OptionOutcomes>>();
  const exactUpTo = request.exactUpTo ?? 10;
  const expected = parameters.length <= exactUpTo ? 2 ** parameters.length : undefined;
  const keyOf = (members: readonly boolean[]) => members.map((m) => (m ? "1" : "0")).join("");
  const settingOf = (members: readonly boolean[]) => {
    const overrides: Record<string, Prior> = {};
    parameters.forEach((name, i) => {
      if (members[i]) overrides[name] = toPriors[name];
    });
    return { perspective: from, overrides };
  };
  const remember = (key: string, result: Map<string, OptionOutcomes>, report = true) => {
    runs.set(key, result);
    if (report) request.onProgress?.(runs.size, expected ?? runs.size);
  };
  const runCoalition = async (members: readonly boolean[]) => {
    const key = keyOf(members);
    const known = runs.get(key);
    if (known) return known;
    const result = await probe.run(settingOf(members), options);
    remember(key, result);
    return result;
  };
  /** The coalitions a Shapley computation will ask about, run as one batch (a job queue runs them at once). */
  const prefetch = async (coalitions: boolean[][]) => {
    const missing = coalitions.filter((members) => !runs.has(keyOf(members)));
    const before = runs.size;
    const results = await runSettings(probe, missing.map(settingOf), options, (n) => request.onProgress?.(before + n, expected ?? before + missing.length));
    missing.forEach((members, i) => runs.has(keyOf(members)) || remember(keyOf(members), results[i], false));
  };
  const explanations: Explanation[] = [];
  let method: "exact" | "sampled" = "exact";
  for (const target of request.targets) {
    const shapley = await shapleyValues(parameters.length, async (members) => targetBatches(await runCoalition(members), target), {
      exactUpTo,
      orderings: request.orderings,
      seed: request.seed,
      prefetch,
    });
    method = shapley.method;
    const none = await runCoalition(parameters.map(() => false));
    const all = await runCoalition(parameters.map(() => true));
    const contributions = shapley.values.map((v, i) => ({ parameter: parameters[i], ...v }));
    contributions.sort((x, y) => Math.abs(y.mean) - Math.abs(x.mean));
    explanations.push({
      target,
      label: describeTarget(target),
      atFrom: batchEstimate(targetBatches(none, target)),
      atTo: batchEstimate(targetBatches(all, target)),
      gap: shapley.total,
      contributions,
    });
  }
  return {
    from,
    to,
    parameters,
    method,
    coalitionsEvaluated: runs.size,
    trajectoriesPerCoalition: probe.trajectories,
    batches: probe.batches,
    explanations,
  };
}

/** "… differs from … mainly through a and b": the fewest parameters covering 80% of the absolute contributions. */
export function mainContributors(explanation: Explanation, share = 0.8): string[] {
  const totalAbs = explanation.contributions.reduce((s, c) => s + Math.abs(c.mean), 0);
  const names: string[] = [];
  let covered = 0;
  for (const c of explanation.contributions) {
    if (totalAbs === 0 || covered >= share * totalAbs) break;
    names.push(c.parameter);
    covered += Math.abs(c.mean);
  }
  return names;
}
