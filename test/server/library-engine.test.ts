import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
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

  it("says what each perspective changes: every override with the baseline prior beside it and its source", () => {
    const doc = parse(bundled) as { parameters: Record<string, object>; perspectives: object };
    doc.parameters.window_rate_per_year = { dist: "fixed", value: 2, source: "assumption" };
    doc.parameters.resolve_discount = { dist: "beta", mean: 0.3, sd: 0.1, source: "survey" };
    doc.perspectives = {
      hawk: {
        source: "Essay H",
        description: "Resolve is cheap talk.",
        overrides: { resolve_discount: { dist: "beta", mean: 0.6, sd: 0.1 }, window_rate_per_year: { dist: "fixed", value: 3, source: "claim W" } },
      },
    };
    const text = stringify(doc);
    const outcome = libraryEngine.validate(text);
    if (!outcome.valid) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.scenario.perspectives).toEqual([
      {
        id: "hawk", label: "hawk", source: "Essay H", description: "Resolve is cheap talk.",
        // in the model's parameter order (window_rate_per_year is θ's first), an override's own source first
        overrides: [
          { parameter: "window_rate_per_year", baseline: "fixed 2", prior: "fixed 3", source: "claim W" },
          { parameter: "resolve_discount", baseline: "beta(mean 0.3, sd 0.1)", prior: "beta(mean 0.6, sd 0.1)", source: "Essay H" },
        ],
      },
    ]);
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
