/**
 * Dynamics layer: one trajectory simulated month by month (docs/MODEL.md §4–§8), the reference
 * stepper. Each month draws a fixed number of uniforms from the trajectory's stream, whatever
 * happens, so that the same trajectory under two options sees the same world (common random
 * numbers). No allocation per step: all state lives in fields and preallocated typed arrays.
 */
import { P } from "../../contract/parameters.js";
import { offeredFeatures, type OptionFeatures } from "../../models/commitments.js";
import { preventiveGainAt } from "../../models/neutrality.js";
import { CRISIS_SLOTS } from "../../models/crisis.js";
import { alignmentAfterWar, attackProbabilityPerWindow, driftAlignment, monthlyProbability } from "../../models/stage-game.js";
import { normalQuantile } from "../../math/distributions.js";
import { nextUniform, seedStream, uniformAt } from "../../math/random.js";
import { OptionContext, type ActorFacts } from "../context.js";
import { Aggregate, VALUE_COUNT } from "../aggregate.js";
import { State } from "../chain/states.js";
import type { GuarantorTimetable } from "../chain/elections.js";
import { KEY_ACCEPTANCE, KEY_OFFER, PURPOSE_COALITION, PURPOSE_DYNAMICS, PURPOSE_ELECTIONS } from "../chain/seeds.js";
import { TrajectoryTally } from "../chain/tally.js";
import { alignmentAfterBackdown, initialAlignment } from "../chain/alignment.js";
import { Coalition } from "../chain/coalition.js";
import { CrisisEnd, crisisEnd, crisisLaw } from "../chain/crisis.js";
import type { TrajectorySimulator } from "./simulator.js";

const DRAWS_PER_MONTH = 8;

export class MonthlySimulator implements TrajectorySimulator {
  /** the dynamics stream (words 0–3), the elections stream (words 4–7) and the coalition stream (words 8–11) */
  private readonly stream = new Uint32Array(12);
  private readonly shift: Float64Array;
  private readonly values = new Float64Array(VALUE_COUNT);
  /** this month's uniforms */
  private readonly u = new Float64Array(DRAWS_PER_MONTH);
  /** one uniform per state for a coalition draw, and the crisis law's probabilities */
  private readonly coalitionDraws: Float64Array;
  private readonly crisis = new Float64Array(CRISIS_SLOTS);
  private readonly coalition: Coalition;
  private readonly main: OptionContext;
  private readonly fallback: OptionContext;
  private ctx: OptionContext;
  private readonly tally = new TrajectoryTally();
  private theta: Float64Array = new Float64Array(0);
  private o = 0;
  // parameters of the current trajectory, read once (the month loop touches only fields)
  private discount = 0;
  private priorStrength = 0;
  private threatCredibility = 0;
  private driftRate = 0;
  private integrationPull = 0;
  private slope = 0;
  private windowRate = 0;
  private stakeLogSd = 0;
  private moralHazard = 0;
  private escalation = 0;
  private backdownShift = 0;
  private entryRate = 0;
  private nuclearHazard = 0;
  private electionSd = 0;
  private correlation = 0;
  private pLater = 0;
  private pEndLimited = 0;
  private pEndDirect = 0;
  private warShift = 0;
  /** duration dependence g = ψ + (1 − ψ)e^{−t_p/T_D} (docs/MODEL.md §7.8): ψ, the transient part now, and its factor a month */
  private hazardFloor = 1;
  private transient = 0;
  private transientDecay = 1;
  /** the preventive motive G_prev(0) and T_A (docs/MODEL.md §4.2); G_prev(0) = 0 outside the accepted settlement */
  private preventive0 = 0;
  private buildupMonths = 0;
  // quantities that change only when resolve, beliefs or the regime change (elections, tests, a later deal)
  private pTarget = 0;
  /** the spoilers' crisis rate per year at Q, before duration dependence */
  private spoilerRate = 0;
  /** V* = k̄/π̄ at the challenger's beliefs */
  private cut = 0;
  // the trajectory's state
  private state: State = State.Peace;
  private s = 0;
  private accepted = false;

