/**
 * The outcomes added with model v2 (docs/MODEL.md §8.2): per-crisis and per-peace-year rates as
 * ratios of sums with delta-method errors, the remaining outcomes given acceptance, and the
 * per-state coalition summary, in both steppers.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile, type EvaluationResult } from "../../src/index.js";
import { ratioEstimate, ROW_WIDTH, V } from "../../src/sim/aggregate.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const MODES = ["monthly", "event"] as const;
const fixed = (value: number) => ({ dist: "fixed" as const, value });
const result = (r: EvaluationResult, option: string) => r.results.find((x) => x.option === option)!;

describe("ratio estimates", () => {
  it("equal Σx/Σy with the delta method's standard error √(Σ(x − Ry)²/(n(n−1)ȳ²))", () => {
    // an independent form of the same estimator: residuals d_i = x_i − R·y_i (their mean is 0)
    const x = [0, 1, 0, 2, 1, 0, 0, 3, 1, 0];
    const y = [2, 3, 1, 4, 2, 0, 1, 5, 2, 1];
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    const n = x.length;
    const r = sum(x) / sum(y);
    const ybar = sum(y) / n;
    const resid = x.map((xi, i) => xi - r * y[i]);
    const se = Math.sqrt(sum(resid.map((d) => d * d)) / (n - 1) / (n * ybar * ybar));
    const got = ratioEstimate(sum(x), sum(y), sum(x.map((v) => v * v)), sum(y.map((v) => v * v)), sum(x.map((v, i) => v * y[i])), n, 12);
    expect(got.mean).toBeCloseTo(12 * r, 14);
    expect(got.se).toBeCloseTo(12 * se, 12);
    expect(ratioEstimate(0, 0, 0, 0, 0, 5).mean).toBeNaN();
  });
});

describe.each(MODES)("model v2's added outcomes in the %s stepper", (mode) => {
  const options = ["ceasefire-only", "article5-treaty", "reassurance-force", "armed-neutrality"];
  const rows = new Map<string, Float64Array>();
  const run = () =>
    evaluate(scenario, {
      mode,
      trajectories: 2048,
      seed: 61,
      perspectives: ["baseline"],
      options,
      onTrajectories: ({ first, count, options: ids, rows: parts }) =>
        ids.forEach((id, o) => {
          if (!rows.has(id)) rows.set(id, new Float64Array(2048 * ROW_WIDTH));
          rows.get(id)!.set(parts[o].subarray(0, count * ROW_WIDTH), first * ROW_WIDTH);
        }),
    });

  it("rates are the ratios of their sums; months at peace and at war fill the horizon; given-accept means are over accepted rows", async () => {
    const r = await run();
    const H = r.horizon_years * 12;
    for (const id of options) {
      const o = result(r, id).outcomes;
      const row = rows.get(id)!;
      let [crises, wars, peace, accepted, backs, alignment] = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < 2048; i++) {
        const v = row.subarray(i * ROW_WIDTH, (i + 1) * ROW_WIDTH);
        expect(v[V.expected_peace_months] + v[V.expected_war_months]).toBe(H);
        expect(v[V.expected_crisis_wars]).toBeLessThanOrEqual(v[V.expected_crises]);
        crises += v[V.expected_crises];
        wars += v[V.expected_crisis_wars];
        peace += v[V.expected_peace_months];
        if (v[V.p_accept] === 1) {
          accepted++;
          backs += v[V.p_guarantor_backs_down];
          alignment += v[V.mean_alignment_at_horizon];
        }
      }
      expect(o.wars_per_crisis.mean, id).toBeCloseTo(wars / crises, 12);
      expect(o.crises_per_peace_year.mean, id).toBeCloseTo((12 * crises) / peace, 12);
      expect(o.p_guarantor_backs_down_given_accept.mean, id).toBeCloseTo(backs / accepted, 12);
      expect(o.mean_alignment_at_horizon_given_accept.mean, id).toBeCloseTo(alignment / accepted, 12);
      expect(o.wars_per_crisis.se, id).toBeGreaterThan(0);
    }
  });

  it("each state's share of trajectories in which it fought is bounded by the direct-war probability and sums to at least it", async () => {
    const r = await run();
    for (const id of options) {
      const x = result(r, id);
      const coalition = x.coalition!;
      expect(coalition.map((c) => c.state)).toEqual(scenario.actors.guarantors.map((g) => g.id));
      const direct = x.outcomes.p_direct_guarantor_war.mean;
      const shares = coalition.map((c) => c.p_fought.mean);
      expect(Math.max(...shares), id).toBeLessThanOrEqual(direct + 1e-12);
      expect(shares.reduce((a, b) => a + b, 0), id).toBeGreaterThanOrEqual(direct - 1e-12);
    }
    // the treaty's guarantors fight more often under it than under a bare ceasefire (paired draws)
    const fought = (option: string, state: string) => result(r, option).coalition!.find((c) => c.state === state)!.p_fought;
    const [a5, none] = [fought("article5-treaty", "US"), fought("ceasefire-only", "US")];
    expect(a5.mean).toBeGreaterThan(none.mean + 3 * Math.hypot(a5.se, none.se));
  });

  it("moral hazard shows in crises per peace-year where 'at least one crisis' saturates", async () => {
    const run = (m: number) => evaluate(scenario, { mode, trajectories: 2048, seed: 67, perspectives: ["baseline"], options: ["article5-treaty"], overrides: { moral_hazard: fixed(m), spoiler_rate_scale: fixed(3) } });
    const [low, high] = [result(await run(0), "article5-treaty").outcomes.crises_per_peace_year, result(await run(3), "article5-treaty").outcomes.crises_per_peace_year];
    expect(high.mean).toBeGreaterThan(low.mean + 4 * Math.hypot(low.se, high.se));
  });
});
