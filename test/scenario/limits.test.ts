import { describe, expect, it } from "vitest";
import { BASELINE, loadScenarioText } from "../../src/index.js";
import { scenarioJsonSchema } from "../../src/cli/commands/validate.js";
import { BASELINE_PERSPECTIVE, MAX_MONTH } from "../../src/scenario/limits.js";
import { assertFinite, tinyRun } from "../fuzz/scenario.js";
import { issuesOf, locate, mutate, onlyIssue } from "./helpers.js";

describe("what validate accepts, the model can run: numbers past the model's ranges are refused", () => {
  it("a gamma prior whose sd is vanishingly small is refused (its quantile table would take minutes)", () => {
    const text = mutate("window_rate_per_year: { dist: gamma, mean: 0.3, sd: 0.12", "window_rate_per_year: { dist: gamma, mean: 0.3, sd: 0.00001");
    expect(onlyIssue(text)).toMatchObject({
      path: "parameters.window_rate_per_year.sd",
      message: "a gamma prior needs sd ≥ 0.01·mean = 0.003000, got 0.00001",
      hint: "a prior this narrow is a point value: use dist: fixed",
    });
  });

  it("a beta prior whose sd is vanishingly small is refused", () => {
    const text = mutate("challenger_success_vs_guarantors: { dist: beta, mean: 0.1, sd: 0.05", "challenger_success_vs_guarantors: { dist: beta, mean: 0.1, sd: 0.00001");
    expect(onlyIssue(text)).toMatchObject({ path: "parameters.challenger_success_vs_guarantors.sd", message: expect.stringMatching(/needs sd ≥ 0.01·√\(mean·\(1−mean\)\)/) });
  });

  it("a gamma prior whose sd is 100 times its mean or more is refused", () => {
    const text = mutate("window_rate_per_year: { dist: gamma, mean: 0.3, sd: 0.12", "window_rate_per_year: { dist: gamma, mean: 0.3, sd: 31");
    expect(onlyIssue(text)).toMatchObject({ path: "parameters.window_rate_per_year.sd", message: expect.stringMatching(/needs sd ≤ 100·mean/) });
  });

  it("a prior mean or sd too small to square is refused (a lognormal's σ² was 0/0, a gamma's scale 0)", () => {
    const text = mutate("integration_pull_per_year: { dist: gamma, mean: 0.1, sd: 0.04", "integration_pull_per_year: { dist: lognormal, mean: 5e-324, sd: 4.94e-322");
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.path, i.expected])).toEqual([
      ["parameters.integration_pull_per_year.mean", "a number ≥ 0.000001"],
      ["parameters.integration_pull_per_year.sd", "a number ≥ 0.000001"],
    ]);
  });

  it("a prior mean near the largest double is out of range, at the mean", () => {
    const text = mutate("challenger_cost_vs_guarantors: { dist: lognormal, mean: 4.0", "challenger_cost_vs_guarantors: { dist: lognormal, mean: 1e308");
    expect(issuesOf(text)[0]).toMatchObject({ ...locate(text, "1e308"), path: "parameters.challenger_cost_vs_guarantors.mean", message: "out of range", expected: "a number ≤ 1000000" });
  });

  it("election months past 2³¹ (which wrapped as 32-bit integers) are out of range", () => {
    for (const month of ["2147483648", "4294967320"]) {
      const text = mutate("first_election_month: 24", `first_election_month: ${month}`);
      expect(onlyIssue(text)).toMatchObject({ path: "actors.guarantors[0].first_election_month", expected: `a number ≤ ${MAX_MONTH}` });
    }
    const interval = mutate("election_interval_months: 48, first_election_month: 24", "election_interval_months: 4294967344, first_election_month: 24");
    expect(onlyIssue(interval)).toMatchObject({ path: "actors.guarantors[0].election_interval_months", message: "out of range" });
  });

  it("a loss weight near the largest double is out of range (the loss would overflow to null)", () => {
    const text = mutate("p_nuclear_use: 20", "p_nuclear_use: 1.7e308");
    expect(onlyIssue(text)).toMatchObject({ path: "loss.weights.p_nuclear_use", expected: "a number ≤ 1000000" });
  });

  it("trajectories: 1 is refused when loading, not when running", () => {
    const text = mutate("trajectories: 10000", "trajectories: 1");
    expect(onlyIssue(text)).toMatchObject({ path: "trajectories", expected: "a number ≥ 2" });
  });

  it("a horizon shorter than a month is refused instead of silently becoming a month", () => {
    const text = mutate("horizon_years: 20", "horizon_years: 0.001");
    expect(onlyIssue(text)).toMatchObject({ path: "horizon_years", expected: "a number ≥ 0.0833333" });
  });

  it("troops, monitors and zone widths have ceilings", () => {
    expect(onlyIssue(mutate("troops: 15000", "troops: 1e300"))).toMatchObject({ path: "options[9].commitments[0].troops", expected: "a number ≤ 10000000" });
    expect(onlyIssue(mutate("width_km: 15", "width_km: 1e308"))).toMatchObject({ path: "options[9].commitments[2].width_km", expected: "a number ≤ 1000" });
    expect(onlyIssue(mutate("base_rate_per_year: 2.0", "base_rate_per_year: 1e308"))).toMatchObject({ path: "actors.spoilers[0].base_rate_per_year", expected: "a number ≤ 1000" });
  });
});

