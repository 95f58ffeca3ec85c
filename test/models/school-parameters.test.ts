/**
 * The two parameters through which schools state structural claims (docs/MODEL.md §3.2, §5.3): η_C, the
 * integration a communiqué-form promise brings, and κ_N, the rise of the challenger's cost of war for
 * each nuclear-armed state that fights. Pure functions and the option context, against independent
 * computations (brute-force enumeration of coalitions, the §3 table summed by hand).
 */
import { describe, expect, it } from "vitest";
import { integrationOf, optionFeatures, type OptionFeatures } from "../../src/models/commitments.js";
import { expectedCost, mixedExpectedCost, nuclearCostFactors } from "../../src/models/intervention.js";
import { crisisLawInputs } from "../../src/models/stage-game.js";
import { PARAMETERS, P } from "../../src/contract/parameters.js";
import { priorMean } from "../../src/scenario/prior.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { actorFacts, OptionContext } from "../../src/sim/context.js";
import { settlementFacts } from "../../src/sim/plan.js";
import { Coalition } from "../../src/sim/chain/coalition.js";
import type { Commitment } from "../../src/scenario/schema.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const guarantors = scenario.actors.guarantors;
const J = guarantors.length;
const facts = actorFacts(scenario.actors);
const meanTheta = () => Float64Array.from(PARAMETERS.map((p) => priorMean(scenario.parameters[p.name])));
const featuresOf = (commitments: Commitment[]): OptionFeatures => optionFeatures({ id: "x", label: "x", commitments }, guarantors, settlementFacts(scenario));
const bundled = (id: string) => featuresOf(scenario.options.find((o) => o.id === id)!.commitments);
const CONSENT = 0.2;

describe("η_C: the integration of a communiqué-form promise (docs/MODEL.md §3.2)", () => {
  it("η_C = 1 gives the §3 table: a communiqué pledge with a NATO path integrates 0.1 + 0.1", () => {
    expect(integrationOf(bundled("budapest-pledge"), CONSENT, 1)).toBe(0.1 + 0.1);
    // the unratified treaty (a communiqué pledge with a path, and the arms at 0.3 per level)
    expect(integrationOf(bundled("article5-treaty").unratified!, CONSENT, 1)).toBe(0.2 + 0.3);
  });

  it("scales the pledge's integration linearly to 0 and clips at 1", () => {
    const f = bundled("budapest-pledge");
    for (const eta of [0, 0.05, 0.5, 2, 4]) expect(integrationOf(f, CONSENT, eta)).toBeCloseTo(Math.min(1, 0.2 * eta), 15);
    expect(integrationOf(f, CONSENT, 0)).toBe(0);
  });

  it("leaves every promise that is not in communiqué form alone", () => {
    for (const id of ["ceasefire-only", "arms-only", "reassurance-force", "reassurance-force-us-backstop", "article5-treaty", "nato-membership", "neutrality-istanbul", "armed-neutrality", "un-peacekeeping"]) {
      const f = bundled(id);
      expect(integrationOf(f, CONSENT, 0), id).toBe(integrationOf(f, CONSENT, 3));
    }
    const executive = featuresOf([{ type: "consultative_pledge", guarantors: ["US"], form: "executive", nato_path: false }]);
    expect(integrationOf(executive, CONSENT, 0)).toBe(0.1);
  });

  it("a communiqué-form guarantee of a neutrality integrates β·0.1·η_C; a treaty-form one does not depend on η_C", () => {
    const neutral = (form: "communique" | "treaty"): Commitment[] => [{ type: "neutrality", permanent: true, foreign_bases: false, guarantors: ["US", "UK"], guarantee_form: form, consent_required: false }];
    const communique = featuresOf(neutral("communique"));
    for (const eta of [0, 0.5, 1, 2]) expect(integrationOf(communique, CONSENT, eta)).toBeCloseTo(0.1 * eta, 15);
    const treaty = featuresOf(neutral("treaty"));
    expect(integrationOf(treaty, CONSENT, 0)).toBe(integrationOf(treaty, CONSENT, 2));
  });

  it("lower η_C gives a smaller integration in the option context, the rate at which alignment moves West", () => {
    const theta = meanTheta();
    const at = (eta: number) => {
      theta[P.pledge_integration_factor] = eta;
      const ctx = new OptionContext(J);
      ctx.fill(bundled("budapest-pledge"), theta, 0, facts);
      return ctx.integration;
    };
    expect(at(0)).toBe(0);
    expect(at(0.5)).toBeLessThan(at(1));
    expect(at(1)).toBe(0.2);
  });
});

/** E[k(C)] by enumerating coalitions: independent decisions (all 2ⁿ subsets) or nested (the i most resolved). */
function bruteCost(q: Float64Array, m: Float64Array, nuclear: Float64Array, kP: number, kG: number, nested: boolean): number {
  const n = q.length;
  const cost = (members: number[]) => kP * Math.pow(kG / kP, members.reduce((s, j) => s + m[j], 0)) * members.reduce((s, j) => s * nuclear[j], 1);
  if (nested) {
    const order = [...q.keys()].sort((a, b) => q[b] - q[a]);
    let total = (1 - q[order[0]]) * cost([]);
    for (let i = 0; i < n; i++) total += (q[order[i]] - (i + 1 < n ? q[order[i + 1]] : 0)) * cost(order.slice(0, i + 1));
    return total;
  }
  let total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    const members = [...q.keys()].filter((j) => mask & (1 << j));
    const p = [...q.keys()].reduce((s, j) => s * (mask & (1 << j) ? q[j] : 1 - q[j]), 1);
    total += p * cost(members);
  }
  return total;
}

