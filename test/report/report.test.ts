import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { register as registerReport } from "../../src/cli/commands/report.js";
import { gatherReport, leadingOptions, type ReportData } from "../../src/report/gather.js";
import { escapeHtml, reportHtml } from "../../src/report/html.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { runCli } from "../helpers/cli.js";
import { PARAMETERS } from "../../src/contract/parameters.js";

const FILE = new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname;
const OPTIONS = ["armed-neutrality", "neutrality-istanbul", "arms-only"];
const PERSPECTIVES = ["restraint", "deterrence"];
/** a tiny crux scan: the test checks the report, not the cruxes' numbers */
const BUDGET = { trajectories: 20, gridPoints: 3 };

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * Checks that `html` is one well-formed document: a doctype, then every element closed in order
 * (void elements excepted, SVG's self-closing ones allowed), attributes quoted, no stray "<".
 * Returns the problems found; [] when it parses.
 */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith("<!DOCTYPE html>")) problems.push("no doctype");
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][a-zA-Z0-9_:.-]*(?:="[^"]*")?)*)\s*(\/?)>|<!DOCTYPE html>|</g;
  for (const m of html.matchAll(tag)) {
    if (m[0] === "<!DOCTYPE html>") continue;
    if (m[0] === "<") {
      problems.push(`stray "<" at ${m.index}: ${html.slice(m.index, m.index + 40)}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    const lower = name.toLowerCase();
    if (closing) {
      const top = open.pop();
      if (top !== lower) problems.push(`</${lower}> closes <${top}> at ${m.index}`);
    } else if (!selfClosing && !VOID.has(lower)) open.push(lower);
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(", ")}`);
  return problems;
}

/** Every src, href, url(…) or @import that points outside the file. */
function externalReferences(html: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href|xlink:href|action)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
  const css = [...html.matchAll(/url\(([^)]*)\)|@import/gi)].map((m) => m[0]);
  return [...refs.filter((r) => !r.startsWith("#")), ...css];
}

let data: ReportData;
let html: string;

beforeAll(async () => {
  const scenario = loadScenarioFile(FILE);
  const result = await evaluate(scenario, { seed: 11, trajectories: 200, options: OPTIONS, perspectives: PERSPECTIVES, workers: 1 });
  data = await gatherReport(scenario, result, { version: "7.7.7", budget: BUDGET });
  html = reportHtml(data);
}, 120_000);

