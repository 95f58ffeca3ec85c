/**
 * Dynamics layer, event-driven: the same Markov chain as the monthly stepper (monthly.ts), but
 * it jumps from event to event. Between events every hazard is constant or follows alignment's
 * linear recursion, so waiting times are drawn directly: geometric skips, thinned against a bound
 * where the monthly probability varies. Same law as the monthly stepper, not the same numbers.
 */
import { P } from "../../contract/parameters.js";
import { offeredFeatures, type OptionFeatures } from "../../models/commitments.js";
import { preventiveGainAt } from "../../models/neutrality.js";
import { CRISIS_SLOTS } from "../../models/crisis.js";
import { driftAlignment, lognormalExceeds, logCutPoint, monthlyProbability, alignmentAfterWar } from "../../models/stage-game.js";
import { Stream } from "../../math/random.js";
import { OptionContext, settlementAcceptance, type ActorFacts } from "../context.js";
import { Aggregate, VALUE_COUNT } from "../aggregate.js";
import { State } from "../chain/states.js";
import { Ballots, RegimeCalendars, type ElectionCalendar, type GuarantorTimetable } from "../chain/elections.js";
import { SeedCache } from "../chain/seeds.js";
import { RecordedPath } from "../chain/replay.js";
import { TrajectoryTally } from "../chain/tally.js";
import { alignmentAfterLog, initialAlignment } from "../chain/alignment.js";
import { geometricSkip, skipWithLogNo } from "../chain/waiting-times.js";
import { Coalition } from "../chain/coalition.js";
import { CrisisEnd, crisisEnd, crisisLaw } from "../chain/crisis.js";
import type { TrajectorySimulator } from "./simulator.js";

export class EventSimulator implements TrajectorySimulator {
  /** the block's stream seeds and acceptance draws */
  private readonly seeds: SeedCache;
  /** the path of the trajectory in progress when its settlement is rejected, for runOptions to replay */
  private readonly rejected = new RecordedPath();
  private recording = false;
  /** the trajectory's events */
  private readonly events = new Stream();
  /** the trajectory's election results, and each regime's calendar of them */
  private readonly ballots: Ballots;
  private readonly calendars: RegimeCalendars;
  /** the trajectory being simulated, and its slot in the seed cache */
  private trajectory = -1;
  private slot = 0;
  private readonly shift: Float64Array;
  /** month of the last election applied per guarantor, −1 = none yet */
  private readonly applied: Int32Array;
  private readonly values = new Float64Array(VALUE_COUNT);
  private readonly main: OptionContext;
  private readonly fallback: OptionContext;
  private c: OptionContext;
  /** the first month with an election not yet applied by a committed guarantor (catch-up is a no-op before it) */
  private electionDue = 0;
  /** the current regime's election calendar, and the next of its elections to apply */
  private calendar!: ElectionCalendar;
  private nextElection = 0;
  // monthly probabilities fixed for the whole trajectory
  /** the regime's largest window rate of attack λ_w·P(attack | window), without and with the preventive motive G_prev(0) */
  private windowCeilingRate = 0;
  private windowCeilingRatePreventive = 0;
  /** the regime's largest crisis rates: from targeting, and from spoilers (at Q = 1 or 0, before duration dependence) */
  private spoilerRateMax = 0;
  /** duration dependence g = ψ + (1 − ψ)e^{−t_p/T_D} (docs/MODEL.md §7.8): ψ, 1 − ψ, 1/T_D, and the first month of the current peace */
  private hazardFloor = 1;
  private hazardTransient = 0;
  private hazardDecayRate = 0;
  private peaceStart = 0;
  /** g at the start of the current span of peace, which bounds it over the span (g does not increase) */
  private spanFactor = 1;
  /** the window part of the span's bound: g·(largest window rate of attack) */
  private spanWindowRate = 0;
  /** the preventive motive: G_prev(0) (0 outside the accepted settlement) and T_A (docs/MODEL.md §4.2) */
  private preventive0 = 0;
  private buildupMonths = 0;
  private theta: Float64Array = new Float64Array(0);
  private o = 0;
  // parameters of the current trajectory
  private discount = 0;
  private priorStrength = 0;
  private threatCredibility = 0;
  private driftRate = 0;
  private integrationPull = 0;
  private slope = 0;
  private windowRate = 0;
  private stakeLogSd = 0;
  private moralHazard = 0;
  private entryRate = 0;
  private correlation = 0;
  /** who would fight, the beliefs and the war in progress; one uniform per state for a coalition draw; the crisis law */
  private readonly coalition: Coalition;
  private readonly coalitionDraws: Float64Array;
  private readonly crisis = new Float64Array(CRISIS_SLOTS);
  // constants of the regime (the option, or the later settlement that replaced it)
  /** a = 1 − κ/12 − ρ·I/12: alignment's monthly decay toward its target, and ln a */
  private decay = 0;
  private logDecay = 0;
  // derived quantities, refreshed when resolve, beliefs or the regime change
  /** ln V*: the challenger attacks in a window when ln V > ln V* */
  private logCut = 0;
  /** the beliefs changed since logCut was computed */
  private logCutStale = true;
  /** the spoilers' crisis rate per year at the actual Q, before duration dependence */
  private spoilerRate = 0;
  /** the last P(attack | window) computed since, and the stake's log-mean it was at (NaN: none to reuse) */
  private windowAttackMean = NaN;
  private windowAttackValue = 0;
  /** P(window or crisis) a month at the span's bound, the thinning bound of peace(), and ln(1 − it) */
  private pBound = 0;
  /** P(window or crisis) a month at the actual Q, g at the span's start: a candidate above it is no event */
  private pUpper = 0;
  /** Q changed since pCrisis and pUpper were computed */
  private ratesStale = true;
  private logNoBound = 0;
  // trajectory state
  private state: State = State.Peace;
  private t = 0;
  private s = 0;
  private accepted = false;
  private readonly tally = new TrajectoryTally();

