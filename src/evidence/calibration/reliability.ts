/**
 * Guarantors' reliability (docs/EVIDENCE.md §7.4): the share of alliance commitments honoured,
 * mapped onto the model's resolve q_j (docs/MODEL.md §5.1) for one guarantor under a ratified
 * treaty, and from there onto the treaty's audience cost a_T by approximate Bayesian computation.
 */
import { AnalysisRandom } from "../../math/random.js";
import { interventionProbability } from "../../models/intervention.js";
import { priorQuantileFunction } from "../../scenario/prior-quantile.js";
import type { Prior } from "../../scenario/prior.js";

/** A published share of commitments honoured, with the spread the registry gives it. */
export interface ReliabilityFigure {
  mean: number;
  sd: number;
}

export interface ReliabilityOptions {
  /** the scenario's priors of μ_W, σ_W and k₀ (the nuisance parameters, integrated over) */
  priors: Record<string, Prior>;
  seed: number;
  draws: number;
  /** flat proposal for a_T on [0, upper] (default 5 stake units) */
  upper?: number;
}

export interface ReliabilityFit {
  /** posterior mean and sd of a_T among accepted draws */
  mean: number;
  sd: number;
  accepted: number;
  draws: number;
  /** Monte Carlo standard error of the posterior mean: sd/√accepted */
  monteCarloStdErr: number;
  /** mean of q among accepted draws (the fit reproduces the figure if near its mean) */
  acceptedResolve: number;
  /** mean q for a treaty under the scenario's own a_T prior (what the evidence is compared with) */
  resolveUnderScenarioPrior: number;
}

/**
 * q(θ) = P(W + a_T > k₀) for one guarantor of stake weight 1, no troops, no supply, no election
 * shift, a non-nuclear challenger (the historical alliances were mostly not against nuclear powers):
 * the mapping of "honoured when the casus foederis arose" onto the model.
 */
export function treatyResolve(stakeLogMean: number, stakeLogSd: number, warCost: number, treatyAudienceCost: number): number {
  return interventionProbability(1, stakeLogMean, stakeLogSd, warCost, treatyAudienceCost);
}

/**
 * ABC rejection with a Gaussian kernel whose width is the figure's sd: draw a_T ~ U(0, upper) and
 * (μ_W, σ_W, k₀) from their priors, accept with probability exp(−½((q − ρ)/sd)²). For a normal
 * measurement error on the figure this samples the exact posterior of a_T (Wilkinson 2013).
 */
export function calibrateTreatyAudienceCost(figure: ReliabilityFigure, options: ReliabilityOptions): ReliabilityFit {
  const upper = options.upper ?? 5;
  const random = new AnalysisRandom(options.seed, 0xa11e);
  const stakeMean = priorQuantileFunction(options.priors.guarantor_stake_log_mean);
  const stakeSd = priorQuantileFunction(options.priors.guarantor_stake_log_sd);
  const warCost = priorQuantileFunction(options.priors.guarantor_war_cost);
  const scenarioCost = priorQuantileFunction(options.priors.audience_cost_treaty);
  let accepted = 0;
  let sum = 0;
  let sumSq = 0;
  let resolveSum = 0;
  let scenarioResolve = 0;
  for (let i = 0; i < options.draws; i++) {
    const mu = stakeMean(random.nextFloat());
    const sigma = stakeSd(random.nextFloat());
    const k = warCost(random.nextFloat());
    const cost = upper * random.nextFloat();
    const q = treatyResolve(mu, sigma, k, cost);
    scenarioResolve += treatyResolve(mu, sigma, k, scenarioCost(random.nextFloat()));
    const z = (q - figure.mean) / figure.sd;
    if (random.nextFloat() < Math.exp(-0.5 * z * z)) {
      accepted++;
      sum += cost;
      sumSq += cost * cost;
      resolveSum += q;
    }
  }
  const mean = sum / accepted;
  const sd = Math.sqrt(Math.max(0, sumSq / accepted - mean * mean));
  return {
    mean,
    sd,
    accepted,
    draws: options.draws,
    monteCarloStdErr: sd / Math.sqrt(accepted),
    acceptedResolve: resolveSum / accepted,
    resolveUnderScenarioPrior: scenarioResolve / options.draws,
  };
}
