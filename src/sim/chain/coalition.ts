/**
 * Who would fight, as a trajectory goes (docs/MODEL.md §5): every state's actual resolve q_j, the
 * coalition law's Q, the challenger's beliefs (Q̂ and the members' q̂_j) and the expected war terms
 * π̄, k̄ at those beliefs; the coalition drawn when a war starts, and the states drawn in later.
 * Both steppers hold one and call these rules; nothing here allocates. The expectations use the
 * per-member factors ϱ^{m_j}, (k_G/k_P)^{m_j} of the context, so a refresh needs no power.
 */
import { lognormalExceeds } from "../../models/stage-game.js";
import { fillPerceivedMemberResolve, holdProbability, posteriorCoalitionResolve } from "../../models/beliefs.js";
import { isOrderedByResolve, orderByResolve } from "../../models/intervention.js";
import type { OptionContext } from "../context.js";

export class Coalition {
  /** actual resolve q_j, the challenger's belief q̂_j */
  readonly q: Float64Array;
  readonly qHat: Float64Array;
  readonly order: Int32Array;
  /** the coalition of the war in progress (1 = fights) */
  readonly members: Uint8Array;
  /** 1 once state j has fought in this trajectory (reset by `startTrajectory`) */
  readonly fought: Uint8Array;
  /** Q: P(some state fights) under the coalition law at actual resolve; Q̂ the challenger's belief */
  resolve = 0;
  perceived = 0;
  /** π̄, k̄ at the challenger's beliefs: computed when first read after the beliefs changed (see expectations()) */
  private success = 0;
  private cost = 0;
  private stale = true;
  private context: OptionContext | null = null;
  /** the war in progress: its coalition's weight M, π(M), and whether nuclear use is possible in it */
  weight = 0;
  warSuccess = 0;
  nuclearWar = false;
  private correlation = 0;
  /**
   * The last q_j computed in each memo slot, with the arguments it was computed from: q_j is a
   * pure function of (ln threshold, μ, σ), so equal arguments reuse it (state j's unchanged stake in
   * the monthly stepper's election months; the same election under options that leave j's costs alone).
   */
  private readonly memoThreshold: Float64Array;
  private readonly memoMean: Float64Array;
  private readonly memoSd: Float64Array;
  private readonly memoResolve: Float64Array;
  /** ln(1 − q_j) and the q_j it is of: recomputed in expectations() only for the states whose q_j changed */
  private readonly logStayOut: Float64Array;
  private readonly logStayOf: Float64Array;

  /** `memoSlots`: slots of the resolve memo (at least n: slot j is state j's by default). */
  constructor(
    readonly n: number,
    memoSlots = n,
  ) {
    this.q = new Float64Array(n);
    this.qHat = new Float64Array(n);
    this.order = new Int32Array(n);
    this.members = new Uint8Array(n);
    this.fought = new Uint8Array(n);
    const slots = Math.max(n, memoSlots);
    this.memoThreshold = new Float64Array(slots).fill(NaN);
    this.memoMean = new Float64Array(slots);
    this.memoSd = new Float64Array(slots);
    this.memoResolve = new Float64Array(slots);
    this.logStayOut = new Float64Array(n);
    this.logStayOf = new Float64Array(n).fill(NaN);
  }

  /** A new trajectory: nobody has fought yet, no war in progress. */
  startTrajectory(c: OptionContext): void {
    this.fought.fill(0);
    this.clear(c);
  }

  /**
   * q_j of state j whose stake has log-mean μ (μ_W plus its election shift): 1 − Φ((ln((k − c_j)/w_j) − μ)/σ_W).
   * `slot`: where to remember it (any slot is correct; a slot per election lets options share).
   */
  resolveOne(c: OptionContext, j: number, stakeLogMean: number, stakeLogSd: number, slot = j): void {
    const lt = c.logThreshold[j];
    if (lt === -Infinity) this.q[j] = 1;
    else if (lt === Infinity) this.q[j] = 0;
    else if (this.memoThreshold[slot] === lt && this.memoMean[slot] === stakeLogMean && this.memoSd[slot] === stakeLogSd) this.q[j] = this.memoResolve[slot];
    else {
      const q = lognormalExceeds(lt, stakeLogMean, stakeLogSd);
      this.q[j] = q;
      this.memoThreshold[slot] = lt;
      this.memoMean[slot] = stakeLogMean;
      this.memoSd[slot] = stakeLogSd;
      this.memoResolve[slot] = q;
    }
  }

  /** Every state's q_j and then Q (a new regime, or the monthly stepper's election months). */
  resolveAll(c: OptionContext, stakeLogMean: number, shift: Float64Array, stakeLogSd: number, correlation: number): void {
    for (let j = 0; j < this.n; j++) this.resolveOne(c, j, stakeLogMean + shift[j], stakeLogSd);
    this.updateResolve(correlation);
  }

  /** Q = ρ_c·max_j q_j + (1 − ρ_c)·(1 − Π(1 − q_j)). */
  updateResolve(correlation: number): void {
    this.correlation = correlation;
    let max = 0;
    let none = 1;
    for (let j = 0; j < this.n; j++) {
      const qj = this.q[j];
      if (qj > max) max = qj;
      none *= 1 - qj;
    }
    this.resolve = correlation * max + (1 - correlation) * (1 - none);
  }