  constructor(
    private readonly seed: number,
    private readonly months: number,
    private readonly actors: ActorFacts,
    private readonly elections: GuarantorTimetable,
    private readonly lossWeights: Float64Array,
  ) {
    const g = actors.guarantorNuclear.length;
    this.shift = new Float64Array(g);
    this.applied = new Int32Array(g);
    this.coalitionDraws = new Float64Array(g);
    this.seeds = new SeedCache(seed);
    this.ballots = new Ballots(elections, months);
    // a resolve memo slot per state (its stake before any election) and per ballot
    this.coalition = new Coalition(g, g + this.ballots.values.length);
    this.calendars = new RegimeCalendars(elections, months);
    this.main = new OptionContext(g);
    this.fallback = new OptionContext(g);
    this.c = this.main;
  }

  /**
   * Simulate trajectory `index` with parameters θ at theta[o…] under each of `options`, adding it to
   * parts[k]. A rejected settlement leaves the war going on until a later bare ceasefire, and what
   * follows depends on θ and the trajectory's streams but not on the option rejected: that path is
   * simulated once, recorded, and replayed into the aggregate of every other option that rejects.
   */
  runOptions(options: readonly OptionFeatures[], fallback: OptionFeatures, theta: Float64Array, o: number, index: number, parts: readonly Aggregate[]): void {
    this.rejected.ready = false;
    const slot = this.seeds.slotOf(index);
    const offer = this.seeds.offerDraws[slot];
    const pOffer = theta[o + P.treaty_offer_probability];
    for (let k = 0; k < options.length; k++) {
      if (this.rejected.ready && this.seeds.acceptanceDraws[slot] >= settlementAcceptance(offeredFeatures(options[k], offer, pOffer), theta, o)) {
        this.rejected.replay(parts[k]);
        continue;
      }
      this.simulate(options[k], fallback, theta, o, slot, parts[k], true);
    }
  }

  /** Simulate trajectory `index` with parameters θ at theta[o…] under `features`; add it to `agg`. */
  run(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, index: number, agg: Aggregate): void {
    this.simulate(features, fallback, theta, o, this.seeds.slotOf(index), agg, false);
  }

  private simulate(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, slot: number, agg: Aggregate, record: boolean): void {
    this.begin(features, fallback, theta, o, slot);
    this.recording = record && !this.accepted;
    if (this.recording) this.rejected.start();
    const H = this.months;
    while (this.t < H) {
      switch (this.state) {
        case State.Peace:
        case State.Crisis:
          this.catchUpElections(this.t);
          this.peace(agg);
          break;
        case State.LimitedWar:
          this.catchUpElections(this.t);
          this.limitedWar(this.electionDue, agg);
          break;
        case State.DirectWar:
          this.directWarSpan(agg);
          break;
        case State.NoSettlement:
          this.noSettlement(agg);
          break;
        case State.Nuclear:
          this.enter(State.Nuclear, this.t, H, agg);
          this.t = H;
          break;
      }
    }
    this.finish(agg);
    if (this.recording) {
      this.rejected.finish(this.values, this.coalition.fought);
      this.recording = false;
    }
  }