  constructor(
    private readonly seed: number,
    private readonly months: number,
    private readonly actors: ActorFacts,
    private readonly elections: GuarantorTimetable,
    private readonly lossWeights: Float64Array,
  ) {
    const g = actors.guarantorNuclear.length;
    this.shift = new Float64Array(g);
    this.coalitionDraws = new Float64Array(g);
    this.coalition = new Coalition(g);
    this.main = new OptionContext(g);
    this.fallback = new OptionContext(g);
    this.ctx = this.main;
  }

  /** Trajectory `index` under each of `options`, into parts[k] (the reference: each simulated in full). */
  runOptions(options: readonly OptionFeatures[], fallback: OptionFeatures, theta: Float64Array, o: number, index: number, parts: readonly Aggregate[]): void {
    for (let k = 0; k < options.length; k++) this.run(options[k], fallback, theta, o, index, parts[k]);
  }

  /** Simulate trajectory `index` with parameters θ at theta[o…] under `features`; add it to `agg`. */
  run(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, index: number, agg: Aggregate): void {
    this.begin(features, fallback, theta, o, index);
    const H = this.months;
    const anyElection = this.elections.anyInMonth;
    for (let t = 0; t < H; t++) {
      this.drawMonth();
      if (anyElection[t] && this.holdElections(t)) this.refresh(true);
      switch (this.state) {
        case State.Peace:
        case State.Crisis:
          this.peaceMonth(t);
          break;
        case State.LimitedWar:
          this.limitedWarMonth();
          break;
        case State.DirectWar:
          this.directWarMonth();
          break;
        case State.NoSettlement:
          this.noSettlementMonth();
          break;
        // nuclear use is absorbing
      }
      if (this.state >= State.LimitedWar) {
        this.tally.warMonths++;
        if (this.state !== State.Nuclear) this.tally.warMonthsBeforeNuclear++;
      } else {
        this.tally.peaceMonths++;
      }
      agg.states[this.state * H + t]++;
    }
    this.tally.record(agg, this.values, this.lossWeights, this.accepted, this.s, this.coalition.fought);
  }

  /** Contexts, streams, parameters and the starting state of trajectory `index`. */
  private begin(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, index: number): void {
    const seed = this.seed;
    this.theta = theta;
    this.o = o;
    // offer versus honour (docs/MODEL.md §7.2): one draw a trajectory on its own key, the same under every option
    this.main.fill(offeredFeatures(features, uniformAt(seed, index, KEY_OFFER), theta[o + P.treaty_offer_probability]), theta, o, this.actors);
    this.fallback.fill(fallback, theta, o, this.actors);
    seedStream(this.stream, 0, seed, index, PURPOSE_DYNAMICS);
    seedStream(this.stream, 4, seed, index, PURPOSE_ELECTIONS);
    seedStream(this.stream, 8, seed, index, PURPOSE_COALITION);
    this.shift.fill(0);
    this.tally.start();
    this.discount = theta[o + P.resolve_discount];
    this.priorStrength = theta[o + P.belief_prior_strength];
    this.threatCredibility = theta[o + P.threat_credibility];
    this.driftRate = theta[o + P.alignment_drift_rate_per_year];
    this.integrationPull = theta[o + P.integration_pull_per_year];
    this.slope = theta[o + P.stake_alignment_slope];
    this.windowRate = theta[o + P.window_rate_per_year];
    this.stakeLogSd = theta[o + P.challenger_stake_log_sd];
    this.moralHazard = theta[o + P.moral_hazard];
    this.escalation = theta[o + P.crisis_escalation_probability];
    this.backdownShift = theta[o + P.backdown_alignment_shift];
    this.entryRate = theta[o + P.guarantor_entry_rate_per_year];
    this.nuclearHazard = theta[o + P.nuclear_use_given_direct_war_per_month];
    this.electionSd = theta[o + P.election_stake_shift_sd];
    this.correlation = theta[o + P.coalition_correlation];
    this.pLater = monthlyProbability(theta[o + P.later_settlement_rate_per_year]);
    this.pEndLimited = monthlyProbability(theta[o + P.limited_war_end_rate_per_year]);
    this.pEndDirect = monthlyProbability(theta[o + P.direct_war_end_rate_per_year]);
    this.warShift = theta[o + P.war_alignment_shift];
    this.hazardFloor = theta[o + P.peace_hazard_floor];
    this.transientDecay = Math.exp(-1 / theta[o + P.peace_hazard_decay_months]);
    this.buildupMonths = theta[o + P.arms_buildup_months];
    this.accepted = uniformAt(seed, index, KEY_ACCEPTANCE) < this.main.acceptance;
    this.preventive0 = this.accepted ? this.main.preventiveGain : 0;
    this.startPeace();
    // a rejected settlement leaves the status quo in force: the fallback regime's states and arms
    this.ctx = this.accepted ? this.main : this.fallback;
    this.refresh(true);
    this.coalition.startTrajectory(this.ctx);
    this.state = this.accepted ? State.Peace : State.NoSettlement;
    this.s = initialAlignment(theta[o + P.alignment_initial], this.accepted, this.main.alignmentFloor);
  }