  /**
   * The challenger's beliefs after F tests passed and B failed: Q̂ = (n₀Q(1 − d) + F)/(n₀ + F + B),
   * spread over the members (q̂_j), and π̄, k̄ under the coalition law at q̂ (docs/MODEL.md §5.4).
   */
  updateBeliefs(c: OptionContext, discount: number, priorStrength: number, firm: number, backdowns: number): void {
    this.perceived = posteriorCoalitionResolve(this.resolve, discount, priorStrength, firm, backdowns);
    this.context = c;
    this.stale = true;
  }

  /** π̄: the challenger's expected chance of success at its beliefs. */
  get expectedSuccess(): number {
    if (this.stale) this.expectations();
    return this.success;
  }

  /** k̄: the challenger's expected cost of war at its beliefs. */
  get expectedCost(): number {
    if (this.stale) this.expectations();
    return this.cost;
  }

  /**
   * q̂_j and π̄, k̄ from Q̂ (most belief changes, e.g. an election in a long peace, are never read
   * before the next one, so they are computed on demand).
   */
  private expectations(): void {
    const c = this.context!;
    this.stale = false;
    const q = this.q;
    for (let j = 0; j < this.n; j++) {
      if (this.logStayOf[j] === q[j]) continue;
      this.logStayOut[j] = Math.log1p(-q[j]);
      this.logStayOf[j] = q[j];
    }
    fillPerceivedMemberResolve(this.qHat, q, this.n, this.resolve, this.perceived, this.logStayOut);
    const qh = this.qHat;
    const rho = this.correlation;
    // independent decisions: products over states
    let pi = c.piP;
    let k = c.kP;
    for (let j = 0; j < this.n; j++) {
      const x = qh[j];
      if (x > 0) {
        pi *= 1 - x + x * c.piFactor[j];
        k *= 1 - x + x * c.kFactor[j];
      }
    }
    if (rho > 0) {
      // nested coalitions: the i most resolved states fight with probability q̂_(i) − q̂_(i+1)
      if (!isOrderedByResolve(qh, this.n, this.order)) orderByResolve(qh, this.n, this.order);
      let piN = this.n > 0 ? (1 - qh[this.order[0]]) * c.piP : c.piP;
      let kN = this.n > 0 ? (1 - qh[this.order[0]]) * c.kP : c.kP;
      let piM = c.piP;
      let kM = c.kP;
      for (let i = 0; i < this.n; i++) {
        const j = this.order[i];
        piM *= c.piFactor[j];
        kM *= c.kFactor[j];
        const d = qh[j] - (i + 1 < this.n ? qh[this.order[i + 1]] : 0);
        piN += d * piM;
        kN += d * kM;
      }
      pi = rho * piN + (1 - rho) * pi;
      k = rho * kN + (1 - rho) * k;
    }
    this.success = pi;
    this.cost = k;
  }

  /** ĥ and h: the challenger's belief, and the actual probability, that the defending side holds in a pressed crisis. */
  perceivedHold(piP: number): number {
    return holdProbability(this.perceived, piP);
  }

  actualHold(piP: number): number {
    return holdProbability(this.resolve, piP);
  }

  /**
   * Draw the coalition at a war's start with actual resolve: nested (one shock, u₀ < ρ_c: the states
   * with q_j > 1 − u₁) or independent (state j fights iff its uniform < q_j). True if anyone fights.
   */
  draw(c: OptionContext, commonDraw: number, commonShock: number, uniforms: Float64Array): boolean {
    const nested = commonDraw < this.correlation;
    this.weight = 0;
    this.warSuccess = c.piP;
    this.nuclearWar = c.challengerNuclear;
    let any = false;
    for (let j = 0; j < this.n; j++) {
      const fights = nested ? this.q[j] > 1 - commonShock : uniforms[j] < this.q[j];
      this.members[j] = fights ? 1 : 0;
      if (fights) this.join(c, j);
      any ||= fights;
    }
    return any;
  }

  /** No coalition (a limited war, or the war without a settlement). */
  clear(c: OptionContext): void {
    this.members.fill(0);
    this.weight = 0;
    this.warSuccess = c.piP;
    this.nuclearWar = c.challengerNuclear;
  }

  /** λ_ent = λ_E·Σ_{j∉C} ε_j·q_j: the yearly rate at which states are drawn into the war (docs/MODEL.md §7). */
  entanglementRate(c: OptionContext, entryRate: number): number {
    let sum = 0;
    for (let j = 0; j < this.n; j++) if (!this.members[j]) sum += c.exposure[j] * this.q[j];
    return entryRate * sum;
  }

  /** An entanglement draws in state j with probability ε_j·q_j/Σ (uniform u); it joins the coalition. */
  drawIn(c: OptionContext, u: number): void {
    let total = 0;
    for (let j = 0; j < this.n; j++) if (!this.members[j]) total += c.exposure[j] * this.q[j];
    let target = u * total;
    let last = -1;
    for (let j = 0; j < this.n; j++) {
      if (this.members[j]) continue;
      const w = c.exposure[j] * this.q[j];
      if (w <= 0) continue;
      last = j;
      if (target < w) break;
      target -= w;
    }
    if (last < 0) return;
    this.members[last] = 1;
    this.join(c, last);
  }

  private join(c: OptionContext, j: number): void {
    this.fought[j] = 1;
    this.weight += c.militaryWeight[j];
    this.warSuccess *= c.piFactor[j];
    if (c.nuclear[j]) this.nuclearWar = true;
  }
}
