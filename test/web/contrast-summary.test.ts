import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contrastRatio, parseColor, relativeLuminance, textOn } from "../../web/src/charts/contrast.js";
import { sequential } from "../../web/src/charts/palette.js";
import { lossFormula, reweightedLoss, summarise, weightableOutcomes } from "../../web/src/summary.js";
import { fakeResult } from "../server/fake-engine.js";

describe("WCAG contrast", () => {
  // reference values: WCAG 2.x definitions of relative luminance and contrast ratio, and the
  // ratios WebAIM's contrast checker reports for these pairs
  it("gives the known luminances of the primaries and ratios of known pairs", () => {
    expect(relativeLuminance("#fff")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 12);
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 12);
    expect(relativeLuminance("rgb(0, 0, 255)")).toBeCloseTo(0.0722, 12);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 12);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#0000ff", "#ffffff")).toBeCloseTo(8.59, 2);
    // symmetric
    expect(contrastRatio("#ffffff", "#767676")).toBe(contrastRatio("#767676", "#ffffff"));
  });

  it("rejects what is not a colour", () => {
    expect(() => parseColor("blue")).toThrow(/not a colour/);
  });

  it("the text colour it picks reaches 4.5:1 on any background", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (r, g, b) => {
        const background = `rgb(${r},${g},${b})`;
        expect(contrastRatio(textOn(background), background)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 3000 },
    );
  });

  it("the heat map's ramp reads at every step (the mid-blue that had white at 3.5:1 included)", () => {
    for (let t = 0; t <= 1; t += 0.01) {
      const { fill, text } = sequential(t);
      expect(contrastRatio(text, fill), `t = ${t}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("the results summary", () => {
  const result = fakeResult(7, 400, ["a", "b"], ["p", "q"]);

  it("names, per perspective, the option with the lowest loss and its lead over the next", () => {
    const verdicts = summarise(result);
    expect(verdicts.map((v) => v.perspective)).toEqual(["p", "q"]);
    for (const v of verdicts) {
      const cells = result.results.filter((r) => r.perspective === v.perspective);
      const best = cells.reduce((x, y) => (y.outcomes.loss.mean < x.outcomes.loss.mean ? y : x));
      const next = cells.find((c) => c !== best)!;
      expect(v.order[0].option).toBe(best.option);
      expect(v.lead).toBeCloseTo(next.outcomes.loss.mean - best.outcomes.loss.mean, 12);
      expect(v.bound).toBeCloseTo(best.outcomes.loss.se + next.outcomes.loss.se, 12);
      expect(v.clear).toBe(v.lead! > v.bound!);
    }
  });

  it("calls a lead clear only when it exceeds SE₁ + SE₂", () => {
    const close = structuredClone(result);
    const [a, b] = close.results.filter((r) => r.perspective === "p");
    a.outcomes.loss = { mean: 1.0, se: 0.05 };
    b.outcomes.loss = { mean: 1.09, se: 0.05 };
    expect(summarise(close)[0]).toMatchObject({ clear: false });
    b.outcomes.loss = { mean: 1.11, se: 0.05 };
    expect(summarise(close)[0]).toMatchObject({ clear: true });
  });

  it("re-weights the mean loss exactly from the outcome means; the SE is then unknown", () => {
    const weights = { p_nuclear_use: 20, expected_war_months: 1 / 12 };
    const cell = result.results[0];
    expect(reweightedLoss(cell.outcomes, weights)).toBeCloseTo(20 * cell.outcomes.p_nuclear_use.mean + cell.outcomes.expected_war_months.mean / 12, 12);
    const verdicts = summarise(result, weights);
    for (const v of verdicts) {
      expect(v.clear).toBeNull();
      expect(v.order.every((o) => o.se === null)).toBe(true);
      for (let i = 1; i < v.order.length; i++) expect(v.order[i].loss).toBeGreaterThanOrEqual(v.order[i - 1].loss);
    }
    // a weight large enough on one outcome decides the ranking by that outcome alone
    const nuclearOnly = summarise(result, { p_nuclear_use: 1 });
    const p = result.results.filter((r) => r.perspective === "p");
    expect(nuclearOnly[0].order[0].option).toBe(p.reduce((x, y) => (y.outcomes.p_nuclear_use.mean < x.outcomes.p_nuclear_use.mean ? y : x)).option);
  });

  it("offers only outcomes over all trajectories as weights, and writes the formula", () => {
    const names = weightableOutcomes(result);
    expect(names).toContain("p_nuclear_use");
    expect(names).not.toContain("loss");
    expect(names).not.toContain("p_war_resumes_5y");
    expect(lossFormula({ expected_war_months: 0.0833333333, p_nuclear_use: 20 })).toBe("loss = 0.08333·expected_war_months + 20·p_nuclear_use");
  });
});
