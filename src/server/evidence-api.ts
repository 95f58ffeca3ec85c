/**
 * The evidence endpoints: Kaplan–Meier survival of peace by group for the bundled historical
 * cases, and the backtest's scores and reliability diagram. A thin adapter over src/evidence;
 * answers depend only on the query, so each is computed once and kept.
 */
import { createHash } from "node:crypto";
import type { Hono } from "hono";
import { z } from "zod";
import type { BacktestAnswer, DurationDependence, SurvivalByGroup } from "../contract/evidence.js";
import {
  baseRatePredictor,
  CEASEFIRE_SPOILER_CHOICES,
  coxPredictor,
  durationIntervals,
  fitDurationDependence,
  EVIDENCE_PRIOR_SETS,
  kaplanMeier,
  loadCaseSet,
  logRankTest,
  medianSurvival,
  modelPredictor,
  runBacktest,
  spellsOf,
  survivalSample,
  type CaseSetName,
  type HistoricalCase,
} from "../evidence/index.js";
import { InputError } from "../errors.js";
import { ApiError } from "./http-errors.js";
import { libraryEngine } from "./library-engine.js";
import { readJsonBody } from "./request.js";
import { ScenarioProblemsError } from "./run-manager.js";
import { LIMITS } from "./schemas.js";
import { choiceParam, integerParam, readQuery, type QueryParams } from "./query.js";

export const CASE_SETS = ["ceasefires", "interstate"] as const;

/** What each case set is split by on the page, and the baselines' covariates and split years (as the CLI). */
export const EVIDENCE_DEFAULTS: Record<CaseSetName, { by: string; covariates: string[]; splitYear: number; splitRange: [number, number] }> = {
  ceasefires: { by: "peacekeeping", covariates: ["peacekeeping", "truce", "victory"], splitYear: 1989, splitRange: [1950, 1999] },
  interstate: { by: "major_power_pact", covariates: ["major_power_pact", "decisive_outcome", "rivalry"], splitYear: 1946, splitRange: [1850, 2003] },
};

export const BACKTEST_HORIZONS = [2, 5, 10] as const;

/** POST /api/evidence/backtest: the GET's parameters, and the scenario whose model the simulator uses. */
export const BacktestRequest = z.strictObject({
  scenario: z.string().min(1).max(LIMITS.scenarioChars),
  data: z.enum(CASE_SETS).optional(),
  scheme: z.enum(["loo", "time-split"]).optional(),
  horizon: z.union(BACKTEST_HORIZONS.map((h) => z.literal(h))).optional(),
  splitYear: z.number().int().optional(),
  evidencePriors: z.enum(EVIDENCE_PRIOR_SETS).optional(),
  ceasefireSpoilers: z.enum(CEASEFIRE_SPOILER_CHOICES).optional(),
});

const sampleOf = (cases: readonly HistoricalCase[]) => survivalSample(cases.map((c) => c.yearsAtRisk), cases.map((c) => c.event));

function caseSetOf(query: QueryParams) {
  return loadCaseSet(choiceParam(query, "data", CASE_SETS, "ceasefires"));
}

/** `name=value` keeps only the cases with that covariate value; names must be the set's own. */
function filterCases(cases: readonly HistoricalCase[], covariates: string[], where: string | undefined): HistoricalCase[] {
  if (where === undefined || where === "") return [...cases];
  const match = /^([a-z_]{1,40})=(0|1)$/.exec(where);
  if (!match) throw new ApiError(400, `query parameter "where" must look like name=0 or name=1, e.g. post_cold_war=1; got "${where.slice(0, 60)}"`);
  if (!covariates.includes(match[1])) {
    throw new ApiError(400, `query parameter "where": unknown covariate "${match[1]}"; available: ${covariates.join(", ")}`);
  }
  const kept = cases.filter((c) => c.covariates[match[1]] === Number(match[2]));
  if (kept.length < 2) throw new ApiError(400, `query parameter "where": only ${kept.length} case(s) have ${where}; too few for a survival curve`);
  return kept;
}

export function survivalByGroup(query: QueryParams): SurvivalByGroup {
  const set = caseSetOf(query);
  const by = query.get("by") ?? EVIDENCE_DEFAULTS[set.name].by;
  if (!set.covariateNames.includes(by)) {
    throw new ApiError(400, `query parameter "by": unknown covariate "${by.slice(0, 60)}" for ${set.name}; available: ${set.covariateNames.join(", ")}`);
  }
  const where = query.get("where");
  const cases = filterCases(set.cases, set.covariateNames, where);
  const groups = new Map<number, HistoricalCase[]>();
  for (const c of cases) groups.set(c.covariates[by], [...(groups.get(c.covariates[by]) ?? []), c]);
  const curves = [...groups].sort((a, b) => a[0] - b[0]).map(([value, members]) => {
    const curve = kaplanMeier(sampleOf(members));
    return {
      group: `${by}=${value}`,
      n: curve.n,
      events: curve.events,
      median: Number.isFinite(medianSurvival(curve)) ? medianSurvival(curve) : null,
      time: curve.time,
      nRisk: curve.nRisk,
      survival: curve.survival,
      lower: curve.lower,
      upper: curve.upper,
    };
  });
  const test = curves.length > 1 ? logRankTest(sampleOf(cases), cases.map((c) => String(c.covariates[by]))) : null;
  return {
    data: set.name,
    title: set.title,
    by,
    where: where || null,
    covariates: set.covariateNames,
    confidence: "pointwise 95 % (Greenwood, log scale)",
    curves,
    logRank: test && { chiSquare: test.chiSquare, degreesOfFreedom: test.degreesOfFreedom, pValue: test.pValue },
    // a fit needs a war among the cases
    ...(cases.some((c) => c.event === 1) ? { duration: durationDependence(cases) } : {}),
  };
}

