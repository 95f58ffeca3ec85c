/**
 * Model v2: who would fight, and what their fighting does to the war (docs/MODEL.md §5,
 * intervention and coalitions). Every state that could fight has an intervention probability from
 * its stake against its cost of war, whether or not it promised anything; a commitment only adds
 * costs of staying out (audience, tripwire, sunk supply). Decisions are independent given the
 * draw, so the coalition's expected effect on the challenger's war is a product over states.
 * Pure functions of numbers over typed arrays; nothing allocates.
 */
import { lognormalExceeds } from "./stage-game.js";

/**
 * c_j = a_form(j) + a_F·troops_j/10,000 + a_S·supply_j: what state j loses by staying out of a
 * war over the protégé — the audience cost of its strongest promise, the tripwire of its troops in
 * harm's way (Schelling 1966) and the sunk cost of the arms it supplies (supply_j ∈ [0, 1]).
 */
export function stayingOutCost(formCost: number, tripwirePer10k: number, troops: number, supplyCost: number, supply: number): number {
  return formCost + (tripwirePer10k * troops) / 10_000 + supplyCost * supply;
}

/**
 * q_j = P(w_j·W_j + c_j > k_j), W_j ~ LogNormal(μ_W + e_j, σ_W): state j fights when its stake,
 * scaled by its stake weight w_j, plus its cost of staying out exceeds its cost of war. With c_j = 0
 * this is the state's underlying propensity, nonzero for every state with w_j > 0. w_j = 0: the
 * state fights only if staying out costs more than the war.
 */
export function interventionProbability(stakeWeight: number, stakeLogMean: number, stakeLogSd: number, warCost: number, stayingOut: number): number {
  const gap = warCost - stayingOut;
  if (gap <= 0) return 1;
  if (stakeWeight <= 0) return 0;
  return lognormalExceeds(Math.log(gap / stakeWeight), stakeLogMean, stakeLogSd);
}

/** Q = 1 − Π_j (1 − q_j): the probability that at least one of the first n states fights. */
export function coalitionProbability(q: Float64Array, n: number): number {
  let none = 1;
  for (let j = 0; j < n; j++) none *= 1 - q[j];
  return 1 - none;
}

/**
 * ϱ = min(1, π_G/π_P): the factor on the challenger's chance of success when a coalition of
 * military weight 1 (the reference coalition of the scenario) fights beside the protégé.
 */
export function coalitionSuccessRatio(piP: number, piG: number): number {
  return piP > 0 ? Math.min(1, piG / piP) : 1;
}

/** π(M) = π_P·ϱ^M: the challenger's chance of success against a coalition of weight M = Σ_{j∈C} m_j. */
export function successAgainstCoalition(weight: number, piP: number, piG: number): number {
  return piP * Math.pow(coalitionSuccessRatio(piP, piG), weight);
}

/** k(M) = k_P·(k_G/k_P)^M: the challenger's cost of war against a coalition of weight M. */
export function costAgainstCoalition(weight: number, kP: number, kG: number): number {
  return kP * Math.pow(kG / kP, weight);
}

/**
 * π̄ = E[π(M)] = π_P·Π_j (1 − q_j + q_j·ϱ^{m_j}) with independent decisions q_j: the challenger's
 * expected chance of success. With one state of weight 1 this is q·π_G + (1 − q)·π_P (model v1).
 */
export function expectedSuccess(q: Float64Array, weight: Float64Array, n: number, piP: number, piG: number): number {
  const ratio = coalitionSuccessRatio(piP, piG);
  let product = piP;
  for (let j = 0; j < n; j++) if (q[j] > 0) product *= 1 - q[j] + q[j] * Math.pow(ratio, weight[j]);
  return product;
}

/**
 * k̄ = E[k(C)] = k_P·Π_j (1 − q_j + q_j·(k_G/k_P)^{m_j}·n_j): the challenger's expected cost of war,
 * with n_j = `nuclear[j]` the factor (1 + κ_N) of a nuclear-armed state (1 otherwise, and without
 * `nuclear`; docs/MODEL.md §5). With one state of weight 1 this is q·k_G + (1 − q)·k_P (model v1).
 */
