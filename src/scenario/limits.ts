/**
 * The ranges a scenario's numbers, lists and texts must respect: what the model and the
 * simulator can take, so that any scenario the loader accepts runs to finite numbers in bounded
 * time and memory. Each range is documented in docs/MODEL.md §2 ("Ranges") with its reason.
 */

/** Largest scenario file or text accepted (bytes): far above any real scenario, far below trouble. */
export const MAX_SCENARIO_BYTES = 2_000_000;
/** Deepest nesting of mappings and lists in a scenario file (the format itself needs about 6). */
export const MAX_NESTING = 64;
/** Aliases (`*name`) a scenario may expand; more is refused as an expansion attack. */
export const MAX_ALIASES = 100;

/** Largest magnitude of any number in a prior: far beyond any parameter's meaningful scale. */
export const PRIOR_MAGNITUDE = 1e6;
/**
 * Smallest mean of a gamma or lognormal prior and smallest sd of any prior: below it, sd² and
 * sd²/mean underflow (a lognormal's σ² = ln(1 + sd²/mean²) becomes 0/0).
 */
export const PRIOR_SMALLEST = 1e-6;
/**
 * sd/mean of gamma and lognormal priors: below 1% the prior is a point value in all but name (use
 * `fixed`), and a gamma shape k = (mean/sd)² above 10⁴ makes its quantile table slow to build.
 */
export const MIN_RELATIVE_SD = 0.01;
/** Above sd = 100·mean a gamma prior puts nearly all its mass at zero (shape below 10⁻⁴). */
export const MAX_RELATIVE_SD = 100;
/** A beta prior's sd as a share of its largest possible sd √(mean(1 − mean)): at least this (ν ≤ 10⁴). */
export const MIN_BETA_SD_SHARE = 0.01;
/** Mean of a beta prior: within [ε, 1 − ε]. */
export const BETA_MEAN_MARGIN = 1e-6;

/** Horizon in years: one month to a century (the simulator's month counters are 32-bit). */
export const MIN_HORIZON_YEARS = 1 / 12;
export const MAX_HORIZON_YEARS = 100;
/** Months of elections: within the longest horizon (1,200 months), so no month counter can wrap. */
export const MAX_MONTH = 1200;
export const MIN_TRAJECTORIES = 2;
export const MAX_TRAJECTORIES = 100_000_000;
export const MAX_SEED = 2 ** 32 - 1;

/** Troops of a force or a force cap: more than any army on earth. */
export const MAX_TROOPS = 10_000_000;
/** a state's stake weight w_j or military weight m_j (docs/MODEL.md §5): relative to the reference state, so 1,000 is already absurd */
export const MAX_WEIGHT = 1_000;
export const MAX_MONITORS = 1_000_000;
export const MAX_DMZ_WIDTH_KM = 1_000;
/** Incidents per year of one spoiler: about three a day. */
export const MAX_SPOILER_RATE_PER_YEAR = 1_000;
/** A loss weight: large enough for any value judgement, small enough that sums of squares stay finite. */
export const MAX_LOSS_WEIGHT = 1e6;

/** Lengths of lists (and the number of perspectives). */
export const MAX_GUARANTORS = 50;
export const MAX_SPOILERS = 50;
export const MAX_OPTIONS = 100;
export const MAX_COMMITMENTS = 50;
export const MAX_PERSPECTIVES = 50;
/** A perspective's written conclusions, and the comparisons of one conclusion. */
export const MAX_CONCLUSIONS = 50;
export const MAX_CONCLUSION_CHECKS = 20;
/** Length of an id. */
export const MAX_ID_LENGTH = 64;

/** The perspective id that means "the scenario's own priors"; a scenario may not define it. */
export const BASELINE_PERSPECTIVE = "baseline";
