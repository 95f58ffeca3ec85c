/**
 * Cruxes between armed-neutrality and the treaty options (docs/MODEL.md §12): each ordering must flip
 * on some parameter inside the pooled prior range, with the perspectives' prior shares on each side,
 * so that the choice is a matter of disputed parameters rather than of the model's structure. The
 * parameters are those the schools disagree on (docs/MODEL.md §12). Runs when the model has v2's
 * parameters (`coalition_correlation`); model version 1 found no flip.
 *
 * Status: no flip is found yet on these parameters (docs/MODEL.md §12, "Cruxes"), so the tests are
 * `it.fails`; when a flip appears they fail and must become `it`.
 */
import { describe, expect, it } from "vitest";
import { findCruxes } from "../../src/analysis/cruxes.js";
import { simulatorProbe } from "../../src/analysis/probe.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

const MODEL_V2 = PARAMETERS.some((p) => (p.name as string) === "coalition_correlation");
const scenario = loadScenarioFile(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname);

const CASES: { versus: string; parameters: string[] }[] = [
  { versus: "article5-treaty", parameters: ["acceptance_threat_weight", "audience_cost_treaty", "neutrality_alignment_floor", "neutrality_threat_relief", "resolve_discount", "threat_stake_effect"] },
  { versus: "nato-membership", parameters: ["acceptance_threat_weight", "audience_cost_treaty", "neutrality_alignment_floor", "threat_stake_effect"] },
];

describe.skipIf(!MODEL_V2)("cruxes between armed-neutrality and the treaty options", () => {
  for (const { versus, parameters } of CASES)
    it.fails(`armed-neutrality vs ${versus} flips on at least one parameter, with perspective shares on both sides — does not hold: docs/MODEL.md §12, Cruxes`, async () => {
      const probe = simulatorProbe(scenario, { seed: 7, trajectories: 800, batches: 4 });
      const report = await findCruxes(probe, { options: ["armed-neutrality", versus], parameters, gridPoints: 5 });
      const flips = report.cruxes.filter((c) => c.thresholds.length > 0 && new Set(c.regions.map((r) => r.lower)).size === 2);
      expect(flips.length, `no flip among ${parameters.join(", ")}`).toBeGreaterThan(0);
      for (const crux of flips) {
        const side = (option: string) => crux.regions.filter((r) => r.lower === option).reduce((mass, r) => mass + Object.values(r.shares).reduce((a, b) => a + b, 0), 0);
        expect(Object.keys(crux.regions[0].shares).sort()).toEqual([...probe.perspectives].sort());
        expect(side("armed-neutrality"), crux.parameter).toBeGreaterThan(0);
        expect(side(versus), crux.parameter).toBeGreaterThan(0);
      }
    }, 1_800_000);
});
