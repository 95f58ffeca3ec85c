/** Survival statistics, regression and forecast scoring for the evidence layer (all written here, tested against R). */
export { survivalSample, type SurvivalSample } from "./survival-data.js";
export { kaplanMeier, medianSurvival, survivalAt, type KaplanMeierCurve, type KaplanMeierOptions, type ConfidenceTransform } from "./kaplan-meier.js";
export { logRankTest, type LogRankResult } from "./log-rank.js";
export { fitCox, type CoxFit, type CoxOptions, type ChiSquareTest } from "./cox.js";
export type { CoxData } from "./cox-likelihood.js";
export { coxZph, type ProportionalHazardsTest, type ProportionalHazardsRow, type TimeTransform } from "./cox-zph.js";
export { fitLogistic, type LogisticData, type LogisticFit } from "./logistic.js";
export { brierScore, type BrierDecomposition, type ReliabilityBin } from "./brier.js";
export { chiSquareSurvival, normalCdf, normalQuantile } from "./special.js";
