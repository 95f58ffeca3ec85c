/**
 * The report button in a real browser: after a run, "report (HTML)" saves one HTML file; opened
 * offline in chromium, it asks for nothing outside itself and shows the run's seed, version,
 * options, perspectives and charts.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, useBrowser, waitForText } from "./harness.js";

const browser = useBrowser();


describe("the report button", () => {
  it("saves one self-contained HTML report of the run", { timeout: 180_000 }, async () => {
    await browser.page.goto(browser.url);
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    await browser.page.fill("#trajectories", "300");
    await browser.page.fill("#seed", "4242");
    await browser.page.click("#run-button");
    await waitForText(browser.page, "progress-text", "100 %");
    await browser.page.waitForSelector("#export-report");
    const options = await browser.page.locator("#option-picker input:checked").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    const perspectives = await browser.page.locator("#perspective-picker input:checked").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    const info = (await (await fetch(new URL("/api/info", browser.url))).json()) as { version: string };

    const [file] = await Promise.all([browser.page.waitForEvent("download", { timeout: 150_000 }), browser.page.click("#export-report")]);
    expect(file.suggestedFilename()).toBe("ukraine-settlement-2025_report_seed4242.html");
    // saved under its own name: opened as a file, the browser takes .html as HTML
    const path = join(mkdtempSync(join(tmpdir(), "guarantor-report-")), file.suggestedFilename());
    await file.saveAs(path);
    const html = readFileSync(path, "utf8");
    expect(await browser.page.locator(".report-status").textContent()).toBe(` saved ${file.suggestedFilename()}`);

    // opened as a file, offline: every request it makes is recorded, and there must be none
    const viewer = await browser.harness.context.newPage();
    const requests: string[] = [];
    viewer.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await viewer.goto(`file://${path}`);
    const seen = await viewer.evaluate(() => {
      const d = (globalThis as unknown as { document: { title: string; body: { innerText: string }; querySelectorAll(s: string): { length: number } } }).document;
      return { title: d.title, text: d.body.innerText, svgs: d.querySelectorAll("svg").length, tables: d.querySelectorAll("table").length, sections: d.querySelectorAll("section").length };
    });
    await viewer.screenshot({ path: join(ARTIFACTS, "report-file.png") });
    await viewer.close();
    expect(requests).toEqual([]);
    expect(seen.title).toBe("Ukraine settlement 2025 — guarantor report (seed 4242)");
    expect(seen.text).toContain(`guarantor ${info.version} · seed 4242`);
    // summary, comparison, charts, perspectives, cruxes, the schools' conclusions, assumptions
    expect(seen.sections).toBe(7);
    expect(seen.text).toContain("The perspectives' conclusions");
    expect(seen.svgs).toBe(1 + 2 * perspectives.length);
    for (const option of options) expect(seen.text).toContain(option);
    for (const perspective of perspectives) expect(seen.text).toContain(`Perspective: ${perspective}`);
    expect(html).not.toMatch(/\b(src|href)="https?:/);
    expect(browser.harness.consoleErrors).toEqual([]);
  });
});