  private begin(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, slot: number): void {
    this.theta = theta;
    this.o = o;
    // offer versus honour (docs/MODEL.md §7.2): one draw a trajectory on its own key, the same under every option
    this.main.fill(offeredFeatures(features, this.seeds.offerDraws[slot], theta[o + P.treaty_offer_probability]), theta, o, this.actors);
    this.events.restore(this.seeds.seeds, 8 * slot);
    this.trajectory = this.seeds.first + slot;
    this.slot = slot;
    for (let j = 0; j < this.shift.length; j++) {
      this.shift[j] = 0;
      this.applied[j] = -1;
    }
    this.discount = theta[o + P.resolve_discount];
    this.priorStrength = theta[o + P.belief_prior_strength];
    this.threatCredibility = theta[o + P.threat_credibility];
    this.driftRate = theta[o + P.alignment_drift_rate_per_year];
    this.integrationPull = theta[o + P.integration_pull_per_year];
    this.slope = theta[o + P.stake_alignment_slope];
    this.windowRate = theta[o + P.window_rate_per_year];
    this.stakeLogSd = theta[o + P.challenger_stake_log_sd];
    this.moralHazard = theta[o + P.moral_hazard];
    this.entryRate = theta[o + P.guarantor_entry_rate_per_year];
    this.correlation = theta[o + P.coalition_correlation];
    this.hazardFloor = theta[o + P.peace_hazard_floor];
    this.hazardTransient = 1 - this.hazardFloor;
    this.hazardDecayRate = 1 / theta[o + P.peace_hazard_decay_months];
    this.peaceStart = 0;
    this.buildupMonths = theta[o + P.arms_buildup_months];
    this.tally.start();
    this.t = 0;
    this.accepted = this.seeds.acceptanceDraws[slot] < this.main.acceptance;
    this.preventive0 = this.accepted ? this.main.preventiveGain : 0;
    if (this.accepted) {
      this.c = this.main;
    } else {
      // a rejected settlement leaves the status quo in force: the fallback regime's states and arms
      this.fallback.fill(fallback, theta, o, this.actors);
      this.c = this.fallback;
    }
    this.startCalendar(0);
    this.enterRegime();
    this.coalition.startTrajectory(this.c);
    this.state = this.accepted ? State.Peace : State.NoSettlement;
    this.s = initialAlignment(theta[o + P.alignment_initial], this.accepted, this.main.alignmentFloor);
  }

  /** The current regime's election calendar, from its first election (none applied yet at month t). */
  private startCalendar(t: number): void {
    this.calendar = this.calendars.of(this.c.features, this.c.relevant);
    this.nextElection = 0;
    this.electionDue = t > 0 ? 0 : this.calendar.months.length > 0 ? this.calendar.months[0] : this.months;
  }

  /** A new regime (the option, or a later settlement): its constants, every state's resolve, then its rates. */
  private enterRegime(): void {
    const c = this.c;
    const theta = this.theta;
    this.decay = 1 - this.driftRate / 12 - (this.integrationPull * c.integration) / 12;
    this.logDecay = Math.log(this.decay);
    // the thinning bound of peace(): the crisis rate is linear in Q ∈ [0, 1], so its larger end bounds it
    const crisisRateMax = c.targetingRate + c.spoilerCrisisRate * Math.max(1, 1 + this.moralHazard);
    // and P(attack | window) at its largest: π̄ and k̄ are averages over coalitions of π_P·Π ϱ^{m_j} and
    // k_P·Π (k_G/k_P)^{m_j}, so k̄/π̄ ≥ k_P·Π min(1, ·)/(π_P·Π max(1, ·)) whatever the beliefs, and
    // the stake's log-mean μ_V0 + β_s(1 − s) is largest at the floor (s ≥ floor in peace)
    let piMax = c.piP;
    let kMin = c.kP;
    for (let j = 0; j < c.piFactor.length; j++) {
      piMax *= Math.max(1, c.piFactor[j]);
      kMin *= Math.min(1, c.kFactor[j]);
    }
    // (with the preventive motive, π̄ + G_prev ≤ π_P·Π max(1, ·) + G_prev(0))
    const stakeMax = c.stakeBase + Math.max(0, this.slope * (1 - c.alignmentFloor));
    this.windowCeilingRate = this.windowRate * this.windowCeiling(piMax, kMin, stakeMax);
    this.windowCeilingRatePreventive = this.preventive0 > 0 ? this.windowRate * this.windowCeiling(piMax + this.preventive0, kMin, stakeMax) : this.windowCeilingRate;
    this.spoilerRateMax = crisisRateMax - c.targetingRate;
    this.coalition.resolveAll(c, theta[this.o + P.guarantor_stake_log_mean], this.shift, theta[this.o + P.guarantor_stake_log_sd], this.correlation);
    this.refreshRates();
  }

