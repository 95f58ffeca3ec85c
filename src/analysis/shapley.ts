/**
 * Shapley values (Shapley 1953) of a set function v over n players: how much of the total
 * change v(all) − v(none) each player accounts for. The analysis layer uses it to split the
 * gap between two perspectives among the parameters they override differently.
 */
import { InputError } from "../errors.js";
import { AnalysisRandom } from "../math/random.js";
import { replicateEstimate } from "./replicates.js";

/**
 * A coalition's value, given as replicate values (e.g. batch means over independent seeds,
 * the same seeds for every coalition): Shapley values are linear in v, so they are computed per
 * replicate and their spread gives a standard error. One replicate means no error estimate.
 */
export type CoalitionValue = (members: readonly boolean[]) => Promise<Float64Array> | Float64Array;

export interface ShapleyValue {
  mean: number;
  /** standard error across replicates (and sampled orderings); NaN with one replicate and exact enumeration */
  se: number;
}

export interface ShapleyResult {
  players: number;
  /** v(all) − v(none): what the values add up to (efficiency) */
  total: ShapleyValue;
  values: ShapleyValue[];
  /** "exact": all 2^n coalitions; "sampled": random orderings (Castro, Gómez & Tejada 2009) */
  method: "exact" | "sampled";
  coalitionsEvaluated: number;
}

export interface ShapleyOptions {
  /** enumerate all coalitions up to this many players (default 10), sample orderings above */
  exactUpTo?: number;
  /** orderings sampled (each with its reverse) when n is above exactUpTo (default 64) */
  orderings?: number;
  seed?: number;
  /**
   * told once, before any value is asked for, every coalition the computation will ask about (in
   * the order it first asks): an evaluator that gains from batches (a job queue) runs them together
   */
  prefetch?: (coalitions: boolean[][]) => Promise<void>;
}

const meanAndSe = (values: Float64Array): ShapleyValue => replicateEstimate(values);

/** Evaluates and caches v by coalition bitmask. */
class CoalitionCache {
  private readonly cache = new Map<number, Float64Array>();
  replicates = -1;

  constructor(private readonly players: number, private readonly value: CoalitionValue) {}

  get size(): number {
    return this.cache.size;
  }

  async at(mask: number): Promise<Float64Array> {
    const known = this.cache.get(mask);
    if (known) return known;
    const result = await this.value(membersOf(this.players, mask));
    if (this.replicates < 0) this.replicates = result.length;
    if (result.length !== this.replicates || result.length === 0) {
      throw new InputError(`every coalition must give the same number of replicate values (got ${result.length} and ${this.replicates})`);
    }
    this.cache.set(mask, result);
    return result;
  }
}

/** φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)), per replicate. */
async function exactShapley(players: number, cache: CoalitionCache): Promise<Float64Array[]> {
  const full = 2 ** players;
  const weights = new Float64Array(players);
  for (let size = 0; size < players; size++) weights[size] = 1 / (players * binomial(players - 1, size));
  for (let mask = 0; mask < full; mask++) await cache.at(mask);
  const phi = Array.from({ length: players }, () => new Float64Array(cache.replicates));
  for (let mask = 0; mask < full; mask++) {
    const without = await cache.at(mask);
    const size = popcount(mask);
    for (let i = 0; i < players; i++) {
      if ((mask >>> i) & 1) continue;
      const withI = await cache.at(mask | (1 << i));
      for (let r = 0; r < without.length; r++) phi[i][r] += weights[size] * (withI[r] - without[r]);
    }
  }
  return phi;
}

export async function shapleyValues(players: number, value: CoalitionValue, options: ShapleyOptions = {}): Promise<ShapleyResult> {
  if (!Number.isInteger(players) || players < 1 || players > 30) {
    throw new InputError(`Shapley values need between 1 and 30 players, got ${players}`);
  }
  const cache = new CoalitionCache(players, value);
  const exactUpTo = options.exactUpTo ?? 10;
  const exact = players <= exactUpTo;
  const orderings = options.orderings ?? 64;
  if (!exact && (!Number.isInteger(orderings) || orderings < 1)) throw new InputError(`the number of sampled orderings must be a positive integer, got ${orderings}`);
  // the sampled orderings depend only on the seed, so every coalition is known before any is evaluated
  const sampled: Int32Array[] = [];
  if (!exact) {
    const random = new AnalysisRandom(options.seed ?? 0, 0x5a9);
    const order = Int32Array.from({ length: players }, (_, i) => i);
    for (let o = 0; o < orderings; o++) {
      random.shuffle(order);
      sampled.push(order.slice());
    }
  }
  if (options.prefetch) await options.prefetch(coalitionsNeeded(players, exact, sampled).map((mask) => membersOf(players, mask)));
  const none = await cache.at(0);
  const all = await cache.at(2 ** players - 1);
  const total = meanAndSe(all.map((v, r) => v - none[r]));
  if (exact) {
    const phi = await exactShapley(players, cache);
    return { players, total, values: phi.map(meanAndSe), method: "exact", coalitionsEvaluated: cache.size };
  }
  const replicates = none.length;
  // perReplicate[i][r]: player i's average marginal contribution in replicate r;
  // perOrdering[i][o]: its contribution in ordering pair o, averaged over replicates.
  const perReplicate = Array.from({ length: players }, () => new Float64Array(replicates));
  const perOrdering = Array.from({ length: players }, () => new Float64Array(orderings));
  for (let o = 0; o < orderings; o++) {
    const order = sampled[o];
    for (const sequence of [order, order.slice().reverse()]) {
      let mask = 0;
      let previous = await cache.at(0);
      for (const player of sequence) {
        mask |= 1 << player;
        const current = await cache.at(mask);
        for (let r = 0; r < replicates; r++) {
          const marginal = current[r] - previous[r];
          perReplicate[player][r] += marginal / (2 * orderings);
          perOrdering[player][o] += marginal / (2 * replicates);
        }
        previous = current;
      }
    }
  }
  // An ordering and its reverse form one antithetic pair. The two sources of error — which
  // orderings were drawn and the replicates' own noise — are independent: their variances add.
  const values = perReplicate.map((byReplicate, i) => {
    const overReplicates = meanAndSe(byReplicate);
    const overOrderings = meanAndSe(perOrdering[i]);
    const replicateSe = Number.isFinite(overReplicates.se) ? overReplicates.se : 0;
    const orderingSe = Number.isFinite(overOrderings.se) ? overOrderings.se : 0;
    return { mean: overReplicates.mean, se: Math.hypot(replicateSe, orderingSe) };
  });
  return { players, total, values, method: "sampled", coalitionsEvaluated: cache.size };
}

/** Coalitions (bitmasks) in the order the computation first asks for them: none, all, then the rest. */
function coalitionsNeeded(players: number, exact: boolean, orders: Int32Array[]): number[] {
  const full = 2 ** players;
  const seen = new Set<number>([0, full - 1]);
  const add = (mask: number) => seen.add(mask);
  if (exact) for (let mask = 0; mask < full; mask++) add(mask);
  for (const order of orders) {
    for (const sequence of [order, order.slice().reverse()]) {
      let mask = 0;
      for (const player of sequence) add((mask |= 1 << player));
    }
  }
  return [...seen];
}

function membersOf(players: number, mask: number): boolean[] {
  return Array.from({ length: players }, (_, i) => ((mask >>> i) & 1) === 1);
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v; v &= v - 1) count++;
  return count;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
