import { describe, expect, it } from "vitest";
import { ScenarioError, loadScenarioText } from "../../src/index.js";
import { MAX_NESTING } from "../../src/scenario/limits.js";
import { deeperThan } from "../../src/scenario/nesting.js";
import { BUNDLED } from "./helpers.js";

describe("deep nesting is refused before the YAML parser recurses into it", () => {
  it("the bundled scenario is far from the limit (a quarter of it)", () => {
    expect(deeperThan(BUNDLED, MAX_NESTING / 4)).toBeUndefined();
  });

  it("a megabyte of [ is refused at the first level past the limit, with its position", () => {
    try {
      loadScenarioText("name: " + "[".repeat(1_000_000));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).issues).toEqual([
        expect.objectContaining({ line: 1, column: 7 + MAX_NESTING - 1, message: `nesting deeper than ${MAX_NESTING} levels` }),
      ]);
    }
  });

  it("block mappings and compact sequences count their levels", () => {
    const block = Array.from({ length: 100 }, (_, i) => " ".repeat(i) + "a:").join("\n");
    expect(deeperThan(block, MAX_NESTING)).toMatchObject({ line: MAX_NESTING + 1, depth: MAX_NESTING + 1 });
    expect(deeperThan("- ".repeat(100) + "x", MAX_NESTING)).toMatchObject({ line: 1, depth: MAX_NESTING + 1 });
  });

  it("brackets inside quotes, comments and block scalars do not count", () => {
    const deep = "[".repeat(100);
    const text = `a: "${deep}"\nb: '${deep}'\nc: 1 # ${deep}\nd: >\n  ${deep}\n  more ${deep}\ne: 2\n`;
    expect(deeperThan(text, MAX_NESTING)).toBeUndefined();
  });
});
