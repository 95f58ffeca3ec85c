import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { PairedDifferences } from "../../src/analysis/audit.js";
import { CONCLUSION_Z, describeSkipped, judgeConclusions, type Conclusion } from "../../src/contract/conclusions.js";
import { pairedSource } from "../../src/analysis/conclusions.js";
import { register as registerConclusions } from "../../src/cli/commands/conclusions.js";
import type { EvaluationResult, OutcomeName } from "../../src/contract/result.js";
import { InputError } from "../../src/errors.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { Stream } from "../../src/math/random.js";
import { ROW_WIDTH, V } from "../../src/sim/aggregate.js";
import { runCli } from "../helpers/cli.js";

const FILE = new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname;
const TEXT = readFileSync(FILE, "utf8");

afterEach(() => vi.restoreAllMocks());

/** Perspective "s" stating `conclusions`. */
const scenarioWith = (conclusions: Conclusion[]) => ({ s: conclusions });

/** A result whose cells are the given estimates of one outcome under perspective "s". */
function resultWith(outcome: OutcomeName, cells: Record<string, { mean: number; se: number }>): EvaluationResult {
  const options = Object.keys(cells);
  return {
    seed: 1, trajectories: 100,
    options: options.map((id) => ({ id, label: id })),
    perspectives: [{ id: "s", label: "s", source: "" }],
    results: options.map((option) => ({ option, perspective: "s", outcomes: { [outcome]: cells[option] } })),
  } as unknown as EvaluationResult;
}

const check = (relation: Conclusion["checks"][number]["relation"], rest: Partial<Conclusion["checks"][number]> = {}): Conclusion => ({
  id: "C", says: "a claim", checks: [{ relation, options: ["A"], outcome: "loss", ...rest }],
});