  /** P(attack | window) at its largest, a hair above so that rounding in the actual probability cannot cross it. */
  private windowCeiling(piMax: number, kMin: number, stakeMax: number): number {
    const exceeds = lognormalExceeds(piMax > 0 ? logCutPoint(kMin / piMax) : Infinity, stakeMax, this.stakeLogSd);
    return exceeds >= 0 ? Math.min(1, exceeds * (1 + 1e-9)) : 1;
  }

  /**
   * The thinning bound of a span of peace from month t0: the regime's largest rates with the
   * window and spoiler parts at g(t_p) of the span's first month (g does not increase), and the
   * window part with the preventive motive while the build-up lasts (G_prev does not increase).
   */
  private startSpan(t0: number): void {
    const g = this.hazardFactor(t0);
    this.spanFactor = g;
    this.spanWindowRate = g * (t0 < this.buildupMonths ? this.windowCeilingRatePreventive : this.windowCeilingRate);
    this.logNoBound = -(this.spanWindowRate + g * this.spoilerRateMax + this.c.targetingRate) / 12;
    this.pBound = -Math.expm1(this.logNoBound);
    this.ratesStale = true;
  }

  /** g(t_p) = ψ + (1 − ψ)e^{−t_p/T_D} in month t of the current peace (models/duration.ts peaceHazardFactor). */
  private hazardFactor(t: number): number {
    return this.hazardTransient > 0 ? this.hazardFloor + this.hazardTransient * Math.exp(-(t - this.peaceStart) * this.hazardDecayRate) : this.hazardFloor;
  }

  /** The rates that depend on Q (computed when next read: most elections in a long peace are not), and the beliefs (docs/MODEL.md §5, §7). */
  private refreshRates(): void {
    this.ratesStale = true;
    this.refreshBelief();
  }

  /** The spoilers' crisis rate at the actual Q, and pUpper. */
  private updateCrisisRates(): void {
    const c = this.c;
    // windows, targeting and spoilers are Poisson processes: P(none in a month) = e^(−(λ_w' + λ_T + λ_S)/12)
    this.spoilerRate = c.spoilerCrisisRate * (1 + this.moralHazard * this.coalition.resolve);
    this.pUpper = -Math.expm1(-(this.spanWindowRate + c.targetingRate + this.spanFactor * this.spoilerRate) / 12);
    this.ratesStale = false;
  }

  private refreshBelief(): void {
    const co = this.coalition;
    co.updateBeliefs(this.c, this.discount, this.priorStrength, this.tally.firm, this.tally.backdowns);
    this.logCutStale = true;
  }

  /** P(attack | window) at alignment s in month t (docs/MODEL.md §4), with the preventive motive during the build-up (§4.2). */
  private windowAttack(s: number, t: number): number {
    if (t < this.buildupMonths && this.preventive0 > 0) {
      const co = this.coalition;
      const gain = co.expectedSuccess + preventiveGainAt(this.preventive0, t, this.buildupMonths);
      return lognormalExceeds(logCutPoint(gain > 0 ? co.expectedCost / gain : Infinity), this.c.stakeBase + this.slope * (1 - s), this.stakeLogSd);
    }
    if (this.logCutStale) {
      const co = this.coalition;
      const cut = co.expectedSuccess > 0 ? co.expectedCost / co.expectedSuccess : Infinity;
      this.logCut = logCutPoint(cut);
      this.logCutStale = false;
      // the crisis law computes the same number from the cut itself, except for a NaN cut
      this.windowAttackMean = NaN;
      if (Number.isNaN(cut)) return lognormalExceeds(this.logCut, this.c.stakeBase + this.slope * (1 - s), this.stakeLogSd);
    }
    const mean = this.c.stakeBase + this.slope * (1 - s);
    this.windowAttackMean = mean;
    return (this.windowAttackValue = lognormalExceeds(this.logCut, mean, this.stakeLogSd));
  }

