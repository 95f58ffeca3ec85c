/**
 * The web app in a real browser (Debian's chromium through playwright-core): edit, validate,
 * run the bundled scenario, see every chart drawn, download CSV. Screenshots go to test-artifacts/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../../src/contract/outcomes.js";
import { durationIntervals, fitDurationDependence, spellsOf } from "../../src/evidence/calibration/duration-dependence.js";
import { loadCaseSet } from "../../src/evidence/cases/historical-cases.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { ARTIFACTS, download, useBrowser, waitForText } from "./harness.js";

/** enough for several progress events (the simulator reports per chunk of 1024), small enough to be quick */
const TRAJECTORIES = 1500;
const browser = useBrowser();

/** The little of the browser's globals that in-page functions use (this file has no DOM types). */
interface InPage {
  progressSeen: string[];
  document: { getElementById(id: string): { textContent: string | null }; activeElement: { id: string } | null };
  MutationObserver: new (callback: (records: { addedNodes: Iterable<{ textContent: string | null }> }[]) => void) => {
    observe(target: unknown, options: object): void;
  };
}

const shot = (name: string) => browser.page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

describe("the web app in chromium", () => {
  it("opens with the bundled scenario, valid", async () => {
    await browser.page.goto(browser.url);
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    expect(await browser.page.locator(".cm-content").textContent()).toContain("Ukraine settlement 2025");
    expect(await browser.page.locator("#option-picker input:checked").count()).toBeGreaterThan(1);
    await shot("1-editor");
  });

  it("shows a problem introduced in the scenario at its line", async () => {
    const lines = readFileSync(bundledScenarioPath(), "utf8").split("\n");
    const line = lines.findIndex((l) => l.startsWith("horizon_years:")) + 1;
    await browser.page.locator(".cm-content").click();
    await browser.page.keyboard.press("Control+Home");
    for (let i = 1; i < line; i++) await browser.page.keyboard.press("ArrowDown");
    await browser.page.keyboard.press("Home");
    await browser.page.keyboard.type("x");

    const problem = browser.page.locator(`#problems li[data-line="${line}"]`);
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.textContent()).toMatch(new RegExp(`^Line ${line}, column 1: .*xhorizon_years`));
    // the editor marks the same line
    const edited = browser.page.locator(".cm-line", { hasText: /^xhorizon_years: / });
    expect(await edited.locator(".cm-lintRange-error").count()).toBeGreaterThan(0);
    expect(await browser.page.locator("#run-button").isDisabled()).toBe(true);
    await shot("2-problem");

    await browser.page.keyboard.press("Backspace");
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    expect(await browser.page.locator("#run-button").isDisabled()).toBe(false);
  });

  it("runs the bundled scenario with live progress to 100 % and draws every chart with data", async () => {
    await browser.page.fill("#trajectories", String(TRAJECTORIES));
    await browser.page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      w.progressSeen = [];
      const target = w.document.getElementById("progress-text");
      new w.MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) w.progressSeen.push(n.textContent ?? "");
      }).observe(target, { childList: true, characterData: true, subtree: true });
    });
    await browser.page.click("#run-button");
    await waitForText(browser.page, "progress-text", "100 %", 45_000);
    expect(await browser.page.locator("#progress").evaluate((p) => (p as unknown as { value: number }).value)).toBe(100);
    const seen = await browser.page.evaluate(() => (globalThis as unknown as InPage).progressSeen);
    expect(seen.some((s) => /^([1-9]|[1-9]\d) % /.test(s)), JSON.stringify(seen)).toBe(true);

    await browser.page.waitForSelector("#figure-heatmap svg");
    const options = await browser.page.locator("#option-picker input").count();
    const perspectives = await browser.page.locator("#perspective-picker input").count();
    expect(await browser.page.locator("#outcome-table tbody tr").count()).toBeGreaterThan(5);
    expect(await browser.page.locator("#outcome-table tbody td").first().textContent()).toMatch(/ ± /);
    expect(await browser.page.locator("#figure-survival .mark-line").count()).toBe(options);
    expect(await browser.page.locator("#figure-states .mark-area").count()).toBeGreaterThanOrEqual(5);
    expect(await browser.page.locator("#figure-alignment .mark-line").count()).toBe(options);
    expect(await browser.page.locator("#figure-heatmap .mark-rect").count()).toBe(options * perspectives);
    for (const id of ["survival", "states", "alignment", "heatmap"]) {
      const box = await browser.page.locator(`#figure-${id} .marks`).boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(50);
      expect(await browser.page.locator(`#figure-${id} figcaption`).textContent()).toMatch(/\d/);
    }
    await shot("3-results");
  });

  it("downloads a chart's data as CSV, its drawing as SVG and PNG, and the outcome table", async () => {
    const csv = await download(browser.page, () => browser.page.click("#figure-survival [data-export=csv]"));
    expect(csv.name).toMatch(/^ukraine-settlement-2025_survival_[a-z-]+_[a-z-]+_seed\d+\.csv$/);
    const rows = csv.text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("option,perspective,month,years,survival,se,accepted_trajectories");
    const options = await browser.page.locator("#option-picker input").count();
    const horizonMonths = 20 * 12;
    expect(rows).toHaveLength(1 + options * (horizonMonths + 1));
    for (const row of rows.slice(1)) {
      const survival = Number(row.split(",")[4]);
      expect(survival).toBeGreaterThanOrEqual(0);
      expect(survival).toBeLessThanOrEqual(1);
    }

    const svg = await download(browser.page, () => browser.page.click("#figure-states [data-export=svg]"));
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await download(browser.page, () => browser.page.click("#figure-heatmap [data-export=png]"));
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");

    const table = await download(browser.page, () => browser.page.click("#export-csv"));
    const tableRows = table.text.trimEnd().split("\r\n");
    expect(tableRows[0]).toBe("option,perspective,outcome,mean,se,trajectories");
    const perspectives = await browser.page.locator("#perspective-picker input").count();
    expect(tableRows.length).toBe(1 + options * perspectives * OUTCOMES.length);
  });

  it("lists the run, reopens it, and is usable from the keyboard", async () => {
    await browser.page.waitForSelector("#runs-list tr[data-run]");
    expect(await browser.page.locator("#runs-list tr[data-run]").count()).toBe(1);
    await browser.page.locator("#runs-list button", { hasText: "Open" }).focus();
    await browser.page.keyboard.press("Enter");
    await browser.page.waitForSelector("#figure-survival .mark-line");
    await browser.page.focus("#trajectories");
    await browser.page.keyboard.press("Tab");
    expect(await browser.page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id)).toBe("run-button");
    await browser.page.selectOption("#result-outcome", "p_nuclear_use");
    expect(await browser.page.locator("#figure-heatmap h3").textContent()).toMatch(/nuclear/);
  });

  it("shows survival of peace by group and the backtest's reliability diagram on the evidence page", async () => {
    await browser.page.goto(`${browser.url}evidence.html`);
    await browser.page.waitForSelector("#figure-km-ceasefires-peacekeeping .mark-line");
    expect(await browser.page.locator("#figure-km-ceasefires-peacekeeping .mark-line").count()).toBe(2);
    expect(await browser.page.locator("#figure-km-ceasefires-peacekeeping .mark-area").count()).toBe(2);
    expect(await browser.page.locator("#figure-km-ceasefires-peacekeeping figcaption").textContent()).toMatch(/Log-rank test/);
    const km = await download(browser.page, () => browser.page.click("#figure-km-ceasefires-peacekeeping [data-export=csv]"));
    const kmRows = km.text.trimEnd().split("\r\n");
    expect(kmRows[0]).toBe("data,group,years,at_risk,survival,lower_95,upper_95");
    expect(kmRows.length).toBeGreaterThan(20);
    expect(new Set(kmRows.slice(1).map((r) => r.split(",")[1]))).toEqual(new Set(["peacekeeping=0", "peacekeeping=1"]));
    // the duration dependence of all 157 cease-fires: the fit calibrate turns into ψ and T_D
    const fit = fitDurationDependence(spellsOf([loadCaseSet("ceasefires").cases]));
    const range = durationIntervals(fit)!;
    expect(await browser.page.locator("#km-duration").textContent()).toBe(
      `Duration dependence over these 157 cases (${fit.events} wars), h(t) = h0·(ψ + (1 − ψ)e^(−t/T_D)) by maximum likelihood: ` +
        `the hazard starts at h0 = ${fit.baseHazardPerYear[0].toFixed(3)} wars a year and falls to ψ = ${fit.floor.toFixed(4)} (95 %: ${range.floor[0].toFixed(4)}–${range.floor[1].toFixed(4)}) of it, ` +
        `with time constant T_D = ${fit.decayMonths.toFixed(1)} months (95 %: ${range.decayMonths[0].toFixed(1)}–${range.decayMonths[1].toFixed(1)}).`,
    );

    await browser.page.waitForSelector("#figure-reliability-ceasefires-5y .mark-dot");
    expect(await browser.page.locator("#bt-scores tbody tr").count()).toBe(3);
    expect(await browser.page.locator("#bt-note").textContent()).toMatch(/evidence perspective/);
    const reliability = await download(browser.page, () => browser.page.click("#figure-reliability-ceasefires-5y [data-export=csv]"));
    const binRows = reliability.text.trimEnd().split("\r\n");
    expect(binRows[0]).toBe("predictor,bin_from,bin_to,count,mean_forecast,observed_frequency,observed_se");
    const counted = binRows.slice(1).filter((r) => r.startsWith("cox,")).reduce((s, r) => s + Number(r.split(",")[3]), 0);
    expect(counted).toBe(157);

    // the calibration fit: two intervals (calibrated, scenario) per row of its table
    await browser.page.waitForSelector("#figure-calibration-fit .mark-rect", { state: "attached" });
    const calibrated = await browser.page.locator("#calibration-table tbody tr").count();
    expect(calibrated).toBeGreaterThan(0);
    expect(await browser.page.locator("#figure-calibration-fit .mark-rect").count()).toBe(2 * calibrated);
    await shot("4-evidence");

    // from the keyboard: choose the inter-state dyads, split by defence pact
    await browser.page.focus("#km-data");
    await browser.page.keyboard.press("ArrowDown");
    await browser.page.waitForSelector("#figure-km-interstate-major_power_pact .mark-line");
    await browser.page.focus("#bt-horizon");
    await browser.page.keyboard.press("ArrowDown");
    await browser.page.waitForSelector("#figure-reliability-ceasefires-10y .mark-dot");
    const png = await download(browser.page, () => browser.page.click("#figure-km-interstate-major_power_pact [data-export=png]"));
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
  });

  it("runs Morris and Sobol sensitivity and a crux analysis as jobs with progress, and draws each chart", async () => {
    await browser.page.goto(`${browser.url}analysis.html`);
    await browser.page.waitForSelector("#run-morris:not([disabled])", { timeout: 20_000 });
    await browser.page.fill("#s-trajectories", "100");
    await browser.page.click("#run-morris");
    await browser.page.waitForSelector("#figure-tornado .mark-rect", { timeout: 60_000 });
    expect(await browser.page.locator("#s-status").textContent()).toMatch(/^100 %/);
    const bars = await browser.page.locator("#figure-tornado .mark-rect").count();
    expect(bars).toBeGreaterThan(3);
    expect(await browser.page.locator("#figure-tornado .mark-rule").count()).toBe(bars);
    const tornado = await download(browser.page, () => browser.page.click("#figure-tornado [data-export=csv]"));
    const tornadoRows = tornado.text.trimEnd().split("\r\n");
    expect(tornadoRows[0]).toBe("outcome,option,versus,perspective,parameter,mu_star,mu_star_se,mu_star_low,mu_star_high,mu,sigma,direction,meaning");
    expect(tornadoRows.length).toBeGreaterThan(bars);
    for (const row of tornadoRows.slice(1)) expect(Number(row.split(",")[5])).toBeGreaterThanOrEqual(0);

    await browser.page.fill("#s-sobol", "8");
    // from the keyboard: focus the Sobol button and press Enter
    await browser.page.focus("#run-sobol");
    await browser.page.keyboard.press("Enter");
    await browser.page.waitForSelector("#figure-sobol .mark-rect", { timeout: 60_000 });
    const sobolBars = await browser.page.locator("#figure-sobol .mark-rect").count();
    expect(sobolBars % 2).toBe(0);
    expect(await browser.page.locator("#figure-sobol .mark-rule").count()).toBe(sobolBars);
    const sobol = await download(browser.page, () => browser.page.click("#figure-sobol [data-export=csv]"));
    expect(sobol.text.split("\r\n")[0]).toBe("outcome,option,versus,perspective,parameter,first,first_low,first_high,total,total_low,total_high,meaning");
    expect(sobol.text.trimEnd().split("\r\n").length - 1).toBe(tornadoRows.length - 1);

    await browser.page.fill("#c-grid", "3");
    await browser.page.fill("#c-resolution", "3");
    await browser.page.click("#run-cruxes");
    await browser.page.waitForSelector("#crux-thresholds", { timeout: 90_000 });
    expect(await browser.page.locator("#c-status").textContent()).toMatch(/^100 %/);
    expect(await browser.page.locator("#crux-thresholds tbody tr").count()).toBeGreaterThan(0);
    await browser.page.waitForSelector("#figure-crux-map .mark-rect");
    expect(await browser.page.locator("#figure-crux-map .mark-rect").count()).toBe(9);
    const map = await download(browser.page, () => browser.page.click("#figure-crux-map [data-export=csv]"));
    const mapRows = map.text.trimEnd().split("\r\n");
    expect(mapRows).toHaveLength(10);
    expect(mapRows[0]).toMatch(/,best,margin,margin_se,clear$/);
    const svg = await download(browser.page, () => browser.page.click("#figure-tornado [data-export=svg]"));
    expect(svg.text).toMatch(/^<svg xmlns/);
    await shot("5-analysis");
  }, 180_000);

  it("logged no errors (a CSP violation would show here)", () => {
    expect(browser.harness.consoleErrors).toEqual([]);
  });
});
