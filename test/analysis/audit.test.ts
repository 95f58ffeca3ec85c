import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { agnosticPriors, auditEvaluation, evaluateWithAudit, PairedDifferences } from "../../src/analysis/audit.js";
import { register as registerAudit } from "../../src/cli/commands/audit.js";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import type { EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import { loadScenarioFile } from "../../src/index.js";
import { Stream } from "../../src/math/random.js";
import { priorQuantile } from "../../src/scenario/prior-quantile.js";
import { ROW_WIDTH, V } from "../../src/sim/aggregate.js";
import type { TrajectoryRows } from "../../src/sim/evaluate.js";
import { runCli } from "../helpers/cli.js";

const FILE = new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname;
const COMPONENTS: OutcomeName[] = ["expected_war_months", "p_direct_guarantor_war", "p_nuclear_use", "p_sphere_at_horizon"];

afterEach(() => vi.restoreAllMocks());

/**
 * Synthetic paired trajectories: option x's component k in trajectory i is level[x][k] + a noise
 * shared by all options (common random numbers) + a small own noise; `zero` options have k ≡ 0.
 */
function synthetic(levels: Record<string, number[]>, perspectives: string[], n: number, seed: number, zero: Record<string, OutcomeName[]> = {}): PairedDifferences {
  const options = Object.keys(levels);
  const d = new PairedDifferences(options, perspectives, COMPONENTS);
  const rng = new Stream(seed, 0, 1);
  for (const perspective of perspectives) {
    const rows = options.map(() => new Float64Array(n * ROW_WIDTH));
    for (let i = 0; i < n; i++) {
      const shared = COMPONENTS.map(() => rng.next());
      options.forEach((o, x) =>
        COMPONENTS.forEach((c, k) => {
          rows[x][i * ROW_WIDTH + V[c as keyof typeof V]] = zero[o]?.includes(c) ? 0 : levels[o][k] + shared[k] + 0.05 * rng.next();
        }),
      );
    }
    d.add({ perspective, first: 0, count: n, options, rows } satisfies TrajectoryRows);
  }
  return d;
}

const fakeResult = (options: string[], perspectives: string[]): EvaluationResult =>
  ({ options: options.map((id) => ({ id, label: id })), perspectives: perspectives.map((id) => ({ id, label: id, source: "" })), loss_weights: {}, results: [] }) as unknown as EvaluationResult;

describe("the dominance audit on synthetic paired results", () => {
  it("finds an option that is better on every component under every perspective, and no other pair", () => {
    // A is lower than B by 0.05 on every component; C is lower than A on war months, higher on sphere
    const levels = { A: [0, 0, 0, 0], B: [0.05, 0.05, 0.05, 0.05], C: [-0.1, 0, 0, 0.1] };
    const paired = synthetic(levels, ["p1", "p2"], 2000, 1);
    const audit = auditEvaluation({ result: fakeResult(Object.keys(levels), ["p1", "p2"]), paired });
    expect(audit.standard_errors).toBe("paired");
    expect(audit.dominance.map((d) => `${d.option}>${d.dominated}`)).toEqual(["A>B"]);
    expect(audit.dominance[0].strict).toHaveLength(2 * COMPONENTS.length);
    expect(audit.dominance[0].across_prior_space).toBeNull();
    expect(audit.zeros).toEqual([]);
  });

  it("finds none when every option is better somewhere and worse somewhere else", () => {
    const levels = { A: [0, 0.1, 0, 0], B: [0.1, 0, 0, 0], C: [0, 0, 0.1, -0.1] };
    const audit = auditEvaluation({ result: fakeResult(Object.keys(levels), ["p"]), paired: synthetic(levels, ["p"], 2000, 2) });
    expect(audit.dominance).toEqual([]);
    expect(audit.verdict).toMatch(/^no option dominant by construction/);
  });

  it("a difference within 2 paired SE is not strict: equal options dominate nothing", () => {
    const levels = { A: [0, 0, 0, 0], B: [0, 0, 0, 0] };
    expect(auditEvaluation({ result: fakeResult(["A", "B"], ["p"]), paired: synthetic(levels, ["p"], 500, 3) }).dominance).toEqual([]);
  });

  it("lists a structural zero, and calls it by construction only when the stress run has it zero too", () => {
    const levels = { A: [0, 0, 0, 0], B: [0.5, 0.5, 0.5, 0.5] };
    const paired = synthetic(levels, ["p"], 500, 4, { A: ["p_nuclear_use"] });
    const forced = synthetic(levels, ["agnostic"], 300, 5, { A: ["p_nuclear_use"] });
    const open = synthetic(levels, ["agnostic"], 300, 6);
    const a = auditEvaluation({ result: fakeResult(["A", "B"], ["p"]), paired, stress: forced });
    expect(a.zeros).toEqual([{ option: "A", component: "p_nuclear_use", nonzero_trajectories: 0, by_construction: true }]);
    expect(a.dominance).toEqual([{ option: "A", dominated: "B", strict: expect.any(Array), across_prior_space: true }]);
    expect(a.verdict).toMatch(/forced by the structure.*A dominates B across the prior space.*p_nuclear_use is zero for A/);
    const b = auditEvaluation({ result: fakeResult(["A", "B"], ["p"]), paired, stress: open });
    expect(b.zeros[0].by_construction).toBe(false);
  });

  it("from a result file alone: independent SEs, zero means exactly 0", () => {
    const est = (mean: number) => ({ mean, se: 0.01 });
    const row = (option: string, x: number[]) => ({ option, perspective: "p", outcomes: Object.fromEntries(COMPONENTS.map((c, k) => [c, est(x[k])])) });
    const result = {
      ...fakeResult(["A", "B"], ["p"]),
      loss_weights: Object.fromEntries(COMPONENTS.map((c) => [c, 1])),
      results: [row("A", [1, 0, 0.1, 0.2]), row("B", [1.1, 0.2, 0.2, 0.3])],
    } as unknown as EvaluationResult;
    const audit = auditEvaluation({ result });
    expect(audit.standard_errors).toBe("independent");
    expect(audit.components).toEqual(COMPONENTS);
    // A − B on p_sphere_at_horizon = −0.1 against 2·√2·0.01 = 0.028: strict everywhere
    expect(audit.dominance.map((d) => [d.option, d.dominated, d.strict.length])).toEqual([["A", "B", 4]]);
    expect(audit.zeros).toEqual([{ option: "A", component: "p_direct_guarantor_war", nonzero_trajectories: 0, by_construction: null }]);
  });

  it("the agnostic priors are the uniforms over each prior's 5%–95% range", () => {
    const scenario = loadScenarioFile(FILE);
    const agnostic = agnosticPriors(scenario.parameters);
    for (const p of PARAMETERS) {
      const prior = scenario.parameters[p.name];
      const a = agnostic[p.name];
      if (prior.dist === "fixed") expect(a).toEqual(prior);
      else expect(a).toEqual({ dist: "uniform", min: priorQuantile(prior, 0.05), max: priorQuantile(prior, 0.95) });
    }
  });
});

/** Model v2 (docs/MODEL.md §5, intervention and coalitions) is in the simulator when its parameters are. */
const MODEL_V2 = PARAMETERS.some((p) => (p.name as string) === "coalition_correlation");

describe("the dominance audit on the bundled scenario", () => {
  it.skipIf(!MODEL_V2)("model v2: no zero by construction and no dominance across the prior space among the main options", async () => {
    const scenario = loadScenarioFile(FILE);
    const main = ["armed-neutrality", "article5-treaty", "nato-membership", "neutrality-istanbul", "ceasefire-only"];
    const { audit } = await evaluateWithAudit(scenario, { trajectories: 4000, seed: 15, options: main, workers: 1 });
    expect(audit.zeros.filter((z) => z.by_construction)).toEqual([]);
    expect(audit.dominance.filter((d) => d.across_prior_space)).toEqual([]);
    expect(audit.verdict).toBe("no option dominant by construction");
  }, 600_000);

  it.skipIf(MODEL_V2)("model v1: the audit finds the structural zeros of options without a formal promise (q = 0)", async () => {
    const scenario = loadScenarioFile(FILE);
    const { audit } = await evaluateWithAudit(scenario, { trajectories: 1000, seed: 15, options: ["armed-neutrality", "article5-treaty"], workers: 1 }, 500);
    expect(audit.zeros).toEqual(
      expect.arrayContaining([
        { option: "armed-neutrality", component: "p_direct_guarantor_war", nonzero_trajectories: 0, by_construction: true },
        { option: "armed-neutrality", component: "p_nuclear_use", nonzero_trajectories: 0, by_construction: true },
      ]),
    );
    expect(audit.verdict).toMatch(/forced by the structure/);
  }, 600_000);

  it("paired statistics agree with the result's estimates: mean differences match to rounding", async () => {
    const scenario = loadScenarioFile(FILE);
    const { result, audit, paired } = await evaluateWithAudit(scenario, { trajectories: 300, seed: 9, options: ["ceasefire-only", "article5-treaty"], perspectives: ["baseline"] }, 100);
    expect(audit.standard_errors).toBe("paired");
    const [a, b] = result.results;
    audit.components.forEach((c, k) => {
      const d = paired.difference(0, 0, 1, k);
      expect(Math.abs(d.mean - (a.outcomes[c].mean - b.outcomes[c].mean)), c).toBeLessThan(1e-9);
      // common random numbers: the paired SE is at most the independent one here
      expect(d.se, c).toBeLessThanOrEqual(Math.hypot(a.outcomes[c].se, b.outcomes[c].se) + 1e-12);
    });
    expect(audit.stress_trajectories).toBe(100);
    expect(audit.components).toEqual(Object.keys(result.loss_weights).filter((k) => result.loss_weights[k as OutcomeName] !== 0));
  });

  it("`guarantor audit` prints tables and JSON; `compare --json` gains an audit field and keeps every other field", async () => {
    const run = (args: string[]) => runCli([registerAudit, registerCompare], args);
    const args = ["--options", "ceasefire-only,armed-neutrality,article5-treaty", "--perspectives", "baseline,deterrence", "--trajectories", "200", "--workers", "1"];
    const text = await run(["audit", FILE, ...args, "--stress-trajectories", "100"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Dominance audit over baseline, deterrence/);
    expect(text.out).toMatch(/Verdict: /);
    const json = JSON.parse((await run(["audit", FILE, ...args, "--stress-trajectories", "100", "--json"])).out);
    expect(json.stress_trajectories).toBe(100);
    const compared = JSON.parse((await run(["compare", FILE, ...args, "--json"])).out);
    expect(Object.keys(compared)).toEqual(expect.arrayContaining(["scenario", "seed", "results", "ranking", "loss_weights", "audit"]));
    expect(compared.audit.standard_errors).toBe("paired");
    // a saved comparison can be audited without running the model again
    const dir = mkdtempSync(join(tmpdir(), "guarantor-audit-"));
    writeFileSync(join(dir, "c.json"), JSON.stringify(compared));
    const fromFile = JSON.parse((await run(["audit", join(dir, "c.json"), "--json"])).out);
    expect(fromFile.standard_errors).toBe("independent");
    const bad = await run(["audit", join(dir, "missing.json")]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/cannot read .*missing\.json as JSON/);
    // the audit prints a judgement, not the results: the flags that write results are not offered
    for (const flag of [["--csv"], ["--trajectories-out", join(dir, "t.csv")]]) {
      const refused = await run(["audit", FILE, ...flag]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`unknown option '${flag[0]}'`);
    }
  });
});

describe("the audit under a perspective with its own loss weights", () => {
  // A is lower than B on war months, direct war and sphere, higher on nuclear use
  const levels = { A: [0, 0, 0.1, 0], B: [0.05, 0.05, 0, 0.05] };
  const withWeights = (own: Partial<Record<OutcomeName, number>> | undefined): EvaluationResult =>
    ({
      options: [{ id: "A", label: "A" }, { id: "B", label: "B" }],
      perspectives: [{ id: "p1", label: "p1", source: "", ...(own ? { loss_weights: own } : {}) }],
      loss_weights: { expected_war_months: 1, p_direct_guarantor_war: 1, p_nuclear_use: 1, p_sphere_at_horizon: 1 },
      results: [],
    }) as unknown as EvaluationResult;

  it("compares only the outcomes that perspective weighs", () => {
    const paired = synthetic(levels, ["p1"], 2000, 3);
    expect(auditEvaluation({ result: withWeights(undefined), paired }).dominance).toEqual([]);
    const own = { expected_war_months: 1, p_direct_guarantor_war: 1, p_nuclear_use: 0, p_sphere_at_horizon: 1 };
    const audit = auditEvaluation({ result: withWeights(own), paired });
    expect(audit.dominance.map((d) => `${d.option}>${d.dominated}`)).toEqual(["A>B"]);
    expect(audit.dominance[0].strict.map((s) => s.component)).toEqual(["expected_war_months", "p_direct_guarantor_war", "p_sphere_at_horizon"]);
  });
});