  /** P(V > V*) at the stake's log-mean `mean` if windowAttack has it at the current beliefs, else NaN (docs/SIMULATION.md). */
  private knownAttack(mean: number): number {
    return !this.logCutStale && mean === this.windowAttackMean ? this.windowAttackValue : NaN;
  }

  /**
   * Apply the elections held up to month t that the current regime has not seen. Only a state's
   * latest redraw matters: the draws are i.i.d., so drawing once for the last election held is the
   * same in law as the monthly stepper's redraws. True when some state's resolve changed, and with
   * it Q, the rates and the beliefs.
   */
  private catchUpElections(t: number): boolean {
    if (t < this.electionDue) return false;
    const { months, guarantors, ballots, supersededAt } = this.calendar;
    if (this.ballots.of !== this.trajectory) this.ballots.ensure(this.trajectory, this.seeds.seeds, 8 * this.slot + 4);
    const drawn = this.ballots.values;
    const co = this.coalition;
    const theta = this.theta;
    const o = this.o;
    let e = this.nextElection;
    let changed = false;
    for (; e < months.length && months[e] <= t; e++) {
      const j = guarantors[e];
      if (supersededAt[e] <= t || months[e] <= this.applied[j]) continue;
      this.applied[j] = months[e];
      this.shift[j] = theta[o + P.election_stake_shift_sd] * drawn[ballots[e]];
      const before = co.q[j];
      co.resolveOne(this.c, j, theta[o + P.guarantor_stake_log_mean] + this.shift[j], theta[o + P.guarantor_stake_log_sd], this.shift.length + ballots[e]);
      if (co.q[j] !== before) changed = true;
    }
    this.nextElection = e;
    this.electionDue = e < months.length ? months[e] : this.months;
    if (!changed) return false;
    co.updateResolve(this.correlation);
    this.refreshRates();
    return true;
  }

  private enter(state: State, from: number, to: number, agg: Aggregate): void {
    agg.addStateSpan(state, from, to);
    if (this.recording) this.rejected.addSpan(state, from, to);
    if (state >= State.LimitedWar) {
      this.tally.warMonths += to - from;
      if (state !== State.Nuclear) this.tally.warMonthsBeforeNuclear += to - from;
    } else {
      this.tally.peaceMonths += to - from;
    }
  }

