/**
 * The what-if sliders in a real browser: after a crux scan on the analysis page, one slider per
 * crux parameter; moving one re-ranks the compared options from a small seeded evaluation, each
 * loss shown with its standard error.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

type InPage = { document: { getElementById(id: string): { textContent: string } | null } };
const statusText = () => page.locator("#whatif-status").textContent();

/** Sets a range input as a drag would, firing its input event, and waits for the ranking of that value. */
async function moveSlider(parameter: string, to: "min" | "max"): Promise<{ status: string; rows: string[] }> {
  const before = await statusText();
  await page.locator(`#whatif-${parameter}`).evaluate((element, end) => {
    const slider = element as unknown as { value: string; getAttribute(n: string): string; dispatchEvent(e: unknown): void };
    slider.value = slider.getAttribute(end);
    slider.dispatchEvent(new (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event("input", { bubbles: true }));
  }, to);
  await page.waitForFunction(
    ([previous, name]) => {
      const text = (globalThis as unknown as InPage).document.getElementById("whatif-status")?.textContent ?? "";
      return text !== previous && text.startsWith(`Ranking with ${name} = `);
    },
    [before, parameter] as const,
    { timeout: 30_000 },
  );
  return { status: (await statusText())!, rows: await page.locator("#whatif-ranking tbody tr").allTextContents() };
}

describe("what-if sliders", () => {
  it("re-rank the compared options when a crux parameter moves, with standard errors", { timeout: 240_000 }, async () => {
    await page.goto(new URL("/analysis.html", harness.server.url).href);
    await page.waitForSelector("#run-cruxes:not([disabled])", { timeout: 20_000 });
    await page.selectOption("#c-options", ["un-peacekeeping", "arms-only"]);
    await page.selectOption("#c-perspective", "baseline");
    await page.fill("#c-grid", "3");
    await page.fill("#c-resolution", "2");
    await page.click("#run-cruxes");
    await page.waitForSelector("#whatif", { timeout: 180_000 });

    const parameters = await page.locator("#whatif input[type=range]").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { dataset: { parameter: string } }).dataset.parameter));
    expect(parameters.length).toBeGreaterThan(0);
    const thresholds = await page.locator("#crux-thresholds").textContent();
    for (const p of parameters) expect(thresholds).toContain(p);

    // first the ranking under the priors
    await page.waitForFunction(() => ((globalThis as unknown as InPage).document.getElementById("whatif-status")?.textContent ?? "").startsWith("Ranking with every parameter"), null, { timeout: 30_000 });
    const prior = await page.locator("#whatif-ranking tbody tr").allTextContents();
    expect(prior).toHaveLength(2);

    const parameter = parameters.includes("acceptance_threat_weight") ? "acceptance_threat_weight" : parameters[0];
    const low = await moveSlider(parameter, "min");
    const high = await moveSlider(parameter, "max");
    for (const { rows } of [low, high]) {
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toMatch(/^[12](un-peacekeeping|arms-only)\d+\.\d{3} ± \d+\.\d{3}$/);
    }
    expect(high.rows).not.toEqual(low.rows);
    expect(await page.locator(`#whatif-${parameter}-value`).textContent()).not.toBe("prior");
    await page.screenshot({ path: join(ARTIFACTS, "web-whatif.png"), fullPage: true });

    await page.click("#whatif-reset");
    await page.waitForFunction(() => ((globalThis as unknown as InPage).document.getElementById("whatif-status")?.textContent ?? "").startsWith("Ranking with every parameter"), null, { timeout: 30_000 });
    expect(await page.locator("#whatif-ranking tbody tr").allTextContents()).toEqual(prior);
    expect(harness.consoleErrors).toEqual([]);
  });
});