describe("judging a conclusion's comparisons at 2 standard errors", () => {
  // A − B = −0.5 with independent SEs 0.1 and 0.2: SE of the difference √0.05 ≈ 0.2236, so 2 SE ≈ 0.447 < 0.5
  const cells = { A: { mean: 1, se: 0.1 }, B: { mean: 1.5, se: 0.2 }, C: { mean: 0.95, se: 0.1 } };
  const result = resultWith("loss", cells);
  const judge = (c: Conclusion) => judgeConclusions(scenarioWith([c]), result).conclusions[0];

  it("lower, higher and not_lower compare the difference with ±2·√(SE_A² + SE_B²) without paired statistics", () => {
    const lower = judge(check("lower", { than: ["B"] }));
    expect(lower.comparisons[0]).toMatchObject({ option: "A", than: "B", difference: -0.5, paired: false, holds: true });
    expect(lower.comparisons[0].se).toBeCloseTo(Math.sqrt(0.1 ** 2 + 0.2 ** 2), 15);
    expect(judge(check("higher", { than: ["B"] })).holds).toBe(false);
    expect(judge(check("not_lower", { than: ["B"] })).holds).toBe(false);
    // A − C = +0.05, well inside 2 SE: neither lower nor higher, and not lower
    expect(judge(check("lower", { than: ["C"] })).holds).toBe(false);
    expect(judge(check("higher", { than: ["C"] })).holds).toBe(false);
    expect(judge(check("not_lower", { than: ["C"] })).holds).toBe(true);
  });

  it("the threshold is 2 standard errors: a difference just beyond it holds, just within it does not", () => {
    const se = Math.hypot(0.1, 0.1);
    for (const [factor, expected] of [[1.01, true], [0.99, false]] as const) {
      const r = resultWith("loss", { A: { mean: 0, se: 0.1 }, B: { mean: factor * CONCLUSION_Z * se, se: 0.1 } });
      expect(judgeConclusions(scenarioWith([check("lower", { than: ["B"] })]), r).conclusions[0].holds).toBe(expected);
    }
  });

  it("near allows 2 SE plus its tolerance; above and below compare the estimate with a value at 2 of its SE", () => {
    expect(judge(check("near", { than: ["B"], within: 0.1 })).holds).toBe(true); // 0.5 < 0.447 + 0.1
    expect(judge(check("near", { than: ["B"], within: 0.02 })).holds).toBe(false); // 0.5 > 0.447 + 0.02
    expect(judge(check("above", { value: 0.75 })).comparisons[0]).toMatchObject({ difference: 0.25, se: 0.1, than: null, value: 0.75, holds: true });
    expect(judge(check("above", { value: 0.85 })).holds).toBe(false); // 0.15 < 0.2
    expect(judge(check("below", { value: 1.25 })).holds).toBe(true);
    expect(judge(check("below", { value: 1.15 })).holds).toBe(false);
  });

  it('"others" compares with every other option, and a conclusion holds only if every comparison does', () => {
    const v = judge(check("lower", { than: "others" }));
    expect(v.comparisons.map((c) => c.than)).toEqual(["B", "C"]);
    expect(v.comparisons.map((c) => c.holds)).toEqual([true, false]);
    expect(v.holds).toBe(false);
  });

  it("a conclusion on options or outcomes the run lacks (an older stored run) is named, not judged, and nothing throws", () => {
    const report = judgeConclusions(scenarioWith([
      { ...check("lower", { than: ["B"], outcome: "p_sphere_at_horizon_given_accept" }), id: "older" },
      { ...check("lower", { than: ["Z"] }), id: "absent" },
      { ...check("lower", { than: ["B"] }), id: "judged" },
    ]), result);
    expect(report.conclusions.map((v) => v.id)).toEqual(["judged"]);
    expect(report.skipped).toEqual([
      { perspective: "s", id: "older", missing: [], missing_outcomes: ["p_sphere_at_horizon_given_accept"] },
      { perspective: "s", id: "absent", missing: ["Z"], missing_outcomes: [] },
    ]);
    expect(report.skipped.map(describeSkipped)).toEqual([
      "older: needs outcomes the run does not have (p_sphere_at_horizon_given_accept)",
      "absent: compares options the run left out (Z)",
    ]);
  });

  it("the status says whether the conclusion came out as the scenario states", () => {
    const documented = (c: Conclusion): Conclusion => ({ ...c, not_reproduced: "a structural reason" });
    const report = judgeConclusions(scenarioWith([
      { ...check("lower", { than: ["B"] }), id: "held" },
      { ...check("higher", { than: ["B"] }), id: "failed" },
      documented({ ...check("higher", { than: ["B"] }), id: "documented" }),
      documented({ ...check("lower", { than: ["B"] }), id: "surprise" }),
    ]), result);
    expect(report.conclusions.map((v) => [v.id, v.status])).toEqual([
      ["held", "reproduced"],
      ["failed", "not reproduced"],
      ["documented", "not reproduced (documented)"],
      ["surprise", "holds (documented as not reproduced)"],
    ]);
    expect([report.as_stated, report.not_as_stated]).toEqual([2, 2]);
  });

  it("with paired statistics the SE is that of the per-trajectory differences (common random numbers)", () => {
    // B = A + 0.01 + a little noise of its own, A with a large noise both share: the paired SE is small, the independent one large
    const n = 4000;
    const rng = new Stream(3, 0, 1);
    const a = new Float64Array(n * ROW_WIDTH);
    const b = new Float64Array(n * ROW_WIDTH);
    const differences: number[] = [];
    for (let i = 0; i < n; i++) {
      const shared = 10 * rng.next();
      a[i * ROW_WIDTH + V.loss] = shared;
      b[i * ROW_WIDTH + V.loss] = shared + 0.01 + 0.01 * rng.next();
      differences.push(a[i * ROW_WIDTH + V.loss] - b[i * ROW_WIDTH + V.loss]);
    }
    const paired = new PairedDifferences(["A", "B"], ["s"], ["loss"]);
    paired.add({ perspective: "s", first: 0, count: n, options: ["A", "B"], rows: [a, b] });
    const mean = differences.reduce((s, d) => s + d, 0) / n;
    const sd = Math.sqrt(differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1));
    // the estimates alone: means equal to the per-trajectory ones, SE of a uniform on [0, 10] over √n
    const se = 10 / Math.sqrt(12 * n);
    const r = resultWith("loss", { A: { mean: 5, se }, B: { mean: 5 - mean, se } });
    const conclusion = check("lower", { than: ["B"] });
    const withPairs = judgeConclusions(scenarioWith([conclusion]), r, pairedSource(paired)).conclusions[0].comparisons[0];
    expect(withPairs.paired).toBe(true);
    expect(withPairs.difference).toBeCloseTo(mean, 12);
    expect(withPairs.se).toBeCloseTo(sd / Math.sqrt(n), 12);
    expect(withPairs.holds).toBe(true);
    expect(judgeConclusions(scenarioWith([conclusion]), r).conclusions[0].holds).toBe(false);
  });
});

/** The bundled scenario with the deterrence perspective's first conclusion replaced by `c`. */
function withConclusion(c: Record<string, unknown>): string {
  const doc = parse(TEXT) as { perspectives: Record<string, { conclusions: unknown[] }> };
  doc.perspectives.deterrence.conclusions[0] = { id: "X", says: "a claim", checks: [c] };
  return stringify(doc);
}