function durationDependence(cases: readonly HistoricalCase[]): DurationDependence {
  const fit = fitDurationDependence(spellsOf([cases]));
  return {
    n: fit.n,
    events: fit.events,
    floor: fit.floor,
    decayMonths: fit.decayMonths,
    baseHazardPerYear: fit.baseHazardPerYear[0],
    likelihoodRatio: fit.likelihoodRatio,
    intervals: durationIntervals(fit),
  };
}

/** The simulator's settings in the page's backtest (the CLI's defaults, so the numbers agree). */
const BACKTEST_SEED = 20251;
const BACKTEST_TRAJECTORIES = 4000;

/** The scenario whose model the simulator's forecasts use: its text and name (default: the bundled one). */
export interface BacktestScenario {
  text: string;
  name: string;
}

export async function backtestReport(query: QueryParams, scenario?: BacktestScenario): Promise<BacktestAnswer> {
  const set = caseSetOf(query);
  const defaults = EVIDENCE_DEFAULTS[set.name];
  const scheme = choiceParam(query, "scheme", ["loo", "time-split"] as const, "loo");
  const horizon = Number(choiceParam(query, "horizon", BACKTEST_HORIZONS.map(String), "5"));
  const splitYear = integerParam(query, "splitYear", defaults.splitRange, defaults.splitYear);
  if (scheme === "loo" && query.has("splitYear")) throw new ApiError(400, `query parameter "splitYear" applies only to scheme=time-split`);
  // the model's priors, as `guarantor backtest --evidence-priors --ceasefire-spoilers` chooses them (docs/EVIDENCE.md §4)
  const evidencePriors = choiceParam(query, "evidencePriors", EVIDENCE_PRIOR_SETS, "calibrated");
  const spoilers = query.has("ceasefireSpoilers") ? choiceParam(query, "ceasefireSpoilers", CEASEFIRE_SPOILER_CHOICES, "registry") : undefined;
  let model;
  try {
    model = modelPredictor({ caseSet: set.name, seed: BACKTEST_SEED, trajectories: BACKTEST_TRAJECTORIES, scenarioText: scenario?.text, evidencePriors, ceasefireSpoilers: spoilers });
  } catch (e) {
    if (e instanceof InputError) throw new ApiError(400, e.message);
    throw e;
  }
  const report = await runBacktest({
    cases: set.cases,
    predictors: [baseRatePredictor(), coxPredictor(defaults.covariates), model],
    horizons: [horizon],
    scheme: scheme === "loo" ? { kind: "leave-one-out" } : { kind: "time-split", splitYear },
  });
  const source = scenario
    ? `The simulator's forecasts use the model of the scenario "${scenario.name}" (its priors and mechanisms, with the evidence perspective's priors) and each case's own inputs from its covariates (docs/EVIDENCE.md §4), ${BACKTEST_TRAJECTORIES.toLocaleString("en-US")} trajectories per kind of case (seed ${BACKTEST_SEED}), as \`guarantor backtest --scenario\` does with that file.`
    : `The simulator's forecasts use the evidence perspective of the bundled scenario with each case's own inputs from its covariates (docs/EVIDENCE.md §4), ${BACKTEST_TRAJECTORIES.toLocaleString("en-US")} trajectories per kind of case (seed ${BACKTEST_SEED}), as \`guarantor backtest\` does.`;
  return {
    data: set.name,
    title: set.title,
    scheme: report.scheme,
    testCases: report.testCases,
    predictors: report.predictors,
    horizon: report.horizons[0],
    modelIncluded: true,
    note: `${source}${query.has("evidencePriors") || query.has("ceasefireSpoilers") ? ` Its priors: ${model.label}.` : ""}`,
  };
}

/** Registers GET /api/evidence/survival and /api/evidence/backtest, each answer kept by its normalised query. */
export function registerEvidenceApi(app: Hono): void {
  const cache = new Map<string, unknown>();
  const remember = async (key: string, build: () => unknown) => {
    if (!cache.has(key)) {
      const value = await build();
      if (cache.size >= 64) cache.delete(cache.keys().next().value!);
      cache.set(key, value);
    }
    return cache.get(key);
  };
  app.get("/api/evidence/survival", async (c) => {
    const query = readQuery(c, ["data", "by", "where"]);
    return c.json(await remember(`km ${[...query].sort().join("&")}`, () => survivalByGroup(query)));
  });
  app.get("/api/evidence/backtest", async (c) => {
    const query = readQuery(c, ["data", "scheme", "horizon", "splitYear", "evidencePriors", "ceasefireSpoilers"]);
    return c.json(await remember(`bt ${[...query].sort().join("&")}`, () => backtestReport(query)));
  });
  // the same backtest with the simulator on a given scenario's model (the one in the editor)
  app.post("/api/evidence/backtest", async (c) => {
    const { scenario, ...fields } = await readJsonBody(c, BacktestRequest);
    const query: QueryParams = new Map(Object.entries(fields).map(([k, v]) => [k, String(v)]));
    const checked = libraryEngine.validate(scenario);
    if (!checked.valid) throw new ScenarioProblemsError(checked.problems);
    const hash = createHash("sha256").update(scenario).digest("hex");
    return c.json(await remember(`bt ${hash} ${[...query].sort().join("&")}`, () => backtestReport(query, { text: scenario, name: checked.scenario.name })));
  });
}
