import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "../../web/src/charts/csv.js";
import { alignmentChart, heatmapChart, statesChart, survivalChart } from "../../web/src/charts/results-charts.js";
import { ticks } from "../../web/src/charts/scales.js";
import { contrastRatio } from "../../web/src/charts/contrast.js";
import { exportFileName } from "../../web/src/charts/file-name.js";
import { escapeXml, renderSvg, spreadLabels, textWidth } from "../../web/src/charts/svg.js";
import { formatEstimate } from "../../web/src/outcomes.js";
import { fakeResult } from "../server/fake-engine.js";

const result = fakeResult(5, 200);
/** a fake result with any options and perspectives (named by their ids) */
const sized = (seed: number, options: string[], perspectives: string[]) => ({
  ...fakeResult(seed, 100, options, perspectives),
  options: options.map((id) => ({ id, label: id })),
  perspectives: perspectives.map((id) => ({ id, label: id, source: "test" })),
});

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
    expect(data.columns.slice(0, 4)).toEqual(["option", "perspective", "month", "years"]);
    expect(data.rows).toHaveLength(24);
    expect(data.rows[12].slice(0, 4)).toEqual(["a", "q", 12, 1]);
  });

  it("alignment: a line per option through its bins, shares of each option summing to 1", () => {
    const { spec, data } = alignmentChart(result, "p");
    expect(spec.marks.map((m) => m.type)).toEqual(["line", "line"]);
    expect(data.rows).toHaveLength(2 * 5);
    expect(data.columns.slice(0, 2)).toEqual(["option", "perspective"]);
    const shareA = data.rows.filter((r) => r[0] === "a").reduce((s, r) => s + Number(r[5]), 0);
    expect(shareA).toBeCloseTo(1, 12);
  });

  it("survival: in years, every series named at its end, the highlighted one bold with its band", () => {
    const { spec, data } = survivalChart(result, "p", "b");
    expect(spec.x.label).toMatch(/years/);
    expect(spec.x.type === "linear" && spec.x.domain).toEqual([0, 2]);
    const lines = spec.marks.filter((m) => m.type === "line");
    // drawn last, on top, and thicker than the other
    expect(lines.at(-1)).toMatchObject({ name: "b: Option B", width: 3.5 });
    expect(lines[0]).toMatchObject({ opacity: 0.35 });
    expect(spec.marks.filter((m) => m.type === "area")).toHaveLength(1);
    const labels = spec.marks.find((m) => m.type === "label");
    expect(labels?.type === "label" && labels.items.map((i) => i.text)).toEqual(["a", "b"]);
    expect(data.columns.slice(0, 4)).toEqual(["option", "perspective", "month", "years"]);
    expect(data.rows[24].slice(0, 4)).toEqual(["a", "p", 24, 2]);
  });

  it("heat map: one cell per option × perspective, each labelled with mean and SE, shaded within its perspective", () => {
    const { spec, data } = heatmapChart(result, "p_nuclear_use");
    expect(spec.marks).toHaveLength(4);
    const a = result.results.find((r) => r.option === "a" && r.perspective === "p")!;
    const [mean, se] = formatEstimate("p_nuclear_use", a.outcomes.p_nuclear_use).split(" ± ");
    expect(spec.marks.map((m) => (m.type === "rect" ? m.text : ""))).toContain(`${mean}\n± ${se}`);
    expect(data.columns).toEqual(["option", "perspective", "outcome", "mean", "se", "shade_within_perspective"]);
    expect(data.rows[0].slice(0, 5)).toEqual(["a", "p", "p_nuclear_use", a.outcomes.p_nuclear_use.mean, a.outcomes.p_nuclear_use.se]);
    // two options per perspective: one is its perspective's lowest (shade 0), the other its highest (1)
    for (const p of ["p", "q"]) expect(data.rows.filter((r) => r[1] === p).map((r) => r[5]).sort()).toEqual([0, 1]);
    expect(spec.ramp?.colors).toHaveLength(5);
    expect(renderSvg(spec)).toMatch(/class="ramp"/);
  });

  it("heat map: every cell's text has at least 4.5:1 contrast on its fill", () => {
    const wide = sized(9, ["a", "b", "c", "d", "e", "f"], ["p", "q", "r"]);
    for (const outcome of ["loss", "p_accept", "expected_war_months"]) {
      for (const m of heatmapChart(wide, outcome).spec.marks) {
        if (m.type !== "rect") throw new Error("rect expected");
        expect(contrastRatio(m.textFill!, m.fill)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("heat map: labels fit their cells, even with many perspectives", () => {
    const crowded = sized(3, ["a", "b", "c"], ["p1", "p2", "p3", "p4", "p5", "p6"]);
    const svg = renderSvg(heatmapChart(crowded, "expected_war_months").spec);
    const cells = [...svg.matchAll(/<rect class="mark-rect" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"[^>]*>.*?<\/rect><text class="cell-text" font-size="([\d.]+)"[^>]*>(.*?)<\/text>/g)];
    expect(cells).toHaveLength(18);
    for (const [, width, height, size, spans] of cells) {
      const lines = [...spans.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((l) => l[1]);
      expect(Math.max(...lines.map((l) => textWidth(l, Number(size))))).toBeLessThanOrEqual(Number(width));
      expect(lines.length * Number(size) * 1.25).toBeLessThanOrEqual(Number(height));
    }
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

describe("exports carry their context", () => {
  it("an exported SVG has the title, perspective, option, seed and source written in it", () => {
    const { spec } = survivalChart(result, "p", "b", "guarantor 9.9.9, run abcd1234");
    const svg = renderSvg(spec, { standalone: true });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(texts).toContain("Peace holding, by option (perspective: p)");
    expect(texts).toMatch(/perspective: p · option: b · seed 5 · /);
    expect(texts).toContain("source: guarantor 9.9.9, run abcd1234");
    // the page's copy has neither (its heading and caption say it), and the export is taller by both
    const pageTexts = [...renderSvg(spec).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(pageTexts).not.toContain("source: guarantor");
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)![1]);
    expect(height(svg)).toBeGreaterThan(height(renderSvg(spec)));
  });

  it("file names say what they hold", () => {
    const named = { ...result, scenario: "Ukraine settlement 2025", seed: 20251 };
    expect(exportFileName(survivalChart(named, "p", null).spec, "png")).toBe("ukraine-settlement-2025_survival_p_seed20251.png");
    expect(exportFileName(survivalChart(named, "p", "b").spec, "png")).toBe("ukraine-settlement-2025_survival_p_b_seed20251.png");
    expect(exportFileName(statesChart(named, "a", "q").spec, "svg")).toBe("ukraine-settlement-2025_states_q_a_seed20251.svg");
    expect(exportFileName(heatmapChart(named, "loss").spec, "csv")).toBe("ukraine-settlement-2025_heatmap-loss_seed20251.csv");
  });

  it("direct labels are spread at least a line apart and stay inside the frame", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 1, maxLength: 12 }), (ys) => {
        const placed = spreadLabels(ys, 13, 0, 300);
        const sorted = [...placed].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(13 - 1e-9);
        for (const y of placed) expect(y).toBeLessThanOrEqual(300 + 1e-9);
        // order is kept: a series lower on the chart keeps its label lower
        const order = (a: number[]) => a.map((v, i) => [v, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((x) => x[1]);
        if (new Set(ys).size === ys.length) expect(order(placed)).toEqual(order(ys));
      }),
    );
  });
});