  /**
   * Armed peace from month t up to the horizon or the first event. Month t+k sees the alignment
   * after k+1 drift steps, s_n = s* + aⁿ(s₀ − s*) clamped to [floor, 1], with s* and s₀ rebased
   * at each election that changes q (the leverage moves with Q̂): the drift is piecewise in closed
   * form. Candidate months come with geometric skips at a bound on the monthly event probability
   * that holds whatever the elections do (P(attack | window) ≤ 1 and the crisis rate at Q = 1 or
   * Q = 0, whichever is larger), and a candidate is an event with probability p_t/bound (thinning
   * of Bernoulli trials: exact in law). The elections up to a candidate month are applied before
   * it is judged; a candidate above the bound at the month's actual Q is rejected without
   * evaluating the attack probability.
   */
  private peace(agg: Aggregate): void {
    const c = this.c;
    const t0 = this.t;
    const decay = this.decay;
    if (decay < 0) {
      this.peaceByMonth(this.electionDue, agg);
      return;
    }
    const logDecay = this.logDecay;
    const floor = c.alignmentFloor;
    const pressure = (this.driftRate / 12) * c.piP * this.threatCredibility;
    // the segment since the last election that changed q: its first month, alignment and target
    let base = t0;
    let sBase = this.s;
    let target = decay < 1 ? (pressure * (1 - this.coalition.perceived)) / (1 - decay) : sBase;
    this.startSpan(t0);
    const pBound = this.pBound;
    const logNoBound = this.logNoBound;
    const H = this.months;
    let k = skipWithLogNo(logNoBound, this.events.next());
    while (k < H - t0) {
      const month = t0 + k;
      // the elections held up to the candidate month, each rebasing the drift where it changed Q̂
      while (this.electionDue <= month) {
        const at = this.electionDue;
        if (this.catchUpElections(at)) {
          sBase = alignmentAfterLog(sBase, target, logDecay, floor, at - base);
          base = at;
          if (decay < 1) target = (pressure * (1 - this.coalition.perceived)) / (1 - decay);
        }
      }
      const u = this.events.next() * pBound;
      if (this.ratesStale) this.updateCrisisRates();
      if (u < this.pUpper) {
        const sNow = alignmentAfterLog(sBase, target, logDecay, floor, month + 1 - base);
        // duration dependence thins the candidate with g(t_p) ≤ the span's g (docs/MODEL.md §7.8)
        const g = this.hazardFactor(month);
        const pAttack = monthlyProbability(this.windowRate * g, this.windowAttack(sNow, month));
        if (u < 1 - (1 - pAttack) * Math.exp(-(c.targetingRate + g * this.spoilerRate) / 12)) {
          this.s = sNow;
          this.enter(State.Peace, t0, month, agg);
          this.t = month;
          this.peaceEvent(u < pAttack, agg);
          return;
        }
      }
      k += 1 + skipWithLogNo(logNoBound, this.events.next());
    }
    // no event before the horizon: the elections still move the alignment the trajectory ends with
    while (this.electionDue < H) {
      const at = this.electionDue;
      if (this.catchUpElections(at)) {
        sBase = alignmentAfterLog(sBase, target, logDecay, floor, at - base);
        base = at;
        if (decay < 1) target = (pressure * (1 - this.coalition.perceived)) / (1 - decay);
      }
    }
    this.s = alignmentAfterLog(sBase, target, logDecay, floor, H - base);
    this.enter(State.Peace, t0, H, agg);
    this.t = H;
  }

  /**
   * Peace stepped month by month, one uniform a month: the exact fallback when κ + ρ·I > 12 per
   * year, where the alignment recursion overshoots and oscillates, so the bound above fails.
   */
  private peaceByMonth(end: number, agg: Aggregate): void {
    const c = this.c;
    const t0 = this.t;
    const leverage = (1 - this.coalition.perceived) * c.piP * this.threatCredibility;
    if (this.ratesStale) this.updateCrisisRates();
    for (let t = t0; t < end; t++) {
      this.s = driftAlignment(this.s, leverage, this.driftRate, this.integrationPull, c.integration, c.alignmentFloor);
      const g = this.hazardFactor(t);
      const pAttack = monthlyProbability(this.windowRate * g, this.windowAttack(this.s, t));
      const u = this.events.next();
      if (u < 1 - (1 - pAttack) * Math.exp(-(c.targetingRate + g * this.spoilerRate) / 12)) {
        this.enter(State.Peace, t0, t, agg);
        this.t = t;
        this.peaceEvent(u < pAttack, agg);
        return;
      }
    }
    this.enter(State.Peace, t0, end, agg);
    this.t = end;
  }

  /** An attack, or a crisis from targeting or spoilers, in month this.t (docs/MODEL.md §4, §6). */
  private peaceEvent(attack: boolean, agg: Aggregate): void {
    const c = this.c;
    const co = this.coalition;
    const t = this.t;
    const theta = this.theta;
    if (!attack) {
      this.tally.crises++;
      const shift = theta[this.o + P.backdown_alignment_shift];
      const preventive = preventiveGainAt(this.preventive0, t, this.buildupMonths);
      const mean = c.stakeBase + this.slope * (1 - this.s);
      // P(attack | window) from windowAttack is the law's only without the preventive motive
      crisisLaw(this.crisis, c, co, mean, this.stakeLogSd, theta[this.o + P.crisis_escalation_probability], shift, preventive, preventive > 0 ? NaN : this.knownAttack(mean));
      const end = crisisEnd(this.crisis, this.events.next());
      if (end === CrisisEnd.War) this.tally.crisisWars++;
      if (end !== CrisisEnd.War) {
        if (end === CrisisEnd.Pressed) {
          // a test: the coalition holds with its actual resolve Q; failing it, the protégé holds unless it would lose
          const held = this.events.next() < co.resolve;
          this.tally.tested(held, c.anyCommitted);
          if (!held && this.events.next() < c.piP) this.s = Math.max(this.s + shift * (1 - this.s), c.alignmentFloor);
          this.refreshBelief();
        }
        this.enter(State.Crisis, t, t + 1, agg);
        this.state = State.Peace;
        this.t = t + 1;
        return;
      }
    }
    const draws = this.coalitionDraws;
    const common = this.events.next();
    const shock = this.events.next();
    for (let j = 0; j < draws.length; j++) draws[j] = this.events.next();
    const someone = co.draw(c, common, shock, draws);
    this.state = this.tally.warStarts(t, this.accepted && c === this.main, someone, c.anyCommitted);
    this.refreshBelief();
    this.enter(this.state, t, t + 1, agg);
    this.t = t + 1;
  }