describe("the HTML report", () => {
  it("is one well-formed HTML document with nothing outside it: no script, no external URL", () => {
    expect(htmlProblems(html)).toEqual([]);
    expect(externalReferences(html)).toEqual([]);
    expect(/<script|<link|<iframe|<img/i.test(html)).toBe(false);
    expect(/<style>[^<]+<\/style>/.test(html)).toBe(true);
  });

  it("names the seed, the version, every option and every perspective with its source", () => {
    expect(html.includes("seed 11")).toBe(true);
    expect(html.includes("guarantor 7.7.7")).toBe(true);
    for (const option of OPTIONS) expect(html.includes(`<th scope="row">1. ${option}</th>`) || html.includes(`. ${option}</th>`), option).toBe(true);
    const scenario = loadScenarioFile(FILE);
    for (const perspective of PERSPECTIVES) {
      expect(html.includes(`(<code>${perspective}</code>) — source: ${escapeHtml(scenario.perspectives[perspective].source)}`), perspective).toBe(true);
    }
    // only the run's perspectives
    expect(html.includes("<code>influence-realism</code>)")).toBe(false);
  });

  it("holds the comparison, the charts with their context, the cruxes and the assumptions", () => {
    for (const section of ["Summary", "Comparison", "Charts", "Perspectives and their sources", "Cruxes", "Assumptions"]) {
      expect(html.includes(`<h2>${section}`), section).toBe(true);
    }
    // one table per perspective, each option a row with mean ± SE
    expect(html.match(/<caption>Perspective: /g)).toHaveLength(PERSPECTIVES.length);
    // heat map, then survival and states per perspective; each with title and a footer naming seed and source
    const charts = html.split("<svg ").slice(1).map((svg) => svg.slice(0, svg.indexOf("</svg>")));
    expect(charts).toHaveLength(1 + 2 * PERSPECTIVES.length);
    for (const svg of charts) {
      const desc = /<desc [^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
      expect(svg).toMatch(/<title [^>]*>[^<]+<\/title>/);
      expect(desc).toMatch(/seed 11 · Ukraine settlement 2025 · source: guarantor 7\.7\.7\)$/);
      // the title block drawn into the chart
      expect(svg).toMatch(/font-weight="700"/);
    }
    for (const perspective of PERSPECTIVES) {
      const best = data.result.ranking.find((r) => r.perspective === perspective)!.order[0].option;
      expect(charts.filter((svg) => svg.includes(`perspective: ${perspective} · option: ${best} · seed 11`))).toHaveLength(2);
    }
    // the crux scan is between the two leading options
    expect(data.cruxes?.options).toEqual(leadingOptions(data.result));
    expect(html.includes(`<h2>Cruxes${data.cruxes!.cruxes.length > 0 ? `: ${data.cruxes!.options.join(" vs ")}` : ""}</h2>`)).toBe(true);
    // every parameter with its prior and its source or "assumption"
    expect(data.assumptions.length).toBe(PARAMETERS.length);
    expect(html.includes("<code>acceptance_threat_weight</code>")).toBe(true);
    expect(/<td>assumption<\/td>/.test(html)).toBe(true);
  });

  it("judges the schools' conclusions on the run's estimates, and names those the run cannot judge", () => {
    const r = data.conclusions;
    expect(html.includes("<h2>The perspectives' conclusions</h2>")).toBe(true);
    expect(new Set([...r.conclusions, ...r.skipped].map((v) => v.perspective))).toEqual(new Set(PERSPECTIVES));
    // R6 compares two of the run's options: its difference and SE are those of the two estimates
    const r6 = r.conclusions.find((v) => v.perspective === "restraint" && v.id === "R6")!.comparisons[0];
    const loss = (o: string) => data.result.results.find((x) => x.perspective === "restraint" && x.option === o)!.outcomes.loss;
    expect(r6.difference).toBeCloseTo(loss("neutrality-istanbul").mean - loss("armed-neutrality").mean, 12);
    expect(r6.se).toBeCloseTo(Math.hypot(loss("neutrality-istanbul").se, loss("armed-neutrality").se), 12);
    expect(r6.paired).toBe(false);
    // R2 compares ceasefire-only with the treaties, which this run left out
    expect(r.skipped).toContainEqual({ perspective: "restraint", id: "R2", missing: ["ceasefire-only", "article5-treaty", "nato-membership"], missing_outcomes: [] });
    expect(html.includes("Not judged: restraint R2: compares options the run left out (ceasefire-only, article5-treaty, nato-membership)")).toBe(true);
    for (const v of r.conclusions) expect(html.includes(`${v.perspective} <b>${v.id}</b>`), v.id).toBe(true);
  });

  it("ranks the leading options by mean rank over the perspectives", () => {
    const ranks = new Map<string, number>();
    for (const { order } of data.result.ranking) for (const e of order) ranks.set(e.option, (ranks.get(e.option) ?? 0) + e.rank);
    const [a, b] = leadingOptions(data.result);
    const others = [...ranks.entries()].filter(([id]) => id !== a && id !== b);
    for (const [, r] of others) expect(r).toBeGreaterThanOrEqual(ranks.get(b)!);
    expect(ranks.get(a)!).toBeLessThanOrEqual(ranks.get(b)!);
  });
});

describe("guarantor report", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "guarantor-report-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());
  const run = (args: string[]) => runCli([registerReport], args);

  it("writes the report to --out", async () => {
    const out = join(dir, "report.html");
    const args = ["report", FILE, "--out", out, "--options", OPTIONS.slice(0, 2).join(","), "--perspectives", "evidence", "--seed", "5", "--trajectories", "100", "--workers", "1"];
    const { code, err } = await run([...args, "--crux-trajectories", "20", "--crux-grid", "3"]);
    expect(err).toBe(`wrote ${out}\n`);
    expect(code).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(htmlProblems(written)).toEqual([]);
    expect(written.includes("seed 5")).toBe(true);
    expect(written.includes("<caption>Perspective: evidence</caption>")).toBe(true);
  });

  it("says what is missing or wrong, without a stack trace", async () => {
    const missing = await run(["report", FILE, "--trajectories", "100"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/report needs --out FILE\.html/);
    const unwritable = await run(["report", FILE, "--out", join(dir, "no-such-dir", "r.html"), "--options", "arms-only", "--trajectories", "50", "--workers", "1"]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/no-such-dir\/r\.html: cannot write the report \(ENOENT\)/);
    const badGrid = await run(["report", FILE, "--out", join(dir, "x.html"), "--crux-grid", "many"]);
    expect(badGrid.code).toBe(2);
    expect(badGrid.err).toMatch(/--crux-grid expects a positive integer/);
  });
});