describe("conclusions in a scenario file", () => {
  it("refuse unknown options, missing or unused fields and unknown relations, each with a precise message", () => {
    const problems: [Record<string, unknown>, RegExp][] = [
      [{ relation: "lower", options: ["nato"], than: ["ceasefire-only"] }, /conclusions\[0\]\.checks\[0\]\.options\[0\]: unknown option "nato".*did you mean "nato-membership"\?/s],
      [{ relation: "lower", options: ["nato-membership"] }, /relation "lower" needs `than`/],
      [{ relation: "above", options: ["nato-membership"], than: ["ceasefire-only"], value: 0.5 }, /relation "above" does not use `than`/],
      [{ relation: "above", options: ["nato-membership"] }, /relation "above" needs `value`/],
      [{ relation: "lower", options: ["nato-membership"], than: ["ceasefire-only"], within: 0.1 }, /only relation "near" uses `within`/],
      [{ relation: "near", options: ["nato-membership"], than: "others", within: 0.1 }, /relation "near" compares with listed options, not "others"/],
      [{ relation: "better", options: ["nato-membership"], than: ["ceasefire-only"] }, /relation/],
      [{ relation: "lower", options: ["nato-membership"], than: ["ceasefire-only"], outcome: "happiness" }, /outcome/],
    ];
    for (const [c, message] of problems) {
      expect(() => loadScenarioText(withConclusion(c)), JSON.stringify(c)).toThrow(InputError);
      expect(() => loadScenarioText(withConclusion(c))).toThrow(message);
    }
    expect(() => loadScenarioText(withConclusion({ relation: "near", options: ["nato-membership"], than: ["ceasefire-only"], outcome: "p_accept", within: 0.1 }))).not.toThrow();
  });

  it("change no number: the results are the same with and without them", async () => {
    const { evaluate } = await import("../../src/sim/evaluate.js");
    const doc = parse(TEXT) as { perspectives: Record<string, Record<string, unknown>> };
    for (const p of Object.values(doc.perspectives)) delete p.conclusions;
    const opts = { trajectories: 300, seed: 4, perspectives: ["deterrence"], options: ["article5-treaty", "armed-neutrality"], workers: 1 };
    const withThem = await evaluate(loadScenarioText(TEXT), opts);
    const without = await evaluate(loadScenarioText(stringify(doc)), opts);
    expect(withThem.results).toEqual(without.results);
  });
});

describe("guarantor conclusions", () => {
  const run = (args: string[]) => runCli([registerConclusions], args);

  it("prints each conclusion with its comparisons and status, and the same numbers as JSON", async () => {
    const args = ["conclusions", FILE, "--perspectives", "deterrence", "--trajectories", "200", "--seed", "5", "--workers", "1"];
    const text = await run(args);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/judged at 2 standard errors \(200 trajectories per option and perspective, seed 5\)/);
    const json = JSON.parse((await run([...args, "--json"])).out);
    const stated = loadScenarioText(TEXT).perspectives.deterrence.conclusions!.map((c) => c.id);
    expect(json.conclusions.map((v: { id: string }) => v.id)).toEqual(stated);
    for (const v of json.conclusions) {
      expect(text.out).toContain(`${v.id}  ${v.status.toUpperCase()}`);
      for (const c of v.comparisons) expect(text.out).toContain(`${c.difference >= 0 ? "+" : ""}${c.difference.toFixed(3)} ± ${c.se.toFixed(3)}`);
    }
    expect(text.out).toMatch(/why not: docs\/MODEL\.md §12\.5/);
    // a conclusion that does not hold points to the crux finder on its first failed pair
    for (const v of json.conclusions) {
      const failed = v.comparisons.find((c: { holds: boolean; than: string | null }) => !c.holds && c.than !== null);
      const hint = failed && `what would change it: guarantor cruxes ${FILE} --options ${failed.option},${failed.than} --perspective deterrence${failed.outcome === "loss" ? "" : ` --outcome ${failed.outcome}`}`;
      if (hint) expect(text.out, v.id).toContain(hint);
    }
    expect(json.conclusions.some((v: { holds: boolean }) => !v.holds)).toBe(true);
    expect(json.as_stated + json.not_as_stated).toBe(stated.length);
  });

  it("refuses a perspective without conclusions and a scenario that states none, precisely", async () => {
    const none = await run(["conclusions", FILE, "--perspectives", "baseline", "--trajectories", "20"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--perspectives: baseline states no conclusions; perspectives with conclusions: influence-realism, restraint, deterrence, evidence/);
    expect(none.err).not.toMatch(/\n\s+at /);
    // a scenario whose perspectives state no conclusions
    const doc = parse(TEXT) as { perspectives: Record<string, Record<string, unknown>> };
    for (const p of Object.values(doc.perspectives)) delete p.conclusions;
    const file = join(mkdtempSync(join(tmpdir(), "guarantor-conclusions-")), "plain.yaml");
    writeFileSync(file, stringify(doc));
    const plain = await run(["conclusions", file, "--trajectories", "20"]);
    expect(plain.code).toBe(2);
    expect(plain.err).toContain(`${file} states no conclusions: add \`conclusions\` to a perspective (docs/MODEL.md §12)`);
    // it prints a judgement, not the results: the flags that write results are not offered
    for (const flag of ["--csv", "--trajectories-out"]) {
      const refused = await run(["conclusions", FILE, flag, "x.csv"]);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`unknown option '${flag}'`);
    }
  });
});
