/**
 * Cruxes between armed-neutrality and the treaty options (docs/MODEL.md §12, "Cruxes"): each ordering
 * must flip on some parameter the schools dispute, inside the pooled prior range, with the
 * perspectives' prior shares on each side, so that the choice is a matter of disputed parameters
 * rather than of the model's structure.
 *
 * The disputed parameters are those some school overrides. A crux is looked for with the other
 * parameters at each school's own priors in turn (the finder's `perspective`) as well as at the
 * baseline's: a deterrence theorist and an influence realist disagree on a parameter while each
 * holds the rest of their own view. Runs when the model has v2's parameters (`coalition_correlation`).
 */
import { describe, expect, it } from "vitest";
import { findCruxes, type Crux } from "../../src/analysis/cruxes.js";
import { simulatorProbe } from "../../src/analysis/probe.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

const MODEL_V2 = PARAMETERS.some((p) => (p.name as string) === "coalition_correlation");
const scenario = loadScenarioFile(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname);
const SCHOOLS = ["deterrence", "restraint", "influence-realism"];
const BACKGROUNDS = ["baseline", ...SCHOOLS];
/** every parameter some school overrides */
const DISPUTED = [...new Set(SCHOOLS.flatMap((id) => Object.keys(scenario.perspectives[id].overrides)))];
/** a side of a flip counts when some perspective puts at least this much of its prior mass there */
const MIN_SHARE = 0.05;

/** Prior mass of perspective p on the side of the crux where `option` is lower. */
const side = (crux: Crux, option: string, p: string) => crux.regions.filter((r) => r.lower === option).reduce((mass, r) => mass + r.shares[p], 0);

describe.skipIf(!MODEL_V2)("cruxes between armed-neutrality and the treaty options", () => {
  for (const versus of ["article5-treaty", "nato-membership"])
    it(`armed-neutrality vs ${versus} flips on a disputed parameter, with perspective shares on both sides`, async () => {
      const found: { background: string; crux: Crux }[] = [];
      for (const background of BACKGROUNDS) {
        const probe = simulatorProbe(scenario, { seed: 7, trajectories: 800, batches: 4 });
        const report = await findCruxes(probe, { options: ["armed-neutrality", versus], parameters: DISPUTED, gridPoints: 5, perspective: background });
        for (const crux of report.cruxes) {
          expect(Object.keys(crux.regions[0].shares).sort()).toEqual([...probe.perspectives].sort());
          if (crux.clear) found.push({ background, crux });
        }
      }
      const twoSided = found.filter(({ crux }) =>
        [crux.options[0], crux.options[1]].every((option) => Math.max(...BACKGROUNDS.map((p) => side(crux, option, p))) >= MIN_SHARE),
      );
      expect(twoSided.map(({ background, crux }) => `${crux.parameter} (other priors: ${background})`), `no clear flip among ${DISPUTED.join(", ")}`).not.toEqual([]);
    }, 1_800_000);
});