  /** Limited war until `end`: each month a state is drawn in (λ_ent) or else the war ends (μ_L). */
  private limitedWar(end: number, agg: Aggregate): void {
    this.warUntilDrawnIn(State.LimitedWar, this.theta[this.o + P.limited_war_end_rate_per_year], end, agg);
  }

  /** Direct war: nuclear use (h_N, if the challenger or a member is nuclear-armed) or else the war ends. */
  private directWarSpan(agg: Aggregate): void {
    const pNuclear = this.coalition.nuclearWar ? this.theta[this.o + P.nuclear_use_given_direct_war_per_month] : 0;
    const pEnd = monthlyProbability(this.theta[this.o + P.direct_war_end_rate_per_year]);
    const pAny = 1 - (1 - pNuclear) * (1 - pEnd);
    const t = this.t + geometricSkip(pAny, this.events.next());
    if (t >= this.months) {
      this.enter(State.DirectWar, this.t, this.months, agg);
      this.t = this.months;
      return;
    }
    this.enter(State.DirectWar, this.t, t, agg);
    if (this.events.next() * pAny < pNuclear) {
      this.state = State.Nuclear;
      this.tally.nuclear = 1;
    } else {
      this.endWar(this.coalition.warSuccess, t);
    }
    this.enter(this.state, t, t + 1, agg);
    this.t = t + 1;
  }

  /** A war ends in month t: s moves Δ_w toward the winner (the challenger wins with probability π); peace's clock starts at t + 1. */
  private endWar(challengerWins: number, t: number): void {
    const shift = this.theta[this.o + P.war_alignment_shift];
    this.s = alignmentAfterWar(this.s, this.events.next() < challengerWins, shift, this.c.alignmentFloor);
    this.state = State.Peace;
    this.peaceStart = t + 1;
  }

  /**
   * No settlement: a limited war under the status quo (docs/MODEL.md §7), up to the next election
   * that could change resolve: states are drawn in (λ_ent) or a later ceasefire comes (λ_L), which
   * moves alignment as the end of a war does.
   */
  private noSettlement(agg: Aggregate): void {
    this.catchUpElections(this.t);
    this.warUntilDrawnIn(State.NoSettlement, this.theta[this.o + P.later_settlement_rate_per_year], this.electionDue, agg);
  }

  /**
   * A war no other state fights in (limited, or without a settlement) until `end`: two competing
   * constant hazards, one geometric skip. A state is drawn in (λ_ent, the war becomes direct) or
   * the war ends at `endRatePerYear` (μ_L, or λ_L for a later ceasefire).
   */
  private warUntilDrawnIn(state: State.LimitedWar | State.NoSettlement, endRatePerYear: number, end: number, agg: Aggregate): void {
    const c = this.c;
    const pEntry = monthlyProbability(this.coalition.entanglementRate(c, this.entryRate));
    const pEnd = monthlyProbability(endRatePerYear);
    const pAny = 1 - (1 - pEntry) * (1 - pEnd);
    const t = this.t + geometricSkip(pAny, this.events.next());
    if (t >= end) {
      this.enter(state, this.t, end, agg);
      this.t = end;
      return;
    }
    this.enter(state, this.t, t, agg);
    if (this.events.next() * pAny < pEntry) {
      this.coalition.drawIn(c, this.events.next());
      this.tally.drawnIn();
      this.state = State.DirectWar;
      this.refreshBelief();
    } else {
      this.endWar(c.piP, t);
    }
    this.enter(this.state, t, t + 1, agg);
    this.t = t + 1;
  }

  private finish(agg: Aggregate): void {
    this.tally.record(agg, this.values, this.lossWeights, this.accepted, this.s, this.coalition.fought);
  }
}
