/**
 * The two strategic layers give the same law (docs/MODEL.md §7.5, §15.2):
 * a scenario run with `strategic_layer: games` and with `closed-form` must not differ in
 * distribution. Two independent samples (different seeds), two-sample tests with stated power.
 */
import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile } from "../../src/index.js";
import { normalQuantile } from "../../src/math/distributions.js";
import type { Scenario } from "../../src/scenario/load.js";

/*
 * Design: N = 12,288 trajectories per layer, 4 options (bare ceasefire, an Istanbul-style neutrality,
 * a treaty, a tripwire force), baseline priors; per option a two-proportion z-test on P(war within
 * the horizon | accepted) and a Welch z-test on the expected number of crises: m = 8 tests at a
 * family-wise α = 0.001 (Bonferroni: α/m = 1.25e-4, |z| < 3.84). Power: a two-proportion test with
 * n per arm detects δ with power 1 − β when n = 2(z_{α/2m} + z_β)²·p(1−p)/δ²; with z_β = 0.84
 * (power 0.8), p(1−p) ≤ ¼ and at least 12,288 × 0.41 ≈ 5,000 accepted trajectories (article5-treaty,
 * the least accepted at baseline priors), δ = 0.047 is detected with power ≥ 0.8 at any p (0.028 at
 * p ≈ 0.1); the crisis means, a shift of 0.06 standard deviations. The defect this guards against
 * moved P(war within the horizon) by 0.83.
 */
const N = 12_288;
const OPTIONS = ["ceasefire-only", "neutrality-istanbul", "article5-treaty", "reassurance-force"];
const TESTS = OPTIONS.length * 2;
const Z_CRITICAL = -normalQuantile(0.001 / TESTS / 2);

describe("the closed-form and games strategic layers", () => {
  it(`agree in law: ${TESTS} two-sample tests at family-wise α = 0.001`, async () => {
    const base = loadScenarioFile("scenarios/ukraine-2025.yaml");
    const run = (layer: Scenario["strategic_layer"], seed: number) =>
      evaluate({ ...base, strategic_layer: layer }, { trajectories: N, seed, perspectives: ["baseline"], options: OPTIONS, workers: 2 });
    const [closed, games] = [await run("closed-form", 101), await run("games", 202)];
    const failures: string[] = [];
    for (const id of OPTIONS) {
      const a = closed.results.find((x) => x.option === id)!;
      const b = games.results.find((x) => x.option === id)!;
      const [pa, pb] = [a.outcomes.p_war_resumes_horizon, b.outcomes.p_war_resumes_horizon];
      const [na, nb] = [a.survival.n, b.survival.n];
      const pooled = (pa.mean * na + pb.mean * nb) / (na + nb);
      const zWar = (pa.mean - pb.mean) / Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
      if (Math.abs(zWar) > Z_CRITICAL) failures.push(`${id} P(war within the horizon): z = ${zWar.toFixed(2)}`);
      const [ca, cb] = [a.outcomes.expected_crises, b.outcomes.expected_crises];
      const zCrises = (ca.mean - cb.mean) / Math.hypot(ca.se, cb.se);
      if (Math.abs(zCrises) > Z_CRITICAL) failures.push(`${id} expected crises: z = ${zCrises.toFixed(2)}`);
    }
    expect(failures).toEqual([]);
    // the samples are independent draws, not the same numbers
    expect(games.results[0].outcomes.p_war_resumes_horizon.mean).not.toBe(closed.results[0].outcomes.p_war_resumes_horizon.mean);
  }, 240_000);
});
