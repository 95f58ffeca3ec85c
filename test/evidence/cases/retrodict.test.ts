import { describe, expect, it } from "vitest";
import type { CaseRun } from "../../../src/contract/cases.js";
import { loadCaseLibrary } from "../../../src/evidence/cases/library.js";
import { retrodictCases } from "../../../src/evidence/cases/retrodict.js";
import { referenceRuns } from "../../../src/evidence/cases/score.js";
import { caseScenarioText, loadBaseModel, observedMonths, runCaseJob } from "../../../src/evidence/cases/run.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

const library = loadCaseLibrary();
const base = loadBaseModel();
const pick = (...ids: string[]) => ids.map((id) => library.find((c) => c.id === id)!);
// a war after 8 months with an intervention (Laos), a war after 25 months without one (Vietnam), no war (Korea)
const FEW = pick("laos-1962", "vietnam-1973", "korea-1953");
const SMALL = { seed: 11, trajectories: 120 };

describe("each library case as a scenario", () => {
  it("every case loads as a scenario with the bundled priors, its own actors and its spoilers", () => {
    for (const c of library) {
      const scenario = loadScenarioText(caseScenarioText(c, base, 10), `${c.id}.yaml`);
      expect(scenario.actors.challenger.id).toBe(c.scenario.actors.challenger.id);
      expect(scenario.options.map((o) => o.id)).toContain(c.case.settlement.option);
      expect(scenario.actors.spoilers.map((s) => s.id)).toEqual(expect.arrayContaining(c.case.spoilers.map((s) => s.id)));
      expect(Object.keys(scenario.perspectives)).toEqual(base.perspectives.slice(1).map((p) => p.id));
    }
  });
});

describe("guarantor cases: forecasts and scores", () => {
  it("codes the questions from the record: war by 5 and 10 years, intervention only when tested", async () => {
    const [laos, vietnam, korea] = await Promise.all(FEW.map((c) => runCaseJob({ case: c, perspective: "baseline", ...SMALL }, base)));
    const outcome = (r: CaseRun, q: string) => r.forecasts.find((f) => f.question === q)?.outcome;
    expect([outcome(laos, "war_in_window"), outcome(laos, "war_5y"), outcome(laos, "war_10y"), outcome(laos, "guarantor_intervention")]).toEqual([1, 1, 1, 1]);
    expect([outcome(vietnam, "war_5y"), outcome(vietnam, "guarantor_intervention"), outcome(vietnam, "sphere_5y")]).toEqual([1, 0, 1]);
    expect([outcome(korea, "war_in_window"), outcome(korea, "war_10y"), outcome(korea, "guarantor_intervention")]).toEqual([0, 0, undefined]);
    for (const r of [laos, vietnam, korea]) {
      const f = Object.fromEntries(r.forecasts.map((x) => [x.question, x.forecast]));
      // the survival curve is monotone, and the window (> 10 years for all three) holds the 10-year risk
      expect(f.war_5y).toBeLessThanOrEqual(f.war_10y);
      expect(f.war_10y).toBeLessThanOrEqual(f.war_in_window);
      expect(observedMonths(FEW[[laos, vietnam, korea].indexOf(r)])).toBeGreaterThan(120);
      for (const x of r.forecasts) expect(x.forecast >= 0 && x.forecast <= 1, x.question).toBe(true);
    }
  });

  it("scores each perspective by recomputation from its forecasts, and the answer does not depend on concurrency", async () => {
    const perspectives = ["baseline", "deterrence"];
    const answer = await retrodictCases({ cases: FEW, base, perspectives, ...SMALL });
    expect(answer.runs).toHaveLength(6);
    for (const score of answer.scores) {
      const runs = answer.runs.filter((r) => r.perspective === score.perspective);
      const perCase = runs.map((r) => r.forecasts.reduce((s, f) => s + (f.forecast - f.outcome) ** 2, 0) / r.forecasts.length);
      const mean = perCase.reduce((a, b) => a + b, 0) / perCase.length;
      const sd = Math.sqrt(perCase.reduce((s, x) => s + (x - mean) ** 2, 0) / (perCase.length - 1));
      expect(score.brier.mean).toBeCloseTo(mean, 12);
      expect(score.brier.stdErr).toBeCloseTo(sd / Math.sqrt(3), 12);
      const logs = runs.map((r) => r.forecasts.reduce((s, f) => s - Math.log(f.outcome === 1 ? Math.max(0.001, Math.min(0.999, f.forecast)) : 1 - Math.max(0.001, Math.min(0.999, f.forecast))), 0) / r.forecasts.length);
      expect(score.logScore.mean).toBeCloseTo(logs.reduce((a, b) => a + b, 0) / 3, 12);
      const all = runs.flatMap((r) => r.forecasts);
      expect(score.forecasts).toBe(all.length);
      expect(score.reliability.reduce((s, b) => s + b.count, 0)).toBe(all.length);
      const war = all.filter((f) => f.question === "war_in_window");
      const q = score.byQuestion.find((b) => b.question === "war_in_window")!;
      expect(q.n).toBe(3);
      expect(q.events).toBe(2);
      expect(q.brier.mean).toBeCloseTo(war.reduce((s, f) => s + (f.forecast - f.outcome) ** 2, 0) / 3, 12);
      const reference = answer.reference.perCase.map((c) => c.brier);
      expect(score.brierVersusReference!.mean).toBeCloseTo(perCase.reduce((s, x, i) => s + x - reference[i], 0) / 3, 12);
    }
    const again = await retrodictCases({ cases: FEW, base, perspectives, ...SMALL, concurrency: 3, runJob: (job) => runCaseJob(job, base, { workers: 2 }) });
    expect(again).toEqual(answer);
  }, 120_000);

  it("refuses an unknown perspective with the list of known ones", async () => {
    await expect(retrodictCases({ cases: FEW, base, perspectives: ["realism"], ...SMALL })).rejects.toThrow(/unknown perspective "realism".*baseline, influence-realism/);
  });
});

describe("the reference forecaster of the case scores", () => {
  it("forecasts each question's frequency among the other cases", () => {
    const run = (id: string, war: 0 | 1, intervention?: 0 | 1): CaseRun => ({
      case: id, perspective: "p", seed: 1, trajectories: 10, horizonYears: 10, pAccept: 1,
      forecasts: [{ question: "war_in_window", forecast: 0.9, outcome: war, trajectories: 10 }, ...(intervention === undefined ? [] : [{ question: "guarantor_intervention" as const, forecast: 0.2, outcome: intervention, trajectories: 5 }])],
    });
    const refs = referenceRuns([run("a", 1, 1), run("b", 1, 0), run("c", 0), run("d", 0)]);
    const f = (id: string, q: string) => refs.find((r) => r.case === id)!.forecasts.find((x) => x.question === q)?.forecast;
    // war: a sees b, c, d → 1/3; c sees a, b, d → 2/3; intervention: a sees b only → 0; b sees a → 1
    expect([f("a", "war_in_window"), f("c", "war_in_window"), f("a", "guarantor_intervention"), f("b", "guarantor_intervention")]).toEqual([1 / 3, 2 / 3, 0, 1]);
    expect(refs.every((r) => r.perspective === "base-rate")).toBe(true);
  });
});