describe("κ_N: a nuclear-armed member raises the challenger's cost of war by (1 + κ_N) (docs/MODEL.md §5.3)", () => {
  const q = Float64Array.of(0.6, 0.3, 0.8, 0.1, 0.45);
  const m = Float64Array.of(0.55, 0.1, 0.1, 0.2, 0.05);
  const flags = [true, false, true, false, true];
  const [kP, kG] = [1.2, 4];

  it("the expected cost equals enumeration over coalitions, independent, nested and mixed", () => {
    const order = new Int32Array(5);
    for (const kappa of [0, 0.5, 2]) {
      const n = nuclearCostFactors(flags, kappa);
      const independent = bruteCost(q, m, n, kP, kG, false);
      const nested = bruteCost(q, m, n, kP, kG, true);
      expect(expectedCost(q, m, 5, kP, kG, n)).toBeCloseTo(independent, 13);
      expect(mixedExpectedCost(q, m, 5, order, 1, kP, kG, n)).toBeCloseTo(nested, 13);
      expect(mixedExpectedCost(q, m, 5, order, 0.7, kP, kG, n)).toBeCloseTo(0.7 * nested + 0.3 * independent, 13);
    }
  });

  it("κ_N = 0 is the cost without the term, exactly", () => {
    const order = new Int32Array(5);
    const n = nuclearCostFactors(flags, 0);
    expect(expectedCost(q, m, 5, kP, kG, n)).toBe(expectedCost(q, m, 5, kP, kG));
    expect(mixedExpectedCost(q, m, 5, order, 0.7, kP, kG, n)).toBe(mixedExpectedCost(q, m, 5, order, 0.7, kP, kG));
  });

  it("raises the expected cost through the resolve of nuclear-armed states only: none by label", () => {
    const order = new Int32Array(5);
    const cost = (kappa: number, qs = q) => mixedExpectedCost(qs, m, 5, order, 0.7, kP, kG, nuclearCostFactors(flags, kappa));
    expect(cost(1)).toBeGreaterThan(cost(0.5));
    expect(cost(0.5)).toBeGreaterThan(cost(0));
    // the nuclear-armed states never fight: κ_N changes nothing
    const conventional = Float64Array.of(0, 0.3, 0, 0.1, 0);
    expect(cost(2, conventional)).toBe(cost(0, conventional));
    // more resolve of a nuclear-armed state gains more from κ_N than the same resolve of a conventional one of equal weight
    const nuclearUp = Float64Array.from(q);
    nuclearUp[4] += 0.2;
    const conventionalUp = Float64Array.from(q);
    conventionalUp[1] += 0.2;
    const equalWeight = Float64Array.of(0.55, 0.1, 0.1, 0.2, 0.1);
    const c = (qs: Float64Array, kappa: number) => mixedExpectedCost(qs, equalWeight, 5, order, 0.7, kP, kG, nuclearCostFactors(flags, kappa));
    expect(c(nuclearUp, 1) - c(nuclearUp, 0)).toBeGreaterThan(c(conventionalUp, 1) - c(conventionalUp, 0));
  });

  it("the option context multiplies the nuclear-armed states' cost factors, and its coalition's k̄ equals the pure law", () => {
    const theta = meanTheta();
    for (const id of ["ceasefire-only", "reassurance-force-us-backstop", "article5-treaty"]) {
      const f = bundled(id);
      const fill = (kappa: number) => {
        theta[P.nuclear_patron_cost_effect] = kappa;
        const ctx = new OptionContext(J);
        ctx.fill(f, theta, 0, facts);
        return ctx;
      };
      const [plain, strong] = [fill(0), fill(1.5)];
      for (let j = 0; j < J; j++) expect(strong.kFactor[j], `${id} ${guarantors[j].id}`).toBeCloseTo(plain.kFactor[j] * (guarantors[j].nuclear ? 2.5 : 1), 14);
      const co = new Coalition(J);
      co.resolveAll(strong, theta[P.guarantor_stake_log_mean], new Float64Array(J), theta[P.guarantor_stake_log_sd], theta[P.coalition_correlation]);
      co.updateBeliefs(strong, theta[P.resolve_discount], theta[P.belief_prior_strength], 0, 0);
      const order = new Int32Array(J);
      void co.expectedCost;
      const n = nuclearCostFactors(facts.guarantorNuclear, 1.5);
      expect(co.expectedCost, id).toBeCloseTo(mixedExpectedCost(co.qHat, facts.militaryWeight, J, order, theta[P.coalition_correlation], strong.kP, strong.kG, n), 12);
      // the games layer's inputs (crisisLawInputs) read the same term
      expect(crisisLawInputs(f, theta, 0, facts).expectedCost, id).toBeCloseTo(co.expectedCost, 12);
    }
  });
});
