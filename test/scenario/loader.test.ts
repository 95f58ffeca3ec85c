import { describe, expect, it } from "vitest";
import { InputError, loadScenarioFile, loadScenarioText, ScenarioError } from "../../src/index.js";
import { formatIssue } from "../../src/scenario/issues.js";
import { BUNDLED, BUNDLED_PATH, issuesOf, locate, mutate, onlyIssue } from "./helpers.js";

describe("the bundled scenario", () => {
  it("loads, with every model parameter sourced", () => {
    const s = loadScenarioFile(BUNDLED_PATH);
    expect(s.options.map((o) => o.id)).toEqual([
      "ceasefire-only",
      "budapest-pledge",
      "arms-only",
      "reassurance-force",
      "reassurance-force-us-backstop",
      "article5-treaty",
      "nato-membership",
      "neutrality-istanbul",
      "armed-neutrality",
      "un-peacekeeping",
    ]);
    expect(Object.keys(s.perspectives)).toEqual(["influence-realism", "restraint", "deterrence", "evidence"]);
    for (const [name, prior] of Object.entries(s.parameters)) expect(prior.source, name).toBeTruthy();
    expect(s.actors.guarantors.map((g) => g.id)).toEqual(expect.arrayContaining(["US", "UK", "FR", "DE", "PL", "TR"]));
  });
});

