import { describe, expect, it } from "vitest";
import { evaluate, loadScenarioFile, type EvaluationResult } from "../../../src/index.js";
import { optionFeatures } from "../../../src/models/commitments.js";
import { brinkmanshipParameters } from "../../../src/models/games/brinkmanship.js";
import { strategicInputs } from "../../../src/models/games/inputs.js";
import { CRISIS_PROTEGE_YIELDS, CRISIS_SLOTS, CRISIS_WAR, crisisOutcome } from "../../../src/models/crisis.js";
import { PARAMETERS } from "../../../src/contract/parameters.js";
import { priorMean } from "../../../src/scenario/prior.js";
import { OptionContext } from "../../../src/sim/context.js";
import { BUNDLED_PATH } from "../../scenario/helpers.js";

const closedForm = loadScenarioFile(BUNDLED_PATH);
const games = { ...closedForm, strategic_layer: "games" as const };
const actors = { challenger: closedForm.actors.challenger, protege: closedForm.actors.protege, guarantors: closedForm.actors.guarantors };
const theta = Float64Array.from(PARAMETERS.map((p) => priorMean(closedForm.parameters[p.name])));
const facts = { challengerNuclear: true, guarantorNuclear: closedForm.actors.guarantors.map((g) => g.nuclear), spoilerBaseRate: 3, games: actors };
const rows = (r: EvaluationResult, option: string) => JSON.stringify(r.results.filter((x) => x.option === option));

describe("strategic_layer: games", () => {
  it("takes a guaranteed option's crisis outcome from the crisis game, which is the closed-form crisis law", () => {
    const option = closedForm.options.find((o) => o.id === "article5-treaty")!;
    const f = optionFeatures(option, closedForm.actors.guarantors);
    const ctx = new OptionContext(closedForm.actors.guarantors.length);
    ctx.fill(f, theta, 0, facts);
    const b = brinkmanshipParameters(strategicInputs(f, theta, actors, 0));
    const law = new Float64Array(CRISIS_SLOTS);
    crisisOutcome(law, b.stakeLogMean, b.stakeLogSd, b.expectedGain, b.expectedCost, b.escalationRisk, b.perceivedHold, b.actualHold, b.concession);
    expect(Math.abs(ctx.crisisWarProbability(0.5, 0.5) - law[CRISIS_WAR])).toBeLessThan(1e-9);
    expect(Math.abs(ctx.protegeSideYields(0, 1) - law[CRISIS_PROTEGE_YIELDS] / (1 - law[CRISIS_WAR]))).toBeLessThan(1e-9);
  });

  it("the spoiler and tripwire games are explanatory only: moral hazard and strikes keep their closed forms", () => {
    const option = closedForm.options.find((o) => o.id === "reassurance-force")!;
    const f = optionFeatures(option, closedForm.actors.guarantors);
    const ctx = new OptionContext(closedForm.actors.guarantors.length);
    ctx.fill(f, theta, 0, facts);
    expect(ctx.spoilerMultiplier(0.5, 0.4)).toBe(1.2);
    expect(ctx.targetingRate).toBe(theta[PARAMETERS.findIndex((p) => p.name === "targeting_rate_per_year")] * f.targetingExposure);
  });

  it("changes nothing for options without a committed guarantor, and something for those with one", async () => {
    const opts = { trajectories: 1500, seed: 6, perspectives: ["baseline"], options: ["ceasefire-only", "armed-neutrality", "article5-treaty"] };
    const a = await evaluate(closedForm, opts);
    const b = await evaluate(games, opts);
    for (const id of ["ceasefire-only", "armed-neutrality"]) expect(rows(b, id)).toBe(rows(a, id));
    expect(rows(b, "article5-treaty")).not.toBe(rows(a, "article5-treaty"));
  });

  it("the monthly and the event-driven simulators agree in law under the games layer", async () => {
    const opts = { trajectories: 3000, seed: 12, perspectives: ["baseline"], options: ["reassurance-force"] };
    const monthly = await evaluate(games, { ...opts, mode: "monthly" });
    const event = await evaluate(games, { ...opts, mode: "event" });
    // independent random paths: each difference is ~N(0, se₁² + se₂²); 4.5 SE bounds the family of 4
    // comparisons at α ≈ 3e-5
    for (const name of ["p_war_resumes_5y", "expected_crises", "p_guarantor_backs_down", "p_direct_guarantor_war"] as const) {
      const m = monthly.results[0].outcomes[name];
      const e = event.results[0].outcomes[name];
      expect(Math.abs(m.mean - e.mean), name).toBeLessThan(4.5 * Math.hypot(m.se, e.se));
    }
  });
});
