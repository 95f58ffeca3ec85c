import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DurationDependence } from "../../src/contract/evidence.js";
import { durationPriors } from "../../src/evidence/calibration/calibrate.js";
import { round4 } from "../../src/evidence/calibration/calibrated-prior.js";
import { createApp } from "../../src/server/app.js";
import { openApiDocument } from "../../src/server/openapi.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { RunManager } from "../../src/server/run-manager.js";
import { RunStore } from "../../src/store/run-store.js";
import { fakeEngine } from "./fake-engine.js";

const store = new RunStore(":memory:");
const engine = fakeEngine();
const app = createApp({
  engine,
  store,
  runs: new RunManager(store, engine, { programVersion: "9.9.9" }),
  staticFiles: new Map(),
  defaultScenario: { name: "fake", text: "" },
  programVersion: "9.9.9",
});

const get = async (path: string) => {
  const res = await app.request(`http://127.0.0.1${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

interface Curve { group: string; n: number; events: number; time: number[]; survival: number[]; lower: number[]; upper: number[] }

describe("GET /api/evidence/survival", () => {
  it("gives Kaplan–Meier curves of cease-fires by peacekeeping with bands and a log-rank test", async () => {
    const { status, body } = await get("/api/evidence/survival?data=ceasefires&by=peacekeeping");
    expect(status).toBe(200);
    const curves = body.curves as Curve[];
    expect(curves.map((c) => c.group)).toEqual(["peacekeeping=0", "peacekeeping=1"]);
    expect(curves.reduce((s, c) => s + c.n, 0)).toBe(157);
    for (const c of curves) {
      c.survival.forEach((s, i) => {
        expect(c.lower[i]).toBeLessThanOrEqual(s + 1e-12);
        expect(c.upper[i]).toBeGreaterThanOrEqual(s - 1e-12);
        if (i > 0) expect(s).toBeLessThanOrEqual(c.survival[i - 1]);
      });
    }
    expect((body.logRank as { degreesOfFreedom: number }).degreesOfFreedom).toBe(1);
  });

  it("reproduces the post-1989 selection: 96 cease-fires, 19 of 34 with peacekeepers held", async () => {
    const { body } = await get("/api/evidence/survival?data=ceasefires&by=peacekeeping&where=post_cold_war=1");
    const curves = body.curves as Curve[];
    expect(curves.reduce((s, c) => s + c.n, 0)).toBe(96);
    const kept = curves.find((c) => c.group === "peacekeeping=1")!;
    expect(kept.n).toBe(34);
    expect(kept.n - kept.events).toBe(19);
  });

  it("gives the duration dependence of the cases shown: the calibrated fit for all cease-fires, no interval where the fit lies at an edge", async () => {
    const all = (await get("/api/evidence/survival?data=ceasefires")).body.duration as DurationDependence;
    const [floorPrior, decayPrior] = durationPriors();
    expect([all.n, all.events]).toEqual([157, 85]);
    expect([round4(all.floor), round4(all.decayMonths)]).toEqual([floorPrior.estimate, decayPrior.estimate]);
    expect(all.intervals!.floor[0]).toBeLessThan(all.floor);
    expect(all.intervals!.floor[1]).toBeGreaterThan(all.floor);
    const early = (await get("/api/evidence/survival?data=ceasefires&where=post_cold_war=0")).body.duration as DurationDependence;
    expect(early.n).toBe(61);
    expect(early.intervals).toBeNull();
  });

  it("splits inter-state war dyads by defence pact by default", async () => {
    const { status, body } = await get("/api/evidence/survival?data=interstate");
    expect(status).toBe(200);
    expect(body.by).toBe("major_power_pact");
    expect((body.curves as Curve[]).reduce((s, c) => s + c.n, 0)).toBe(374);
  });

  it.each([
    ["/api/evidence/survival?data=mars", /"data" must be one of ceasefires, interstate; got "mars"/],
    ["/api/evidence/survival?by=height", /"by": unknown covariate "height" for ceasefires/],
    ["/api/evidence/survival?where=truce", /"where" must look like name=0 or name=1/],
    ["/api/evidence/survival?where=nope=1", /unknown covariate "nope"/],
    ["/api/evidence/survival?file=../../etc/passwd", /unknown query parameter "file"/],
    ["/api/evidence/survival?data=ceasefires&data=interstate", /given more than once/],
  ])("refuses %s with a precise 400", async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});

describe("GET /api/evidence/backtest", () => {
  it("scores the base rate and the Cox model leave-one-out with reliability bins", async () => {
    const { status, body } = await get("/api/evidence/backtest?data=ceasefires&horizon=5");
    expect(status).toBe(200);
    const horizon = body.horizon as { years: number; n: number; events: number; scores: { predictor: string; score: { brier: number; bins: { count: number }[] } }[] };
    expect(horizon).toMatchObject({ years: 5, n: 157, events: 68 });
    expect(horizon.scores.map((s) => s.predictor)).toEqual(["base-rate", "cox", "model"]);
    // the figures in docs/EVIDENCE.md
    expect(horizon.scores[0].score.brier).toBeCloseTo(0.249, 3);
    expect(horizon.scores[1].score.brier).toBeCloseTo(0.21, 3);
    expect(horizon.scores[1].score.bins.reduce((s, b) => s + b.count, 0)).toBe(157);
    // the simulator's forecasts, as `guarantor backtest` gives them (docs/EVIDENCE.md)
    expect(horizon.scores[2].score.brier).toBeCloseTo(0.2106, 3);
    expect(horizon.scores[2].score.bins.reduce((s, b) => s + b.count, 0)).toBe(157);
    expect(body.modelIncluded).toBe(true);
    expect(body.note).toMatch(/4,000 trajectories per kind of case/);
  });

  it("runs the model under the priors `guarantor backtest` can choose, with the same forecasts", async () => {
    const { modelPredictor, runBacktest, loadCaseSet } = await import("../../src/evidence/index.js");
    const { body } = await get("/api/evidence/backtest?data=ceasefires&horizon=5&evidencePriors=uncalibrated");
    const model = (body.horizon as { scores: { predictor: string; score: { brier: number } }[] }).scores.find((s) => s.predictor === "model")!;
    // the same backtest run directly with the library, uncalibrated priors and (their default) the inter-state spoiler rate
    const direct = await runBacktest({
      cases: loadCaseSet("ceasefires").cases,
      predictors: [modelPredictor({ caseSet: "ceasefires", seed: 20251, trajectories: 4000, evidencePriors: "uncalibrated", ceasefireSpoilers: "interstate" })],
      horizons: [5],
      scheme: { kind: "leave-one-out" },
    });
    expect(model.score.brier).toBe(direct.horizons[0].scores[0].score.brier);
    expect(model.score.brier).not.toBeCloseTo(0.2106, 3);
    expect((body.predictors as { id: string; label: string }[]).find((p) => p.id === "model")!.label).toMatch(/without the registry's calibrated entries/);
  }, 120_000);

  it("splits by time when asked", async () => {
    const { body } = await get("/api/evidence/backtest?data=interstate&scheme=time-split&splitYear=1946&horizon=10");
    expect(body.scheme).toEqual({ kind: "time-split", splitYear: 1946 });
    expect((body.horizon as { n: number }).n).toBe(98);
  });

  it.each([
    ["/api/evidence/backtest?horizon=7", /"horizon" must be one of 2, 5, 10; got "7"/],
    ["/api/evidence/backtest?scheme=kfold", /"scheme" must be one of loo, time-split/],
    ["/api/evidence/backtest?scheme=time-split&splitYear=1e3", /"splitYear" must be an integer from 1950 to 1999/],
    ["/api/evidence/backtest?splitYear=1960", /applies only to scheme=time-split/],
    ["/api/evidence/backtest?model=1", /unknown query parameter "model"/],
    ["/api/evidence/backtest?evidencePriors=some", /"evidencePriors" must be one of calibrated, uncalibrated/],
    ["/api/evidence/backtest?ceasefireSpoilers=guess", /"ceasefireSpoilers" must be one of registry, interstate, refit/],
    ["/api/evidence/backtest?data=interstate&ceasefireSpoilers=refit", /the cease-fires' spoiler rate applies to the civil-war cease-fires only/],
    ["/api/evidence/backtest?evidencePriors=uncalibrated&ceasefireSpoilers=registry", /calibrated entries, which the uncalibrated evidence priors leave out/],
  ])("refuses %s with a precise 400", async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});

describe("POST /api/evidence/backtest: the simulator on a given scenario's model", () => {
  const bundled = readFileSync(bundledScenarioPath(), "utf8");
  const post = async (body: unknown) => {
    const res = await app.request("http://127.0.0.1/api/evidence/backtest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const modelBrier = (body: Record<string, unknown>) => (body.horizon as { scores: { predictor: string; score: { brier: number } }[] }).scores.find((s) => s.predictor === "model")!.score.brier;

  it("on the bundled scenario's text gives the GET's numbers; an edited model gives other forecasts, named in the note", async () => {
    const same = await post({ scenario: bundled, data: "ceasefires", horizon: 5 });
    expect(same.status).toBe(200);
    expect(modelBrier(same.body)).toBe(modelBrier((await get("/api/evidence/backtest?data=ceasefires&horizon=5")).body));
    expect(same.body.note).toMatch(/the scenario "Ukraine settlement 2025"/);
    // a far larger stake for the side that might resume the war (a parameter the evidence perspective
    // does not calibrate): the simulator forecasts more wars, the baselines are unchanged
    const edited = bundled
      .replace(/^name: .*$/m, "name: Large stake")
      .replace(/^(\s*)challenger_stake_log_mean: .*$/m, "$1challenger_stake_log_mean: { dist: normal, mean: 2, sd: 0.4, source: assumption }");
    const other = await post({ scenario: edited, data: "ceasefires", horizon: 5 });
    expect(other.status).toBe(200);
    expect(other.body.note).toMatch(/the scenario "Large stake"/);
    expect(modelBrier(other.body)).not.toBe(modelBrier(same.body));
    const scores = (b: Record<string, unknown>) => (b.horizon as { scores: { predictor: string; score: { brier: number } }[] }).scores;
    expect(scores(other.body)[1].score.brier).toBe(scores(same.body)[1].score.brier);
  }, 60_000);

  it("refuses a scenario with problems (422 with them located) and malformed fields (400 naming them)", async () => {
    const bad = await post({ scenario: "name: x\n" });
    expect(bad.status).toBe(422);
    expect((bad.body.problems as unknown[]).length).toBeGreaterThan(0);
    const wrong = await post({ scenario: bundled, horizon: 7 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatch(/^invalid request body: horizon/);
    expect((await post({ scenario: bundled, model: 1 })).status).toBe(400);
  });
});

describe("the OpenAPI description", () => {
  it("lists the evidence endpoints with their parameters", () => {
    const paths = (openApiDocument("1") as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> }).paths;
    expect(paths["/api/evidence/survival"].get?.parameters?.map((p) => p.name)).toEqual(["data", "by", "where"]);
    expect(paths["/api/evidence/backtest"].get?.parameters?.map((p) => p.name)).toEqual(["data", "scheme", "horizon", "splitYear", "evidencePriors", "ceasefireSpoilers"]);
  });
});
