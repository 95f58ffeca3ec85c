/**
 * The web app in a real browser (Debian's chromium through playwright-core): edit, validate,
 * run the bundled scenario, see every chart drawn, download CSV. Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTCOMES } from "../../src/contract/outcomes.js";
import { workerEngine } from "../../src/server/worker-engine.js";
import { bundledScenarioPath, packageInfo, webRoot } from "../../src/server/package-info.js";
import { startServer, type RunningServer } from "../../src/server/serve.js";

const ARTIFACTS = join(packageInfo().root, "test-artifacts");
/** enough for several progress events (the simulator reports per chunk of 1024), small enough to be quick */
const TRAJECTORIES = 1500;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let dir: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(webRoot(), "index.html"))) throw new Error("web/dist is missing: run `npm run build` before the browser tests");
  dir = mkdtempSync(join(tmpdir(), "guarantor-browser-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ engine: workerEngine, storePath: join(dir, "runs.sqlite"), port: 0 });
  context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The little of the browser's globals that in-page functions use (this file has no DOM types). */
interface InPage {
  progressSeen: string[];
  document: { getElementById(id: string): { textContent: string | null }; activeElement: { id: string } | null };
  MutationObserver: new (callback: (records: { addedNodes: Iterable<{ textContent: string | null }> }[]) => void) => {
    observe(target: unknown, options: object): void;
  };
}

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

async function downloadText(click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  const bytes = readFileSync(path);
  return { name: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

describe("the web app in chromium", () => {
  it("opens with the bundled scenario, valid", async () => {
    await page.goto(server.url);
    await page.waitForSelector("#validation.ok", { timeout: 20_000 });
    expect(await page.locator(".cm-content").textContent()).toContain("Ukraine settlement 2025");
    expect(await page.locator("#option-picker input:checked").count()).toBeGreaterThan(1);
    await shot("1-editor");
  });

  it("shows a problem introduced in the scenario at its line", async () => {
    const lines = readFileSync(bundledScenarioPath(), "utf8").split("\n");
    const line = lines.findIndex((l) => l.startsWith("horizon_years:")) + 1;
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Home");
    for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Home");
    await page.keyboard.type("x");

    const problem = page.locator(`#problems li[data-line="${line}"]`);
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.textContent()).toMatch(new RegExp(`^Line ${line}, column 1: .*xhorizon_years`));
    // the editor marks the same line
    const edited = page.locator(".cm-line", { hasText: /^xhorizon_years: / });
    expect(await edited.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    expect(await page.locator("#run-button").isDisabled()).toBe(true);
    await shot("2-problem");

    await page.keyboard.press("Backspace");
    await page.waitForSelector("#validation.ok", { timeout: 20_000 });
    expect(await page.locator("#run-button").isDisabled()).toBe(false);
  });

  it("runs the bundled scenario with live progress to 100 % and draws every chart with data", async () => {
    await page.fill("#trajectories", String(TRAJECTORIES));
    await page.evaluate(() => {
      const page = globalThis as unknown as InPage;
      page.progressSeen = [];
      const target = page.document.getElementById("progress-text");
      new page.MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) page.progressSeen.push(n.textContent ?? "");
      }).observe(target, { childList: true, characterData: true, subtree: true });
    });
    await page.click("#run-button");
    await page.waitForFunction(
      () => ((globalThis as unknown as InPage).document.getElementById("progress-text").textContent ?? "").startsWith("100 %"),
      null,
      { timeout: 45_000 },
    );
    expect(await page.locator("#progress").evaluate((p) => (p as unknown as { value: number }).value)).toBe(100);
    const seen = await page.evaluate(() => (globalThis as unknown as InPage).progressSeen);
    expect(seen.some((s) => /^([1-9]|[1-9]\d) % /.test(s)), JSON.stringify(seen)).toBe(true);

    await page.waitForSelector("#figure-heatmap svg");
    const options = await page.locator("#option-picker input").count();
    const perspectives = await page.locator("#perspective-picker input").count();
    expect(await page.locator("#outcome-table tbody tr").count()).toBeGreaterThan(5);
    expect(await page.locator("#outcome-table tbody td").first().textContent()).toMatch(/ ± /);
    expect(await page.locator("#figure-survival .mark-line").count()).toBe(options);
    expect(await page.locator("#figure-states .mark-area").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator("#figure-alignment .mark-line").count()).toBe(options);
    expect(await page.locator("#figure-heatmap .mark-rect").count()).toBe(options * perspectives);
    for (const id of ["survival", "states", "alignment", "heatmap"]) {
      const box = await page.locator(`#figure-${id} .marks`).boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(50);
      expect(await page.locator(`#figure-${id} figcaption`).textContent()).toMatch(/\d/);
    }
    await shot("3-results");
  });

  it("downloads a chart's data as CSV, its drawing as SVG and PNG, and the outcome table", async () => {
    const csv = await downloadText(() => page.click("#figure-survival [data-export=csv]"));
    expect(csv.name).toMatch(/^ukraine-settlement-2025_survival_[a-z-]+_[a-z-]+_seed\d+\.csv$/);
    const rows = csv.text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("option,perspective,month,years,survival,se,accepted_trajectories");
    const options = await page.locator("#option-picker input").count();
    const horizonMonths = 20 * 12;
    expect(rows).toHaveLength(1 + options * (horizonMonths + 1));
    for (const row of rows.slice(1)) {
      const survival = Number(row.split(",")[4]);
      expect(survival).toBeGreaterThanOrEqual(0);
      expect(survival).toBeLessThanOrEqual(1);
    }

    const svg = await downloadText(() => page.click("#figure-states [data-export=svg]"));
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await downloadText(() => page.click("#figure-heatmap [data-export=png]"));
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");

    const table = await downloadText(() => page.click("#export-csv"));
    const tableRows = table.text.trimEnd().split("\r\n");
    expect(tableRows[0]).toBe("option,perspective,outcome,mean,se,trajectories");
    const perspectives = await page.locator("#perspective-picker input").count();
    expect(tableRows.length).toBe(1 + options * perspectives * OUTCOMES.length);
  });

  it("lists the run, reopens it, and is usable from the keyboard", async () => {
    await page.waitForSelector("#runs-list tr[data-run]");
    expect(await page.locator("#runs-list tr[data-run]").count()).toBe(1);
    await page.locator("#runs-list button", { hasText: "Open" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#figure-survival .mark-line");
    await page.focus("#trajectories");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id)).toBe("run-button");
    await page.selectOption("#result-outcome", "p_nuclear_use");
    expect(await page.locator("#figure-heatmap h3").textContent()).toMatch(/nuclear/);
  });

  it("shows survival of peace by group and the backtest's reliability diagram on the evidence page", async () => {
    await page.goto(`${server.url}evidence.html`);
    await page.waitForSelector("#figure-km-ceasefires-peacekeeping .mark-line");
    expect(await page.locator("#figure-km-ceasefires-peacekeeping .mark-line").count()).toBe(2);
    expect(await page.locator("#figure-km-ceasefires-peacekeeping .mark-area").count()).toBe(2);
    expect(await page.locator("#figure-km-ceasefires-peacekeeping figcaption").textContent()).toMatch(/Log-rank test/);
    const km = await downloadText(() => page.click("#figure-km-ceasefires-peacekeeping [data-export=csv]"));
    const kmRows = km.text.trimEnd().split("\r\n");
    expect(kmRows[0]).toBe("data,group,years,at_risk,survival,lower_95,upper_95");
    expect(kmRows.length).toBeGreaterThan(20);
    expect(new Set(kmRows.slice(1).map((r) => r.split(",")[1]))).toEqual(new Set(["peacekeeping=0", "peacekeeping=1"]));

    await page.waitForSelector("#figure-reliability-ceasefires-5y .mark-dot");
    expect(await page.locator("#bt-scores tbody tr").count()).toBe(3);
    expect(await page.locator("#bt-note").textContent()).toMatch(/evidence perspective/);
    const reliability = await downloadText(() => page.click("#figure-reliability-ceasefires-5y [data-export=csv]"));
    const binRows = reliability.text.trimEnd().split("\r\n");
    expect(binRows[0]).toBe("predictor,bin_from,bin_to,count,mean_forecast,observed_frequency,observed_se");
    const counted = binRows.slice(1).filter((r) => r.startsWith("cox,")).reduce((s, r) => s + Number(r.split(",")[3]), 0);
    expect(counted).toBe(157);
    await shot("4-evidence");

    // from the keyboard: choose the inter-state dyads, split by defence pact
    await page.focus("#km-data");
    await page.keyboard.press("ArrowDown");
    await page.waitForSelector("#figure-km-interstate-major_power_pact .mark-line");
    await page.focus("#bt-horizon");
    await page.keyboard.press("ArrowDown");
    await page.waitForSelector("#figure-reliability-ceasefires-10y .mark-dot");
    const png = await downloadText(() => page.click("#figure-km-interstate-major_power_pact [data-export=png]"));
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
  });

  it("runs Morris and Sobol sensitivity and a crux analysis as jobs with progress, and draws each chart", async () => {
    await page.goto(`${server.url}analysis.html`);
    await page.waitForSelector("#run-morris:not([disabled])", { timeout: 20_000 });
    await page.fill("#s-trajectories", "100");
    await page.click("#run-morris");
    await page.waitForSelector("#figure-tornado .mark-rect", { timeout: 60_000 });
    expect(await page.locator("#s-status").textContent()).toMatch(/^100 %/);
    const bars = await page.locator("#figure-tornado .mark-rect").count();
    expect(bars).toBeGreaterThan(3);
    expect(await page.locator("#figure-tornado .mark-rule").count()).toBe(bars);
    const tornado = await downloadText(() => page.click("#figure-tornado [data-export=csv]"));
    const tornadoRows = tornado.text.trimEnd().split("\r\n");
    expect(tornadoRows[0]).toBe("outcome,option,versus,perspective,parameter,mu_star,mu_star_se,mu_star_low,mu_star_high,mu,sigma,direction,meaning");
    expect(tornadoRows.length).toBeGreaterThan(bars);
    for (const row of tornadoRows.slice(1)) expect(Number(row.split(",")[5])).toBeGreaterThanOrEqual(0);

    await page.fill("#s-sobol", "8");
    // from the keyboard: focus the Sobol button and press Enter
    await page.focus("#run-sobol");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#figure-sobol .mark-rect", { timeout: 60_000 });
    const sobolBars = await page.locator("#figure-sobol .mark-rect").count();
    expect(sobolBars % 2).toBe(0);
    expect(await page.locator("#figure-sobol .mark-rule").count()).toBe(sobolBars);
    const sobol = await downloadText(() => page.click("#figure-sobol [data-export=csv]"));
    expect(sobol.text.split("\r\n")[0]).toBe("outcome,option,versus,perspective,parameter,first,first_low,first_high,total,total_low,total_high,meaning");
    expect(sobol.text.trimEnd().split("\r\n").length - 1).toBe(tornadoRows.length - 1);

    await page.fill("#c-grid", "3");
    await page.fill("#c-resolution", "3");
    await page.click("#run-cruxes");
    await page.waitForSelector("#crux-thresholds", { timeout: 90_000 });
    expect(await page.locator("#c-status").textContent()).toMatch(/^100 %/);
    expect(await page.locator("#crux-thresholds tbody tr").count()).toBeGreaterThan(0);
    await page.waitForSelector("#figure-crux-map .mark-rect");
    expect(await page.locator("#figure-crux-map .mark-rect").count()).toBe(9);
    const map = await downloadText(() => page.click("#figure-crux-map [data-export=csv]"));
    const mapRows = map.text.trimEnd().split("\r\n");
    expect(mapRows).toHaveLength(10);
    expect(mapRows[0]).toMatch(/,best,margin,margin_se,clear$/);
    const svg = await downloadText(() => page.click("#figure-tornado [data-export=svg]"));
    expect(svg.text).toMatch(/^<svg xmlns/);
    await shot("5-analysis");
  }, 180_000);

  it("logged no errors (a CSP violation would show here)", () => {
    expect(consoleErrors).toEqual([]);
  });
});