export function expectedCost(q: Float64Array, weight: Float64Array, n: number, kP: number, kG: number, nuclear?: Float64Array): number {
  const ratio = kG / kP;
  let product = kP;
  for (let j = 0; j < n; j++) if (q[j] > 0) product *= 1 - q[j] + q[j] * Math.pow(ratio, weight[j]) * (nuclear ? nuclear[j] : 1);
  return product;
}

/** n_j = 1 + κ_N for a nuclear-armed state, 1 otherwise: its factor on the challenger's cost of a war it joins (docs/MODEL.md §5). */
export function nuclearCostFactors(nuclear: readonly boolean[], effect: number): Float64Array {
  return Float64Array.from(nuclear, (x) => (x ? 1 + effect : 1));
}

/**
 * V* = k̄/π̄, the stake above which attacking pays against the believed coalition (docs/MODEL.md §4.1,
 * the stage game); +∞ when the challenger cannot succeed.
 */
export function coalitionAttackCutPoint(q: Float64Array, weight: Float64Array, n: number, piP: number, piG: number, kP: number, kG: number): number {
  const gain = expectedSuccess(q, weight, n, piP, piG);
  return gain > 0 ? expectedCost(q, weight, n, kP, kG) / gain : Infinity;
}

/**
 * Entanglement: the yearly rate at which states outside the coalition are drawn into a limited
 * war, λ_E·Σ_{j∉C} ε_j·q_j, with exposure ε_j = [committed_j] + ξ·supply_j (supply lines struck,
 * advisers and deliveries in harm's way). Constant while the coalition is unchanged.
 */
export function entanglementRate(q: Float64Array, exposure: Float64Array, inCoalition: Uint8Array, n: number, entryRate: number): number {
  let sum = 0;
  for (let j = 0; j < n; j++) if (!inCoalition[j]) sum += exposure[j] * q[j];
  return entryRate * sum;
}

/** ε_j = [committed] + ξ·supply_j: how exposed state j is to being drawn into a war it stayed out of. */
export function entanglementExposure(committed: boolean, supplyExposure: number, supply: number): number {
  return (committed ? 1 : 0) + supplyExposure * supply;
}

/**
 * Which of the states outside the coalition an entanglement event draws in: state j with
 * probability ε_j·q_j / Σ ε_i·q_i, chosen by one uniform u. −1 when nobody can be drawn in.
 */
export function drawnInState(q: Float64Array, exposure: Float64Array, inCoalition: Uint8Array, n: number, u: number): number {
  let total = 0;
  for (let j = 0; j < n; j++) if (!inCoalition[j]) total += exposure[j] * q[j];
  if (!(total > 0)) return -1;
  let target = u * total;
  let last = -1;
  for (let j = 0; j < n; j++) {
    if (inCoalition[j]) continue;
    const w = exposure[j] * q[j];
    if (w <= 0) continue;
    last = j;
    if (target < w) return j;
    target -= w;
  }
  return last;
}

/**
 * Sort the first n states by q_j, largest first, into `order` (insertion sort: n is the number of
 * states of a scenario, a handful). Ties keep the scenario's order.
 */
export function orderByResolve(q: Float64Array, n: number, order: Int32Array): void {
  for (let i = 0; i < n; i++) {
    let k = i;
    while (k > 0 && q[order[k - 1]] < q[i]) {
      order[k] = order[k - 1];
      k--;
    }
    order[k] = i;
  }
}

/**
 * True when `order` is already what orderByResolve would make of q: largest first, ties by index.
 * (The order of a coalition's members rarely changes between two calls, so checking is cheaper.)
 */
export function isOrderedByResolve(q: Float64Array, n: number, order: Int32Array): boolean {
  for (let i = 0; i + 1 < n; i++) {
    const a = order[i];
    const b = order[i + 1];
    if (!(q[a] > q[b] || (q[a] === q[b] && a < b))) return false;
  }
  return true;
}

