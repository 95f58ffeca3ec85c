/**
 * I4 (docs/MODEL.md §12, influence realism): the West's unwillingness to *offer* a guarantee
 * (treaty_offer_probability, p_O) and its unwillingness to *honour* one (guarantor_stake_log_mean,
 * μ_W) are separate cruxes. With the school's other priors: the crux finder finds that the offer
 * flips article5-treaty against ceasefire-only, with influence realism and deterrence on opposite
 * sides; a what-if with common random numbers finds that honour moves the treaty's outcomes (Ukraine
 * in Russia's sphere, direct war with a guarantor) where the offer does not move the sphere at all.
 * 2,000 trajectories in 8 batches per setting, fixed seed; "moves" = beyond 2 batch standard errors.
 */
import { describe, expect, it } from "vitest";
import { findCruxes } from "../../src/analysis/cruxes.js";
import { batchEstimate, simulatorProbe, targetBatches, type OptionOutcomes } from "../../src/analysis/probe.js";
import { pooledGrid } from "../../src/analysis/prior-grid.js";
import type { OutcomeName } from "../../src/contract/result.js";
import { loadScenarioFile } from "../../src/index.js";
import { BUNDLED_PATH } from "./helpers.js";

const scenario = loadScenarioFile(BUNDLED_PATH);
const SCHOOL = "influence-realism";
const probe = simulatorProbe(scenario, { seed: 7, trajectories: 2000, batches: 8 });
const fixed = (value: number) => ({ dist: "fixed" as const, value });

/** Batch-paired change of an outcome of article5-treaty between two settings. */
function change(from: Map<string, OptionOutcomes>, to: Map<string, OptionOutcomes>, outcome: OutcomeName) {
  const a = targetBatches(from, { outcome, option: "article5-treaty" });
  const b = targetBatches(to, { outcome, option: "article5-treaty" });
  return batchEstimate(Float64Array.from(b, (v, i) => v - a[i]));
}

describe("I4 offer and honour are separate cruxes for influence realism", () => {
  it("the offer flips article5-treaty against ceasefire-only, with influence realism and deterrence on opposite sides", async () => {
    const report = await findCruxes(probe, { options: ["article5-treaty", "ceasefire-only"], parameters: ["treaty_offer_probability"], gridPoints: 5, perspective: SCHOOL });
    const crux = report.cruxes.find((c) => c.clear);
    expect(crux, "a clear flip on treaty_offer_probability").toBeDefined();
    const side = (option: string, p: string) => crux!.regions.filter((r) => r.lower === option).reduce((m, r) => m + r.shares[p], 0);
    expect(side("article5-treaty", SCHOOL)).toBeGreaterThan(0.5);
    expect(side("ceasefire-only", "deterrence")).toBeGreaterThan(0.5);
  }, 600_000);

  it("honour moves the treaty's sphere and direct-war outcomes; the offer leaves the sphere where it is", async () => {
    const stake = pooledGrid(probe.perspectives.map((p) => probe.priorsOf(p).guarantor_stake_log_mean), 5);
    const [low, high] = [stake[0], stake[stake.length - 1]];
    const at = (offer: number, honour: number) =>
      probe.run({ perspective: SCHOOL, overrides: { treaty_offer_probability: fixed(offer), guarantor_stake_log_mean: fixed(honour) } }, ["article5-treaty", "ceasefire-only"]);
    const schoolOffer = 0.2;
    const schoolHonour = -1.0;
    const honourSphere = change(await at(schoolOffer, low), await at(schoolOffer, high), "p_sphere_at_horizon");
    const honourDirect = change(await at(schoolOffer, low), await at(schoolOffer, high), "p_direct_guarantor_war");
    expect(honourSphere.mean, "more honour, less sphere").toBeLessThan(-2 * honourSphere.se);
    expect(honourDirect.mean, "more honour, more direct war").toBeGreaterThan(2 * honourDirect.se);
    const offerSphere = change(await at(0.05, schoolHonour), await at(0.95, schoolHonour), "p_sphere_at_horizon");
    expect(Math.abs(offerSphere.mean)).toBeLessThan(2 * offerSphere.se + 0.02);
  }, 600_000);
});
