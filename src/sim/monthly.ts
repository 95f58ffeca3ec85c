/**
 * Dynamics layer: one trajectory simulated month by month (DESIGN 5.1–5.5). Each month draws a
 * fixed number of uniforms from the trajectory's stream, whatever happens, so that the same
 * trajectory under two options sees the same world (common random numbers). No allocation per
 * step: all state lives in preallocated typed arrays.
 */
import { P } from "../models/parameters.js";
import type { OptionFeatures } from "../models/commitments.js";
import {
  alignmentAfterWar,
  attackCutPoint,
  attackProbabilityPerWindow,
  driftAlignment,
  monthlyProbability,
  perceivedResolve,
} from "../models/stage-game.js";
import { normalQuantile } from "../math/distributions.js";
import { hashString, nextUniform, seedStream, uniformAt } from "../math/random.js";
import { OptionContext, type ActorFacts } from "./context.js";
import { Aggregate, VALUE_COUNT } from "./aggregate.js";
import { State } from "./chain/states.js";
import type { GuarantorTimetable } from "./chain/elections.js";

const DRAWS_PER_MONTH = 8;
const PURPOSE_DYNAMICS = hashString("dynamics");
const PURPOSE_ELECTIONS = hashString("elections");
const KEY_ACCEPTANCE = hashString("acceptance");

export class MonthlySimulator {
  private readonly stream = new Uint32Array(8);
  private readonly shift: Float64Array;
  private readonly values = new Float64Array(VALUE_COUNT);
  private readonly u = new Float64Array(DRAWS_PER_MONTH);
  private readonly main: OptionContext;
  private readonly fallback: OptionContext;
  private ctx: OptionContext;
  // state of the current trajectory
  private resolve = 0;
  private lead = -1;
  private firm = 0;
  private backdowns = 0;

  constructor(
    private readonly seed: number,
    private readonly months: number,
    private readonly actors: ActorFacts,
    private readonly elections: GuarantorTimetable,
    private readonly lossWeights: Float64Array,
  ) {
    const g = actors.guarantorNuclear.length;
    this.shift = new Float64Array(g);
    this.main = new OptionContext(g);
    this.fallback = new OptionContext(g);
    this.ctx = this.main;
  }

  /** q = max over committed guarantors of q_j, and which guarantor leads (DESIGN 5.2). */
  private updateResolve(theta: Float64Array, o: number): void {
    const c = this.ctx;
    const lead = c.leadingGuarantor(this.shift);
    this.resolve = lead >= 0 ? c.resolveOf(lead, theta[o + P.guarantor_stake_log_mean] + this.shift[lead], theta[o + P.guarantor_stake_log_sd]) : 0;
    this.lead = lead;
  }

  /** Trajectory `index` under each of `options`, into parts[k] (the reference: each simulated in full). */
  runOptions(options: readonly OptionFeatures[], fallback: OptionFeatures, theta: Float64Array, o: number, index: number, parts: readonly Aggregate[]): void {
    for (let k = 0; k < options.length; k++) this.run(options[k], fallback, theta, o, index, parts[k]);
  }