/**
 * Nested coalitions (one common shock): every state's stake moves with the same draw, so state j
 * fights iff U > 1 − q_j for one uniform U, and the coalition is always the i most resolved states.
 * E[f(M)] = (1 − q_(1))·f(0) + Σ_i (q_(i) − q_(i+1))·f(m_(1) + … + m_(i)), q sorted largest first.
 * `kind` 0 gives π̄ (f = π(M)), 1 gives k̄ (f = k(C), with the factors n_j of the nuclear-armed members
 * when `nuclear` is given). `order` is scratch of length ≥ n.
 */
export function nestedExpectation(kind: 0 | 1, q: Float64Array, weight: Float64Array, n: number, order: Int32Array, pi: number, piOrK: number, nuclear?: Float64Array): number {
  orderByResolve(q, n, order);
  // with kind 0: pi = π_P, piOrK = π_G; with kind 1: pi = k_P, piOrK = k_G
  const ratio = kind === 0 ? coalitionSuccessRatio(pi, piOrK) : piOrK / pi;
  let total = n > 0 ? (1 - q[order[0]]) * pi : pi;
  let m = 0;
  let members = 1;
  for (let i = 0; i < n; i++) {
    const j = order[i];
    m += weight[j];
    if (kind === 1 && nuclear) members *= nuclear[j];
    const next = i + 1 < n ? q[order[i + 1]] : 0;
    total += (q[j] - next) * pi * Math.pow(ratio, m) * members;
  }
  return total;
}

/**
 * The coalition law of model v2: with probability ρ_c the states' decisions share one shock
 * (nested coalitions), otherwise they are independent (docs/MODEL.md §5.3). Linear in the
 * two, so every expectation is the ρ_c-mixture of the nested and the independent form:
 *   Q = ρ_c·max_j q_j + (1 − ρ_c)·(1 − Π(1 − q_j)),   π̄ = ρ_c·π̄_nested + (1 − ρ_c)·π̄_indep, same for k̄.
 */
export function mixedCoalitionProbability(q: Float64Array, n: number, correlation: number): number {
  let max = 0;
  for (let j = 0; j < n; j++) if (q[j] > max) max = q[j];
  return correlation * max + (1 - correlation) * coalitionProbability(q, n);
}

export function mixedExpectedSuccess(q: Float64Array, weight: Float64Array, n: number, order: Int32Array, correlation: number, piP: number, piG: number): number {
  const independent = expectedSuccess(q, weight, n, piP, piG);
  return correlation > 0 ? correlation * nestedExpectation(0, q, weight, n, order, piP, piG) + (1 - correlation) * independent : independent;
}

export function mixedExpectedCost(q: Float64Array, weight: Float64Array, n: number, order: Int32Array, correlation: number, kP: number, kG: number, nuclear?: Float64Array): number {
  const independent = expectedCost(q, weight, n, kP, kG, nuclear);
  return correlation > 0 ? correlation * nestedExpectation(1, q, weight, n, order, kP, kG, nuclear) + (1 - correlation) * independent : independent;
}

/**
 * Draw the coalition at the start of a war into `inCoalition` (1 = fights) and return its weight
 * M: with probability ρ_c (u₀ < ρ_c) nested — the states with q_j > 1 − u₁ — else each state on its
 * own uniform u_j (from `uniforms`, one per state). The simulators call this once per war.
 */
export function drawCoalition(
  q: Float64Array,
  weight: Float64Array,
  n: number,
  correlation: number,
  commonDraw: number,
  commonShock: number,
  uniforms: Float64Array,
  inCoalition: Uint8Array,
): number {
  const nested = commonDraw < correlation;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const fights = nested ? q[j] > 1 - commonShock : uniforms[j] < q[j];
    inCoalition[j] = fights ? 1 : 0;
    if (fights) m += weight[j];
  }
  return m;
}
