/**
 * Prior distributions of parameters: their YAML form and checks; the quantile functions that draw
 * them (θ = F⁻¹(u)) are in prior-quantile.ts, which depends on this module's types only. Moment forms (mean, sd) are
 * used where readers think in moments.
 */
import { z } from "zod";
import { normalCdf } from "../math/distributions.js";
import { BETA_MEAN_MARGIN, MAX_RELATIVE_SD, MIN_BETA_SD_SHARE, MIN_RELATIVE_SD, PRIOR_MAGNITUDE, PRIOR_SMALLEST } from "./limits.js";

const finite = z.number().min(-PRIOR_MAGNITUDE).max(PRIOR_MAGNITUDE);
/** A mean or sd that must be positive: from PRIOR_SMALLEST, so that squares and ratios of them stay normal numbers. */
const positive = z.number().min(PRIOR_SMALLEST).max(PRIOR_MAGNITUDE);
const source = z.string().min(1, { message: "must name a citation or say \"assumption\"" });
const note = z.string();
const relativeSd = `sd between ${MIN_RELATIVE_SD} and ${MAX_RELATIVE_SD} times the mean`;

export const normalPrior = z.strictObject({
  dist: z.literal("normal"),
  mean: finite,
  sd: positive,
  min: finite.optional(),
  max: finite.optional(),
  source: source.optional(),
  note: note.optional(),
});
export const lognormalPrior = z
  .strictObject({
    dist: z.literal("lognormal"),
    mean: positive,
    sd: positive.meta({ description: relativeSd }),
    source: source.optional(),
    note: note.optional(),
  })
  .meta({ description: `a lognormal with its own mean and sd; ${relativeSd}` });
export const betaPrior = z
  .strictObject({
    dist: z.literal("beta"),
    mean: z.number().min(BETA_MEAN_MARGIN).max(1 - BETA_MEAN_MARGIN),
    sd: positive.meta({ description: `at least ${MIN_BETA_SD_SHARE} and below 1 times √(mean·(1−mean))` }),
    source: source.optional(),
    note: note.optional(),
  })
  .meta({ description: `a beta with this mean and sd; sd at least ${MIN_BETA_SD_SHARE} and below 1 times √(mean·(1−mean))` });
export const gammaPrior = z
  .strictObject({
    dist: z.literal("gamma"),
    mean: positive,
    sd: positive.meta({ description: relativeSd }),
    source: source.optional(),
    note: note.optional(),
  })
  .meta({ description: `a gamma with this mean and sd; ${relativeSd}` });
export const uniformPrior = z.strictObject({
  dist: z.literal("uniform"),
  min: finite,
  max: finite,
  source: source.optional(),
  note: note.optional(),
});
export const fixedPrior = z.strictObject({
  dist: z.literal("fixed"),
  value: finite,
  source: source.optional(),
  note: note.optional(),
});

export const priorSchema = z.discriminatedUnion("dist", [normalPrior, lognormalPrior, betaPrior, gammaPrior, uniformPrior, fixedPrior]);
export type Prior = z.infer<typeof priorSchema>;
export const DIST_NAMES = ["normal", "lognormal", "beta", "gamma", "uniform", "fixed"] as const;

const FIXED_HINT = "a prior this narrow is a point value: use dist: fixed";

/** Problems with a prior's numbers that a schema cannot see (relations between fields); [] when it is well formed. */
export function priorProblems(p: Prior): { key: string; message: string; hint?: string }[] {
  switch (p.dist) {
    case "beta": {
      if (!(p.mean > 0 && p.mean < 1)) return [{ key: "mean", message: `a beta prior needs 0 < mean < 1, got ${p.mean}` }];
      const maxSd = Math.sqrt(p.mean * (1 - p.mean));
      if (p.sd >= maxSd)
        return [
          {
            key: "sd",
            message: `a beta prior with mean ${p.mean} needs sd < √(mean·(1−mean)) = ${maxSd.toPrecision(4)}, got ${p.sd}`,
          },
        ];
      if (p.sd < MIN_BETA_SD_SHARE * maxSd)
        return [
          {
            key: "sd",
            message: `a beta prior with mean ${p.mean} needs sd ≥ ${MIN_BETA_SD_SHARE}·√(mean·(1−mean)) = ${(MIN_BETA_SD_SHARE * maxSd).toPrecision(4)}, got ${p.sd}`,
            hint: FIXED_HINT,
          },
        ];
      return [];
    }
    case "gamma":
    case "lognormal": {
      const ratio = p.sd / p.mean;
      if (ratio < MIN_RELATIVE_SD)
        return [{ key: "sd", message: `a ${p.dist} prior needs sd ≥ ${MIN_RELATIVE_SD}·mean = ${(MIN_RELATIVE_SD * p.mean).toPrecision(4)}, got ${p.sd}`, hint: FIXED_HINT }];
      if (ratio > MAX_RELATIVE_SD)
        return [{ key: "sd", message: `a ${p.dist} prior needs sd ≤ ${MAX_RELATIVE_SD}·mean = ${(MAX_RELATIVE_SD * p.mean).toPrecision(4)}, got ${p.sd}` }];
      return [];
    }
    case "normal":
      if (p.min !== undefined && p.max !== undefined && !(p.min < p.max))
        return [{ key: "max", message: `max (${p.max}) must be greater than min (${p.min})` }];
      if (p.min !== undefined && p.max !== undefined && normalCdf((p.max - p.mean) / p.sd) - normalCdf((p.min - p.mean) / p.sd) < 1e-12)
        return [{ key: "mean", message: `the interval [${p.min}, ${p.max}] holds no mass of Normal(${p.mean}, ${p.sd})` }];
      return [];
    case "uniform":
      return p.min < p.max ? [] : [{ key: "max", message: `max (${p.max}) must be greater than min (${p.min})` }];
    default:
      return [];
  }
}

/** Smallest and largest value the prior can produce. */
export function priorSupport(p: Prior): [number, number] {
  switch (p.dist) {
    case "normal":
      return [p.min ?? -Infinity, p.max ?? Infinity];
    case "lognormal":
    case "gamma":
      return [0, Infinity];
    case "beta":
      return [0, 1];
    case "uniform":
      return [p.min, p.max];
    case "fixed":
      return [p.value, p.value];
  }
}

/** Mean of the prior (the truncated mean for a truncated normal is not needed: shown as `mean`). */
export function priorMean(p: Prior): number {
  switch (p.dist) {
    case "uniform":
      return (p.min + p.max) / 2;
    case "fixed":
      return p.value;
    default:
      return p.mean;
  }
}

/** One-line human form, e.g. "beta(mean 0.3, sd 0.1)". */
export function describePrior(p: Prior): string {
  switch (p.dist) {
    case "fixed":
      return `fixed ${p.value}`;
    case "uniform":
      return `uniform(${p.min}, ${p.max})`;
    case "normal": {
      const bounds = p.min !== undefined || p.max !== undefined ? ` on [${p.min ?? "−∞"}, ${p.max ?? "∞"}]` : "";
      return `normal(mean ${p.mean}, sd ${p.sd})${bounds}`;
    }
    default:
      return `${p.dist}(mean ${p.mean}, sd ${p.sd})`;
  }
}
