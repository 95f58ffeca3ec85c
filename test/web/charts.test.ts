import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "../../web/src/charts/csv.js";
import { alignmentChart, heatmapChart, statesChart, survivalChart } from "../../web/src/charts/results-charts.js";
import { ticks } from "../../web/src/charts/scales.js";
import { escapeXml, renderSvg } from "../../web/src/charts/svg.js";
import { formatEstimate } from "../../web/src/outcomes.js";
import { fakeResult } from "../server/fake-engine.js";

const result = fakeResult(5, 200);

describe("chart specs are built from the data", () => {
  it("survival: a line and a 95 % band per option, data rows per option × month", () => {
    const { spec, data } = survivalChart(result, "p");
    expect(spec.marks.filter((m) => m.type === "line")).toHaveLength(2);
    expect(spec.marks.filter((m) => m.type === "area")).toHaveLength(2);
    expect(data.rows).toHaveLength(2 * 25);
    const last = result.results[0].survival.survival.at(-1)!;
    expect(spec.summary).toContain(`${(last * 100).toFixed(1)} %`);
  });

  it("states: stacked areas end where the shares add up (1)", () => {
    const { spec, data } = statesChart(result, "a", "q");
    const areas = spec.marks.filter((m) => m.type === "area");
    expect(areas).toHaveLength(6);
    const top = areas.at(-1)!;
    if (top.type !== "area") throw new Error("area expected");
    for (const p of top.points) expect(p.y1).toBeCloseTo(1, 12);
    expect(data.columns[0]).toBe("month");
    expect(data.rows).toHaveLength(24);
  });

  it("alignment: a line per option through its bins, shares of each option summing to 1", () => {
    const { spec, data } = alignmentChart(result, "p");
    expect(spec.marks.map((m) => m.type)).toEqual(["line", "line"]);
    expect(data.rows).toHaveLength(2 * 5);
    const shareA = data.rows.filter((r) => r[0] === "a").reduce((s, r) => s + Number(r[4]), 0);
    expect(shareA).toBeCloseTo(1, 12);
  });

  it("heat map: one cell per option × perspective, each labelled with mean ± SE", () => {
    const { spec, data } = heatmapChart(result, "p_nuclear_use");
    expect(spec.marks).toHaveLength(4);
    const a = result.results.find((r) => r.option === "a" && r.perspective === "p")!;
    expect(spec.marks.map((m) => (m.type === "rect" ? m.text : ""))).toContain(formatEstimate("p_nuclear_use", a.outcomes.p_nuclear_use));
    expect(data.rows[0]).toEqual(["a", "p", "p_nuclear_use", a.outcomes.p_nuclear_use.mean, a.outcomes.p_nuclear_use.se]);
  });
});

describe("SVG rendering", () => {
  it("draws every mark, with title and description for screen readers", () => {
    const { spec } = survivalChart(result, "p");
    const svg = renderSvg(spec);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.match(/class="mark-line"/g)).toHaveLength(2);
    expect(svg).toMatch(/role="img" aria-labelledby="survival-title survival-desc"/);
    expect(svg).toContain("<desc id=\"survival-desc\">Share of accepted settlements");
    expect(svg).not.toMatch(/NaN|undefined|style=/);
  });

  it("escapes text so labels cannot inject markup", () => {
    const hostile = { ...result, options: [{ id: "a", label: "<script>x</script>" }, { id: "b", label: "B & C" }] };
    const svg = renderSvg(survivalChart(hostile, "p").spec);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("B &amp; C");
    expect(escapeXml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });
});

describe("axes and exports", () => {
  it("ticks are round, ascending and inside the domain", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lo, span) => {
        const t = ticks([lo, lo + span], 5);
        expect(t.length).toBeGreaterThanOrEqual(1);
        expect(t.length).toBeLessThanOrEqual(12);
        for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
        // within the domain, up to the rounding of numbers of this magnitude
        const slack = Math.max(Math.abs(lo), span) * 1e-9;
        for (const v of t) expect(v).toBeGreaterThanOrEqual(lo - slack);
        for (const v of t) expect(v).toBeLessThanOrEqual(lo + span + slack);
      }),
      { numRuns: 5000 },
    );
    expect(ticks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("CSV quotes fields with commas, quotes and line breaks", () => {
    expect(tableToCsv({ columns: ["a", "b"], rows: [["x,y", 'say "hi"'], ["line\nbreak", 1.5]] })).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",1.5\r\n',
    );
  });
});
