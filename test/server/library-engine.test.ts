import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { libraryEngine } from "../../src/server/library-engine.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";

const bundled = readFileSync(bundledScenarioPath(), "utf8");

describe("the library engine behind the API", () => {
  it("accepts the bundled scenario and lists its options and perspectives", () => {
    const outcome = libraryEngine.validate(bundled);
    if (!outcome.valid) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.scenario.options.length).toBeGreaterThan(1);
    expect(outcome.scenario.perspectives.map((p) => p.id)).toContain("restraint");
  });

  it("locates a problem at the line where it was introduced", () => {
    const lines = bundled.split("\n");
    const at = lines.findIndex((l) => /^horizon_years:/.test(l));
    lines[at] = "horizon_yeers: 20";
    const outcome = libraryEngine.validate(lines.join("\n"));
    expect(outcome.valid).toBe(false);
    if (outcome.valid) return;
    expect(outcome.problems.some((p) => p.line === at + 1 && /horizon_yeers/.test(p.message))).toBe(true);
  });

  it("evaluates with progress, and the same seed gives identical numbers", async () => {
    const seen: number[] = [];
    const request = { seed: 9, trajectories: 64, options: undefined, perspectives: ["restraint"] };
    const first = await libraryEngine.evaluate(bundled, request, (p) => seen.push(p.done / p.total));
    const second = await libraryEngine.evaluate(bundled, request, () => {});
    expect(seen.at(-1)).toBe(1);
    expect(JSON.parse(JSON.stringify(second))).toEqual(JSON.parse(JSON.stringify(first)));
  });
});
