/**
 * Reproduction tests of the perspectives (docs/MODEL.md §12): each school's headline conclusions,
 * written in the scenario as `perspectives.<id>.conclusions`, must follow from its own priors on the
 * bundled scenario. 4,000 trajectories, fixed seed; every comparison is judged at 2 standard errors
 * (paired where the outcome is one value per trajectory) by src/analysis/conclusions.ts, the same
 * judge as `guarantor conclusions`.
 *
 * A conclusion the model cannot reproduce carries `not_reproduced` in the scenario and is an
 * `it.fails` here; docs/MODEL.md §12.5 ("Status") names the structural assumption that prevents it.
 * When the model changes so that it holds, the test fails and the scenario must drop the reason.
 * Model version 1 (no `coalition_correlation`) skips the file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkConclusions, conclusionsByPerspective } from "../../src/analysis/conclusions.js";
import type { ConclusionsReport } from "../../src/contract/conclusions.js";
import { PARAMETERS } from "../../src/contract/parameters.js";
import type { EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { loadScenarioFile } from "../../src/index.js";
import { BUNDLED_PATH } from "./helpers.js";

const MODEL_V2 = PARAMETERS.some((p) => (p.name as string) === "coalition_correlation");
const N = 4000;
const SEED = 15;
const scenario = loadScenarioFile(BUNDLED_PATH);
const SCHOOLS = Object.entries(conclusionsByPerspective(scenario));

let result: EvaluationResult;
let report: ConclusionsReport;

const est = (p: string, option: string, outcome: OutcomeName) => result.results.find((r) => r.perspective === p && r.option === option)!.outcomes[outcome];

describe.skipIf(!MODEL_V2)("perspectives reproduce their schools (docs/MODEL.md §12)", () => {
  beforeAll(async () => {
    const perspectives = ["baseline", ...SCHOOLS.map(([id]) => id)];
    ({ result, report } = await checkConclusions(scenario, { trajectories: N, seed: SEED, perspectives, workers: 2 }));
  }, 1_800_000);

  it("the three schools and the evidence perspective state their conclusions", () =>
    expect(SCHOOLS.map(([id]) => id).sort()).toEqual(["deterrence", "evidence", "influence-realism", "restraint"]));

  for (const [id, conclusions] of SCHOOLS)
    describe(id, () => {
      for (const c of conclusions) {
        const verdict = () => report.conclusions.find((v) => v.perspective === id && v.id === c.id)!;
        const failing = (v: ReturnType<typeof verdict>) => v.comparisons.filter((x) => !x.holds).map((x) => `${x.outcome}: ${x.option} ${x.relation} ${x.than ?? x.value} (difference ${x.difference.toFixed(4)} ± ${x.se.toFixed(4)})`).join("; ");
        if (c.not_reproduced) it.fails(`${c.id} ${c.says} — does not hold: ${c.not_reproduced.split(":")[0]}`, () => expect(verdict().holds).toBe(true));
        else it(`${c.id} ${c.says}`, () => expect(verdict().holds, failing(verdict())).toBe(true));
      }
    });

  describe("evidence, beside its stated conclusions", () => {
    it("E3 differs from the baseline by more than 2 SE in the loss of at least three options", () => {
      const differing = result.options.filter((o) => {
        const x = est("evidence", o.id, "loss");
        const y = est("baseline", o.id, "loss");
        return Math.abs(x.mean - y.mean) > 2 * Math.hypot(x.se, y.se);
      });
      expect(differing.length).toBeGreaterThanOrEqual(3);
    });
  });
});