  /** A peace begins: the next month of peace has t_p = 0, so g = 1 (docs/MODEL.md §7.8). */
  private startPeace(): void {
    this.transient = 1 - this.hazardFloor;
  }

  private drawMonth(): void {
    const u = this.u;
    for (let k = 0; k < DRAWS_PER_MONTH; k++) u[k] = nextUniform(this.stream, 0);
  }

  /** Redraw each state's political stake on its own calendar (docs/MODEL.md §5); true if any voted. */
  private holdElections(t: number): boolean {
    const el = this.elections;
    let elected = false;
    for (let j = 0; j < el.interval.length; j++) {
      const iv = el.interval[j];
      if (iv > 0 && t >= el.first[j] && (t - el.first[j]) % iv === 0) {
        this.shift[j] = this.electionSd * normalQuantile(nextUniform(this.stream, 4));
        elected = true;
      }
    }
    return elected;
  }

  /**
   * After resolve changed (an election, a new regime): every state's q_j, Q, and the rates that
   * depend on Q (docs/MODEL.md §5, §7). Always: the beliefs Q̂, q̂_j, π̄, k̄ and the challenger's cut
   * point, which also move with each test.
   */
  private refresh(resolveChanged: boolean): void {
    const c = this.ctx;
    const co = this.coalition;
    if (resolveChanged) {
      const theta = this.theta;
      const o = this.o;
      co.resolveAll(c, theta[o + P.guarantor_stake_log_mean], this.shift, theta[o + P.guarantor_stake_log_sd], this.correlation);
      this.pTarget = monthlyProbability(c.targetingRate);
      this.spoilerRate = c.spoilerCrisisRate * (1 + this.moralHazard * co.resolve);
    }
    co.updateBeliefs(c, this.discount, this.priorStrength, this.tally.firm, this.tally.backdowns);
    this.cut = NaN;
  }