describe("keys that exist on every object are ordinary unknown values", () => {
  for (const type of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
    it(`a commitment of type ${type} is an unknown type, not an internal error`, () => {
      const text = mutate("{ type: nato_membership }", `{ type: ${type} }`);
      expect(onlyIssue(text)).toMatchObject({ path: "options[6].commitments[0].type", message: `unknown type "${type}"`, received: `"${type}"` });
    });
  }

  it("a parameter named __proto__ is an unknown parameter", () => {
    const text = mutate("parameters:\n", "parameters:\n  __proto__: { dist: fixed, value: 1, source: assumption }\n");
    expect(onlyIssue(text)).toMatchObject({ path: "parameters.__proto__", message: 'unknown parameter "__proto__": the model has no such parameter' });
  });
});

describe("repeated and reserved ids are refused", () => {
  it("a contributor listed twice is refused at the repetition (it would weigh the troops twice)", () => {
    const text = mutate("contributors: [UK, FR], troops: 25000", "contributors: [UK, FR, FR], troops: 25000");
    expect(onlyIssue(text)).toMatchObject({ path: "options[3].commitments[0].contributors[2]", message: 'guarantor "FR" is listed twice', hint: "list each one once" });
  });

  it("a guarantor listed twice in a collective defence treaty is refused", () => {
    const text = mutate("{ type: collective_defense, guarantors: [US, UK, FR]", "{ type: collective_defense, guarantors: [US, UK, US]");
    expect(onlyIssue(text)).toMatchObject({ path: "options[5].commitments[0].guarantors[2]", message: 'guarantor "US" is listed twice' });
  });

  it("a backstop kind listed twice is refused", () => {
    const text = mutate("kinds: [air, intelligence, logistics]", "kinds: [air, intelligence, air]");
    expect(onlyIssue(text)).toMatchObject({ path: "options[4].commitments[1].kinds[2]", message: 'kind "air" is listed twice' });
  });

  it(`a perspective named "${BASELINE_PERSPECTIVE}" is refused: run and compare would disagree on what it means`, () => {
    expect(BASELINE_PERSPECTIVE).toBe(BASELINE);
    const text = mutate("  restraint:\n", "  baseline:\n");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "baseline:"), path: "perspectives.baseline", message: expect.stringMatching(/^perspective id "baseline" is reserved/) });
  });
});