  /** Simulate trajectory `index` with parameters θ at theta[o…] under `features`; add it to `agg`. */
  run(features: OptionFeatures, fallback: OptionFeatures, theta: Float64Array, o: number, index: number, agg: Aggregate): void {
    const seed = this.seed;
    this.main.fill(features, theta, o, this.actors);
    this.fallback.fill(fallback, theta, o, this.actors);
    this.ctx = this.main;
    seedStream(this.stream, 0, seed, index, PURPOSE_DYNAMICS);
    seedStream(this.stream, 4, seed, index, PURPOSE_ELECTIONS);
    this.shift.fill(0);
    this.firm = 0;
    this.backdowns = 0;
    // parameters read once per trajectory (the month loop touches only locals)
    const discount = theta[o + P.resolve_discount];
    const priorStrength = theta[o + P.belief_prior_strength];
    const threatCredibility = theta[o + P.threat_credibility];
    const driftRate = theta[o + P.alignment_drift_rate_per_year];
    const integrationPull = theta[o + P.integration_pull_per_year];
    const slope = theta[o + P.stake_alignment_slope];
    const windowRate = theta[o + P.window_rate_per_year];
    const stakeLogSd = theta[o + P.challenger_stake_log_sd];
    const moralHazard = theta[o + P.moral_hazard];
    const escalation = theta[o + P.crisis_escalation_probability];
    const guarantorStakeLogMean = theta[o + P.guarantor_stake_log_mean];
    const backdownShift = theta[o + P.backdown_alignment_shift];
    const entryRate = theta[o + P.guarantor_entry_rate_per_year];
    const nuclearHazard = theta[o + P.nuclear_use_given_direct_war_per_month];
    const electionSd = theta[o + P.election_stake_shift_sd];
    const pLater = monthlyProbability(theta[o + P.later_settlement_rate_per_year]);
    const pEndLimited = monthlyProbability(theta[o + P.limited_war_end_rate_per_year]);
    const pEndDirect = monthlyProbability(theta[o + P.direct_war_end_rate_per_year]);
    const warShift = theta[o + P.war_alignment_shift];

    // quantities that change only when resolve or the regime changes (elections, crises, a later deal)
    let c = this.ctx;
    let q = 0;
    let qHat = 0;
    let pTarget = 0;
    let pSpoiler = 0;
    let pEntry = 0;
    let cut = 0;
    const refresh = (resolveChanged: boolean) => {
      if (resolveChanged) {
        this.updateResolve(theta, o);
        q = this.resolve;
        pTarget = monthlyProbability(c.targetingRate);
        pSpoiler = monthlyProbability(c.spoilerCrisisRate * c.spoilerMultiplier(moralHazard, q));
        pEntry = monthlyProbability(entryRate, q);
      }
      qHat = perceivedResolve(q, discount, priorStrength, this.firm, this.backdowns);
      cut = attackCutPoint(qHat, c.piG, c.kG, c.piP, c.kP);
    };
    refresh(true);

    const accepted = uniformAt(seed, index, KEY_ACCEPTANCE) < this.main.acceptance;
    let state: State = accepted ? State.Peace : State.NoSettlement;
    let s = theta[o + P.alignment_initial];
    if (accepted) s = Math.max(s, this.main.alignmentFloor);
    let firstWar = -1;
    let warMonths = 0;
    let crises = 0;
    let directWar = 0;
    let nuclear = 0;
    let backedDown = 0;
    const u = this.u;
    const H = this.months;
    const el = this.elections;
    const guarantorCount = el.interval.length;

    for (let t = 0; t < H; t++) {
      for (let k = 0; k < DRAWS_PER_MONTH; k++) u[k] = nextUniform(this.stream, 0);
      // elections: redraw each guarantor's political stake on its own calendar (DESIGN 5.2)
      let elected = false;
      if (el.anyInMonth[t]) for (let j = 0; j < guarantorCount; j++) {
        const iv = el.interval[j];
        if (iv > 0 && t >= el.first[j] && (t - el.first[j]) % iv === 0) {
          this.shift[j] = electionSd * normalQuantile(nextUniform(this.stream, 4));
          elected = true;
        }
      }
      if (elected) refresh(true);

      if (state === State.Peace || state === State.Crisis) {
        state = State.Peace;
        const leverage = (1 - qHat) * c.piP * threatCredibility;
        s = driftAlignment(s, leverage, driftRate, integrationPull, c.features.integration, c.alignmentFloor);
        const stakeLogMean = c.stakeBase + slope * (1 - s);
        const pWindow = attackProbabilityPerWindow(cut, stakeLogMean, stakeLogSd);
        const pAttack = monthlyProbability(windowRate, pWindow);
        let war = u[0] < pAttack;
        if (!war && (u[1] < pTarget || u[2] < pSpoiler)) {
          crises++;
          state = State.Crisis;
          if (u[3] < c.crisisWarProbability(escalation, pWindow)) {
            war = true;
          } else {
            // brinkmanship: the side with less at stake backs down more often (DESIGN 5.4)
            const leadStakeLogMean = guarantorStakeLogMean + (this.lead >= 0 ? this.shift[this.lead] : 0);
            if (u[4] < c.protegeSideYields(stakeLogMean, c.defenderStake(leadStakeLogMean, this.lead))) {
              s = Math.max(s + backdownShift * (1 - s), c.alignmentFloor);
              if (c.anyCommitted) {
                this.backdowns++;
                backedDown = 1;
              }
            } else if (c.anyCommitted) {
              this.firm++;
            }
            refresh(false);
          }
        }
        if (war) {
          if (accepted && firstWar < 0 && c === this.main) firstWar = t;
          // the guarantors intervene with their actual resolve q (DESIGN 5.1)
          if (c.anyCommitted && u[5] < q) {
            state = State.DirectWar;
            directWar = 1;
            this.firm++;
          } else {
            state = State.LimitedWar;
            if (c.anyCommitted) {
              this.backdowns++;
              backedDown = 1;
            }
          }
          refresh(false);
        }
      } else if (state === State.LimitedWar) {
        if (c.anyCommitted && u[0] < pEntry) {
          state = State.DirectWar;
          directWar = 1;
        } else if (u[1] < pEndLimited) {
          s = alignmentAfterWar(s, u[2] < c.piP, warShift, c.alignmentFloor);
          state = State.Peace;
        }
      } else if (state === State.DirectWar) {
        if (c.nuclearPossible && u[0] < nuclearHazard) {
          state = State.Nuclear;
          nuclear = 1;
        } else if (u[1] < pEndDirect) {
          s = alignmentAfterWar(s, u[2] < c.piG, warShift, c.alignmentFloor);
          state = State.Peace;
        }
      } else if (state === State.NoSettlement) {
        if (u[0] < pLater) {
          this.ctx = c = this.fallback;
          refresh(true);
          state = State.Peace;
        }
      }
      if (state >= State.LimitedWar) warMonths++;
      agg.states[state * H + t]++;
    }

    const values = this.values;
    agg.recordTrajectory(values, this.lossWeights, accepted, warMonths, directWar, nuclear, s, crises, backedDown, firstWar);
  }
}