describe("malformed scenarios are reported with file, line, column, path, expected and found", () => {
  it("a YAML syntax error points at the broken line", () => {
    const text = mutate("horizon_years: 20", "horizon_years: [20");
    const issue = issuesOf(text)[0];
    expect(issue.message).toMatch(/^YAML syntax: /);
    expect(issue.line).toBeGreaterThanOrEqual(locate(text, "horizon_years: [20").line);
    expect(issue.path).toBe("");
  });

  it("a duplicated key is a syntax error at the second occurrence", () => {
    const text = mutate("horizon_years: 20\n", "horizon_years: 20\nhorizon_years: 30\n");
    const issue = onlyIssue(text);
    expect(issue.message).toBe("YAML syntax: Map keys must be unique");
    expect(issue.line).toBe(locate(text, "horizon_years: 30").line);
    expect(issue.column).toBe(1);
  });

  it("an unknown top-level key gets a did-you-mean hint", () => {
    const text = mutate("horizon_years: 20", "horizon_yaers: 20");
    const issues = issuesOf(text);
    const unknown = issues.find((i) => i.message === 'unknown key "horizon_yaers"')!;
    expect(unknown).toMatchObject({ ...locate(text, "horizon_yaers"), path: "horizon_yaers", hint: 'did you mean "horizon_years"?' });
    expect(unknown.expected).toContain("horizon_years");
    // and the real key is now missing
    expect(issues.find((i) => i.path === "horizon_years")?.message).toBe('missing required key "horizon_years"');
  });

  it("a missing required key names the key and points at the mapping that lacks it", () => {
    const text = mutate("name: Ukraine settlement 2025\n", "");
    const issue = onlyIssue(text);
    expect(issue).toMatchObject({ path: "name", message: 'missing required key "name"', expected: "string", ...locate(text, "description:") });
  });

  it("a string where a number belongs says what was expected and found", () => {
    const text = mutate("horizon_years: 20", "horizon_years: twenty");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "twenty", "horizon_years"),
      path: "horizon_years",
      message: "wrong type",
      expected: "a number",
      received: 'the string "twenty"',
    });
  });

  it("a negative horizon is out of range", () => {
    const text = mutate("horizon_years: 20", "horizon_years: -5");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "-5"), path: "horizon_years", message: "out of range", expected: "a number ≥ 0.0833333", received: "the number -5" });
  });

  it("an absurd horizon is out of range", () => {
    const text = mutate("horizon_years: 20", "horizon_years: 500");
    expect(onlyIssue(text)).toMatchObject({ path: "horizon_years", expected: "a number ≤ 100", received: "the number 500" });
  });

  it("an unknown commitment type suggests the closest one", () => {
    const text = mutate("{ type: collective_defense,", "{ type: colective_defense,");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "colective_defense"),
      path: "options[5].commitments[0].type",
      message: 'unknown type "colective_defense"',
      hint: 'did you mean "collective_defense"?',
    });
  });

  it("a commitment naming an undeclared guarantor is caught, with a hint", () => {
    const text = mutate("guarantors: [US, UK, FR], ratified: true", "guarantors: [USA, UK, FR], ratified: true");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "USA"),
      path: "options[5].commitments[0].guarantors[0]",
      message: 'unknown guarantor "USA"',
      received: '"USA"',
      hint: 'did you mean "US"?',
    });
  });

  it("an unknown key inside a commitment points at the key", () => {
    const text = mutate("contributors: [UK, FR], troops: 25000, deployment: rear, un_mandate: false }\n      - { type: arms_supply", "contributors: [UK, FR], troop: 25000, deployment: rear, un_mandate: false }\n      - { type: arms_supply");
    const issues = issuesOf(text);
    const unknown = issues.find((i) => i.message === 'unknown key "troop"')!;
    expect(unknown).toMatchObject({ ...locate(text, "troop:"), path: "options[3].commitments[0].troop", hint: 'did you mean "troops"?' });
    expect(issues.find((i) => i.message === 'missing required key "troops"')?.path).toBe("options[3].commitments[0].troops");
  });

  it("a negative troop count is out of range", () => {
    const text = mutate("troops: 25000, deployment: rear", "troops: -25000, deployment: rear");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "-25000"), path: "options[3].commitments[0].troops", message: "out of range", expected: "a number ≥ 1" });
  });

  it("an enum value that is not allowed lists the allowed ones", () => {
    const text = mutate("troops: 25000, deployment: rear", "troops: 25000, deployment: center");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "center"), message: "value not allowed", expected: "one of rear, front", received: 'the string "center"' });
  });

  it("a beta prior with an impossible sd says why", () => {
    const text = mutate("resolve_discount: { dist: beta, mean: 0.3, sd: 0.15,", "resolve_discount: { dist: beta, mean: 0.3, sd: 0.6,");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "0.6", "resolve_discount: {"),
      path: "parameters.resolve_discount.sd",
      message: "a beta prior with mean 0.3 needs sd < √(mean·(1−mean)) = 0.4583, got 0.6",
    });
  });

  it("a beta prior with a mean outside (0, 1) is rejected at the mean", () => {
    const text = mutate("resolve_discount: { dist: beta, mean: 0.3,", "resolve_discount: { dist: beta, mean: 1.3,");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "1.3"), path: "parameters.resolve_discount.mean", message: "out of range", expected: "a number ≤ 0.999999" });
  });

  it("a negative rate is rejected", () => {
    const text = mutate("window_rate_per_year: { dist: gamma, mean: 0.3, sd: 0.12, source: assumption,", "window_rate_per_year: { dist: fixed, value: -1, source: assumption,");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "{ dist: fixed, value: -1"),
      path: "parameters.window_rate_per_year",
      message: "window_rate_per_year is a rate or size that cannot be negative, but its prior fixed -1 reaches outside that",
      hint: "use a lognormal or gamma prior",
    });
  });

  it("a normal prior on a rate is rejected because it can go negative", () => {
    const text = mutate("targeting_rate_per_year: { dist: gamma, mean: 0.4, sd: 0.25,", "targeting_rate_per_year: { dist: normal, mean: 0.4, sd: 0.25,");
    expect(onlyIssue(text)).toMatchObject({
      path: "parameters.targeting_rate_per_year",
      message: "targeting_rate_per_year is a rate or size that cannot be negative, but its prior normal(mean 0.4, sd 0.25) reaches outside that",
      hint: "use a lognormal or gamma prior, or set min: 0",
    });
  });

  it("a normal prior on a probability is rejected unless truncated to [0, 1]", () => {
    const bad = mutate("incident_crisis_probability: { dist: beta, mean: 0.15, sd: 0.07,", "incident_crisis_probability: { dist: normal, mean: 0.15, sd: 0.07,");
    expect(onlyIssue(bad)).toMatchObject({ path: "parameters.incident_crisis_probability", hint: "use a beta prior, or set min: 0 and max: 1" });
    const good = mutate("incident_crisis_probability: { dist: beta, mean: 0.15, sd: 0.07,", "incident_crisis_probability: { dist: normal, mean: 0.15, sd: 0.07, min: 0, max: 1,");
    expect(() => loadScenarioText(good)).not.toThrow();
  });

  it("a misspelt parameter is unknown (with a hint) and the real one is missing", () => {
    const text = mutate("  moral_hazard: { dist: gamma", "  moral_hazzard: { dist: gamma");
    const issues = issuesOf(text);
    expect(issues).toHaveLength(2);
    expect(issues.find((i) => i.path === "parameters.moral_hazzard")).toMatchObject({
      ...locate(text, "moral_hazzard"),
      message: 'unknown parameter "moral_hazzard": the model has no such parameter',
      hint: 'did you mean "moral_hazard"?',
    });
    expect(issues.find((i) => i.path === "parameters")).toMatchObject({ message: "missing prior for moral_hazard", ...locate(text, "window_rate_per_year") });
  });

  it("a parameter without a source is rejected", () => {
    const text = mutate("arms_cost_effect: { dist: gamma, mean: 0.3, sd: 0.15, source: assumption }", "arms_cost_effect: { dist: gamma, mean: 0.3, sd: 0.15 }");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "{ dist: gamma, mean: 0.3, sd: 0.15 }"), path: "parameters.arms_cost_effect", message: "parameter arms_cost_effect has no source" });
  });

  it("a perspective overriding an unknown parameter is rejected at the key", () => {
    const text = mutate("      moral_hazard: { dist: normal, mean: 1.5", "      moral_hazard_factor: { dist: normal, mean: 1.5");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "moral_hazard_factor"),
      path: "perspectives.restraint.overrides.moral_hazard_factor",
      hint: 'did you mean "moral_hazard"?',
    });
  });

  it("an unknown distribution lists the known ones", () => {
    const text = mutate("spoiler_rate_scale: { dist: lognormal,", "spoiler_rate_scale: { dist: lognormale,");
    expect(onlyIssue(text)).toMatchObject({
      ...locate(text, "lognormale"),
      path: "parameters.spoiler_rate_scale.dist",
      expected: "one of normal, lognormal, beta, gamma, uniform, fixed",
      hint: 'did you mean "lognormal"?',
    });
  });

  it("a uniform prior needs min < max", () => {
    const text = mutate("threat_credibility: { dist: beta, mean: 0.8, sd: 0.1,", "threat_credibility: { dist: uniform, min: 0.9, max: 0.2,");
    expect(onlyIssue(text)).toMatchObject({ path: "parameters.threat_credibility.max", message: "max (0.2) must be greater than min (0.9)" });
  });

  it("a negative spoiler base rate is out of range", () => {
    const text = mutate("base_rate_per_year: 2.0", "base_rate_per_year: -2.0");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "-2.0"), path: "actors.spoilers[0].base_rate_per_year", expected: "a number ≥ 0" });
  });

  it("two options with the same id are caught", () => {
    const text = mutate("  - id: arms-only\n", "  - id: ceasefire-only\n");
    expect(onlyIssue(text)).toMatchObject({ path: "options[2].id", message: 'option id "ceasefire-only" is used twice' });
  });

  it("two actors with the same id are caught", () => {
    const text = mutate("{ id: PL, name: Poland", "{ id: DE, name: Poland");
    const issue = issuesOf(text).find((i) => i.path === "actors.guarantors[4].id");
    expect(issue).toMatchObject({ ...locate(text, "DE", "name: Germany"), message: 'actor id "DE" is already used by actors.guarantors[3].id' });
  });

  it("a loss weight on a conditional outcome is refused with the reason", () => {
    const text = mutate("    p_sphere_at_horizon: 3\n", "    p_sphere_at_horizon: 3\n    p_war_resumes_5y: 1\n");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "1", "p_war_resumes_5y"), message: "p_war_resumes_5y cannot be weighted in the loss: it is conditional on acceptance" });
  });

  it("an unknown mechanism gets a hint", () => {
    const text = mutate("  moral_hazard: true", "  moral_hazards: true");
    expect(onlyIssue(text)).toMatchObject({ ...locate(text, "moral_hazards"), path: "mechanisms.moral_hazards", hint: 'did you mean "moral_hazard"?' });
  });

  it("a mechanism switch must be a boolean (YAML 1.2: yes is a string)", () => {
    const text = mutate("  targeting: true", "  targeting: yes");
    expect(onlyIssue(text)).toMatchObject({ path: "mechanisms.targeting", expected: "a boolean", received: 'the string "yes"' });
  });

  it("a scenario without options is refused", () => {
    const start = BUNDLED.indexOf("options:\n");
    const end = BUNDLED.indexOf("perspectives:\n");
    const text = BUNDLED.slice(0, start) + "options: []\n" + BUNDLED.slice(end);
    expect(onlyIssue(text)).toMatchObject({ path: "options", expected: "a list with ≥ 1 item(s)", received: "a list of 0" });
  });

  it("a document that is a list is not a scenario", () => {
    expect(onlyIssue("- a\n- b\n")).toMatchObject({ line: 1, column: 1, message: "a scenario must be a mapping of keys (name, horizon_years, actors, …)", received: "a list of 2" });
  });

  it("all problems of a file are reported at once, in file order", () => {
    let text = mutate("horizon_years: 20", "horizon_years: -1");
    text = mutate("{ type: collective_defense,", "{ type: colective_defense,", text);
    text = mutate("resolve_discount: { dist: beta, mean: 0.3,", "resolve_discount: { dist: beta, mean: 1.3,", text);
    const issues = issuesOf(text);
    expect(issues.map((i) => i.path)).toEqual(["horizon_years", "parameters.resolve_discount.mean", "options[5].commitments[0].type"]);
    expect([...issues].sort((a, b) => a.line - b.line).map((i) => i.line)).toEqual(issues.map((i) => i.line));
  });

  it("the message of an error names file:line:column, path, expected, found and hint", () => {
    const text = mutate("guarantors: [US, UK, FR], ratified: true", "guarantors: [USA, UK, FR], ratified: true");
    const { line, column } = locate(text, "USA");
    try {
      loadScenarioText(text, "mine.yaml");
      throw new Error("not rejected");
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as Error).message).toBe(
        `mine.yaml: 1 problem\nmine.yaml:${line}:${column}: options[5].commitments[0].guarantors[0]: unknown guarantor "USA" ` +
          `(expected one of the guarantors declared under actors.guarantors (US, UK, FR, DE, PL, TR, CN), found "USA")\n    hint: did you mean "US"?`,
      );
    }
  });

  it("an alias bomb is refused, not expanded", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill("*" + String.fromCharCode(96 + i)).join(", ")}]`);
    expect(() => loadScenarioText(lines.join("\n"))).toThrow(InputError);
  });

  it("an oversized text is refused before parsing", () => {
    expect(() => loadScenarioText("x".repeat(2_000_001))).toThrow(/limited to 2000000/);
  });

  it("a missing file is an input error, not a crash", () => {
    expect(() => loadScenarioFile("/nonexistent/scenario.yaml")).toThrow(/cannot read the scenario file/);
  });

  it("formatIssue renders an issue on one line plus its hint", () => {
    expect(formatIssue({ file: "f.yaml", line: 3, column: 5, path: "a.b", message: "bad", expected: "x", received: "y", hint: "h" })).toBe("f.yaml:3:5: a.b: bad (expected x, found y)\n    hint: h");
  });
});