describe("the JSON Schema carries the ranges, so editors show them", () => {
  const schema = JSON.stringify(scenarioJsonSchema());
  it("has the month, trajectory, troop and prior bounds", () => {
    const parsed = scenarioJsonSchema() as { properties: Record<string, Record<string, unknown>> };
    expect(parsed.properties.trajectories).toMatchObject({ minimum: 2, maximum: 100_000_000 });
    expect(parsed.properties.horizon_years).toMatchObject({ minimum: 1 / 12, maximum: 100 });
    expect(schema).toContain(`"maximum":${MAX_MONTH}`);
    expect(schema).toContain('"maximum":10000000');
    expect(schema).toContain('"minimum":-1000000');
    expect(schema).toContain('"uniqueItems":true');
    expect(schema).toContain("sd between 0.01 and 100 times the mean");
  });
});

describe("at the edges of every range, a scenario runs to finite numbers", () => {
  const edges: [string, string][] = [
    ["gamma at the smallest relative sd", "window_rate_per_year: { dist: gamma, mean: 1000000, sd: 10000"],
    ["gamma at the largest relative sd", "window_rate_per_year: { dist: gamma, mean: 0.01, sd: 1"],
    ["beta with the smallest mean and sd", `challenger_success_vs_guarantors: { dist: beta, mean: 0.000001, sd: ${0.01 * Math.sqrt(1e-6 * (1 - 1e-6))}`],
    ["beta with the largest mean", "challenger_success_vs_guarantors: { dist: beta, mean: 0.999999, sd: 0.0009"],
    ["a stake log-mean at the magnitude bound", "challenger_stake_log_mean: { dist: normal, mean: 1000000, sd: 1000000"],
    ["a negative stake log-mean at the bound", "challenger_stake_log_mean: { dist: normal, mean: -1000000, sd: 1"],
    ["a lognormal at the smallest mean and sd", "challenger_cost_vs_guarantors: { dist: lognormal, mean: 0.000001, sd: 0.000001"],
    ["a gamma at the smallest mean and sd", "integration_pull_per_year: { dist: gamma, mean: 0.000001, sd: 0.000001"],
  ];
  for (const [what, prior] of edges) {
    it(what, async () => {
      const head = prior.slice(0, prior.indexOf("{"));
      const base = mutate(head, head).split("\n").find((l) => l.includes(head))!;
      const text = mutate(base, base.replace(/\{ dist: [a-z]+, mean: [^,]+, sd: [^,]+/, prior.slice(head.length)));
      const scenario = loadScenarioText(text);
      for (const mode of ["event", "monthly"] as const) assertFinite(await tinyRun(scenario, mode));
    });
  }

  it("election months and weights at their ceilings", async () => {
    let text = mutate("election_interval_months: 48, first_election_month: 24", `election_interval_months: ${MAX_MONTH}, first_election_month: ${MAX_MONTH}`);
    text = mutate("p_nuclear_use: 20", "p_nuclear_use: 1000000", text);
    text = mutate("horizon_years: 20", "horizon_years: 100", text);
    text = mutate("base_rate_per_year: 2.0", "base_rate_per_year: 1000", text);
    const scenario = loadScenarioText(text);
    assertFinite(await tinyRun({ ...scenario, horizon_years: 100 }, "event"));
  });
});

describe("docs/MODEL.md states the ranges the loader checks", () => {
  it("names the ranges of priors, months, trajectories and weights", async () => {
    const { readFileSync } = await import("node:fs");
    const model = readFileSync(new URL("../../docs/MODEL.md", import.meta.url), "utf8");
    for (const text of ["magnitude ≤ 10⁶", "0.01·mean ≤ sd ≤ 100·mean", "10⁻⁶ ≤ mean ≤ 1 − 10⁻⁶", "integer, 1 to 1,200", "integer, 2 to 10⁸", "1/12 to 100", "≤ 64 levels", "`baseline` is reserved"])
      expect(model).toContain(text);
  });
});
