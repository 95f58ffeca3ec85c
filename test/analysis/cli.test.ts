import { loadScenarioFile } from "../../src/index.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { register as registerSensitivity } from "../../src/cli/commands/sensitivity.js";
import { register as registerCruxes } from "../../src/cli/commands/cruxes.js";
import { register as registerExplain } from "../../src/cli/commands/explain.js";

const FILE = new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname;

const run = (args: string[]) => runCli([registerSensitivity, registerCruxes, registerExplain], args);

afterEach(() => vi.restoreAllMocks());

describe("guarantor sensitivity, cruxes and explain", () => {
  it("sensitivity draws a tornado of μ* and gives the same numbers as JSON", async () => {
    const args = ["sensitivity", FILE, "--options", "article5-treaty,neutrality-istanbul", "--trajectories", "60", "--morris-trajectories", "3", "--parameters", "moral_hazard,resolve_discount", "--bootstrap", "50"];
    const text = await run(args);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Sensitivity of loss\(article5-treaty\) − loss\(neutrality-istanbul\) under "baseline"/);
    expect(text.out).toMatch(/moral_hazard/);
    const json = JSON.parse((await run([...args, "--json"])).out);
    expect(json.method).toBe("morris");
    expect(json.evaluations).toBe(3 * 3);
    const first = json.rows[0];
    expect(text.out).toContain(first.muStar.estimate.toFixed(3));
  });

  it("sobol sensitivity reports first and total indices", async () => {
    const { out, code } = await run(["sensitivity", FILE, "--method", "sobol", "--samples", "4", "--trajectories", "40", "--parameters", "moral_hazard,resolve_discount", "--bootstrap", "20"]);
    expect(code).toBe(0);
    expect(out).toMatch(/total index ST/);
    expect(out).toMatch(/first-order index S/);
  });

  it("cruxes reports each pair, and explain names the parameters of the gap", async () => {
    const cruxes = await run(["cruxes", FILE, "--options", "ceasefire-only,neutrality-istanbul", "--parameters", "moral_hazard", "--grid", "3", "--trajectories", "80"]);
    expect(cruxes.code).toBe(0);
    expect(cruxes.out).toMatch(/ceasefire-only vs neutrality-istanbul on loss:/);
    const pairs = await run(["cruxes", FILE, "--options", "ceasefire-only,neutrality-istanbul", "--parameters", "moral_hazard,spoiler_rate_scale", "--grid", "3", "--trajectories", "40", "--pairs", "2"]);
    expect(pairs.code).toBe(0);
    expect(pairs.out).toMatch(/Pairs of parameters under "baseline" \(\d+ settings\): ceasefire-only vs neutrality-istanbul on loss, pairing /);
    const explain = await run(["explain", FILE, "--perspectives", "baseline,deterrence", "--options", "article5-treaty", "--trajectories", "40", "--batches", "2"]);
    expect(explain.code).toBe(0);
    const differing = Object.keys(loadScenarioFile(FILE).perspectives.deterrence.overrides).length;
    expect(explain.out).toMatch(new RegExp(`Why "deterrence" differs from "baseline": Shapley values over the ${differing} parameters`));
    expect(explain.out).toMatch(/mainly through|no parameter moves it/);
  });

  it("bad input gets a precise message and exit code 1, bad usage exit code 2, never a stack trace", async () => {
    const unknownOutcome = await run(["sensitivity", FILE, "--outcome", "happiness"]);
    expect(unknownOutcome.code).toBe(2);
    expect(unknownOutcome.err).toMatch(/unknown outcome "happiness"; outcomes are p_accept/);
    const unknownOption = await run(["cruxes", FILE, "--options", "ceasefire-only,nope", "--trajectories", "20"]);
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.err).toMatch(/unknown option "nope"/);
    const onePerspective = await run(["explain", FILE, "--perspectives", "restraint"]);
    expect(onePerspective.code).toBe(2);
    const mapAlone = await run(["cruxes", FILE, "--options", "ceasefire-only,article5-treaty", "--parameters", "moral_hazard", "--grid", "3", "--trajectories", "40", "--map"]);
    expect(mapAlone.code).toBe(1);
    expect(mapAlone.err).toMatch(/--map needs two crux parameters but found (none|only moral_hazard); name the axes with --map x,y/);
    const pairsOfThree = await run(["cruxes", FILE, "--options", "ceasefire-only,article5-treaty,nato-membership", "--pairs", "3"]);
    expect(pairsOfThree.code).toBe(2);
    expect(pairsOfThree.err).toMatch(/--pairs compares exactly two options/);
    const missing = await run(["cruxes", "/nonexistent.yaml"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read the scenario file/);
    for (const r of [unknownOutcome, unknownOption, onePerspective, mapAlone, pairsOfThree, missing]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("crux report text", () => {
  const region = (lower: string, from: number, to: number) => ({ from, to, lower, shares: { baseline: 0.5 } });
  const crux = (parameter: string, clear: boolean) => ({
    parameter,
    outcome: "loss" as const,
    options: ["a", "b"] as [string, string],
    thresholds: [{ value: 1, band: [0.9, 1.1] as [number, number] }],
    regions: [region("a", -Infinity, 1), region("b", 1, Infinity)],
    scan: [],
    swing: 1,
    clear,
  });
  const report = {
    perspective: "baseline",
    options: ["a", "b"],
    outcomes: ["loss" as const],
    parametersScanned: ["x", "y"],
    trajectoriesPerSetting: 100,
    batches: 4,
    settingsEvaluated: 10,
    cruxes: [crux("x", true), crux("y", false)],
  };

  it("prints clear cruxes in full and names the others, unless asked for all", async () => {
    const { formatCruxes } = await import("../../src/cli/commands/cruxes.js");
    const short = formatCruxes(report);
    expect(short).toMatch(/x\n\s+threshold 1\.000 {2}\(band 0\.900 – 1\.100\)/);
    expect(short).toMatch(/below 1\.000: a lower than b {3}prior mass: baseline 50%/);
    expect(short).toMatch(/within the noise on one side .*: y$/m);
    expect(short).not.toMatch(/^\s+y {2}\(not clear/m);
    expect(formatCruxes(report, true)).toMatch(/^\s+y {2}\(not clear/m);
  });
});