  /** Armed peace: alignment drifts; the challenger may attack, or a crisis may come and end in war, a test, or nothing. */
  private peaceMonth(t: number): void {
    const c = this.ctx;
    const co = this.coalition;
    const u = this.u;
    this.state = State.Peace;
    const leverage = (1 - co.perceived) * c.piP * this.threatCredibility;
    this.s = driftAlignment(this.s, leverage, this.driftRate, this.integrationPull, c.integration, c.alignmentFloor);
    const stakeLogMean = c.stakeBase + this.slope * (1 - this.s);
    // the preventive motive while arms build up: V·(π̄ + G_prev(t)) > k̄
    const preventive = preventiveGainAt(this.preventive0, t, this.buildupMonths);
    if (Number.isNaN(this.cut)) this.cut = co.expectedSuccess > 0 ? co.expectedCost / co.expectedSuccess : Infinity;
    const gain = co.expectedSuccess + preventive;
    const cut = preventive > 0 ? (gain > 0 ? co.expectedCost / gain : Infinity) : this.cut;
    const pWindow = attackProbabilityPerWindow(cut, stakeLogMean, this.stakeLogSd);
    // duration dependence: windows and spoiler incidents at g(t_p) times their rates
    const g = this.hazardFloor + this.transient;
    this.transient *= this.transientDecay;
    const pAttack = monthlyProbability(this.windowRate * g, pWindow);
    let war = u[0] < pAttack;
    if (!war && (u[1] < this.pTarget || u[2] < monthlyProbability(this.spoilerRate * g))) {
      this.tally.crises++;
      this.state = State.Crisis;
      // P(attack | window) is the law's P(V > V*) at the same stake and cut point (unless that is NaN)
      crisisLaw(this.crisis, c, co, stakeLogMean, this.stakeLogSd, this.escalation, this.backdownShift, preventive, Number.isNaN(cut) ? NaN : pWindow);
      const end = crisisEnd(this.crisis, u[3]);
      if (end === CrisisEnd.War) {
        war = true;
        this.tally.crisisWars++;
      } else if (end === CrisisEnd.Pressed) {
        // a test: the coalition holds with its actual resolve Q; failing it, the protégé holds unless it would lose
        const held = u[4] < co.resolve;
        this.tally.tested(held, c.anyCommitted);
        if (!held && u[5] < c.piP) this.s = alignmentAfterBackdown(this.s, this.backdownShift, c.alignmentFloor);
        this.refresh(false);
      }
    }
    if (war) this.startWar(t);
  }

  /** The challenger attacks: the coalition is drawn with actual resolve (a test), the war is direct or limited. */
  private startWar(t: number): void {
    const c = this.ctx;
    const draws = this.coalitionDraws;
    const common = nextUniform(this.stream, 8);
    const shock = nextUniform(this.stream, 8);
    for (let j = 0; j < draws.length; j++) draws[j] = nextUniform(this.stream, 8);
    const someone = this.coalition.draw(c, common, shock, draws);
    this.state = this.tally.warStarts(t, this.accepted && c === this.main, someone, c.anyCommitted);
    this.refresh(false);
  }

  /** Limited war: a state is drawn in (entanglement, λ_ent), or else the war may end. */
  private limitedWarMonth(): void {
    this.warMonth(this.pEndLimited);
  }

  /** Direct war: nuclear use (if the challenger or a member is nuclear-armed), or else the war may end. */
  private directWarMonth(): void {
    const c = this.ctx;
    const u = this.u;
    if (this.coalition.nuclearWar && u[0] < this.nuclearHazard) {
      this.state = State.Nuclear;
      this.tally.nuclear = 1;
    } else if (u[1] < this.pEndDirect) {
      this.s = alignmentAfterWar(this.s, u[2] < this.coalition.warSuccess, this.warShift, c.alignmentFloor);
      this.state = State.Peace;
      this.startPeace();
    }
  }

  /**
   * No settlement: a limited war under the status quo (docs/MODEL.md §7). States are drawn in as
   * in any limited war (suppliers through their exposure); else a later ceasefire may come, which
   * moves alignment as the end of a war does and starts the fallback settlement's peace.
   */
  private noSettlementMonth(): void {
    this.warMonth(this.pLater);
  }

  /** A month of a war no other state fights in: a state is drawn in (λ_ent), or else the war ends with probability pEnd. */
  private warMonth(pEnd: number): void {
    const c = this.ctx;
    const u = this.u;
    if (u[0] < monthlyProbability(this.coalition.entanglementRate(c, this.entryRate))) {
      this.coalition.drawIn(c, u[3]);
      this.tally.drawnIn();
      this.state = State.DirectWar;
      this.refresh(false);
    } else if (u[1] < pEnd) {
      this.s = alignmentAfterWar(this.s, u[2] < c.piP, this.warShift, c.alignmentFloor);
      this.state = State.Peace;
      this.startPeace();
    }
  }
}
