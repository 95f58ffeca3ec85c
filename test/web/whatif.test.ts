/**
 * The what-if sliders in a real browser: after a crux scan on the analysis browser.page, one slider per
 * crux parameter; moving one re-ranks the compared options from a small seeded evaluation, each
 * loss shown with its standard error.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, useBrowser, waitForText } from "./harness.js";

const browser = useBrowser();

type InPage = { document: { getElementById(id: string): { textContent: string } | null } };
const statusText = () => browser.page.locator("#whatif-status").textContent();

/** Sets a range input as a drag would, firing its input event, and waits for the ranking of that value. */
async function moveSlider(parameter: string, to: "min" | "max"): Promise<{ status: string; rows: string[] }> {
  const before = await statusText();
  await browser.page.locator(`#whatif-${parameter}`).evaluate((element, end) => {
    const slider = element as unknown as { value: string; getAttribute(n: string): string; dispatchEvent(e: unknown): void };
    slider.value = slider.getAttribute(end);
    slider.dispatchEvent(new (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event("input", { bubbles: true }));
  }, to);
  await browser.page.waitForFunction(
    ([previous, name]) => {
      const text = (globalThis as unknown as InPage).document.getElementById("whatif-status")?.textContent ?? "";
      return text !== previous && text.startsWith(`Ranking with ${name} = `);
    },
    [before, parameter] as const,
    { timeout: 30_000 },
  );
  return { status: (await statusText())!, rows: await browser.page.locator("#whatif-ranking tbody tr").allTextContents() };
}

describe("what-if sliders", () => {
  it("re-rank the compared options when a crux parameter moves, with standard errors", { timeout: 240_000 }, async () => {
    await browser.page.goto(new URL("/analysis.html", browser.url).href);
    await browser.page.waitForSelector("#run-cruxes:not([disabled])", { timeout: 20_000 });
    await browser.page.selectOption("#c-options", ["un-peacekeeping", "arms-only"]);
    await browser.page.selectOption("#c-perspective", "baseline");
    await browser.page.fill("#c-grid", "3");
    await browser.page.fill("#c-resolution", "2");
    await browser.page.click("#run-cruxes");
    await browser.page.waitForSelector("#whatif", { timeout: 180_000 });

    const parameters = await browser.page.locator("#whatif input[type=range]").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { dataset: { parameter: string } }).dataset.parameter));
    expect(parameters.length).toBeGreaterThan(0);
    const thresholds = await browser.page.locator("#crux-thresholds").textContent();
    for (const p of parameters) expect(thresholds).toContain(p);

    // first the ranking under the priors
    await waitForText(browser.page, "whatif-status", "Ranking with every parameter", 30_000);
    const prior = await browser.page.locator("#whatif-ranking tbody tr").allTextContents();
    expect(prior).toHaveLength(2);

    const parameter = parameters.includes("acceptance_threat_weight") ? "acceptance_threat_weight" : parameters[0];
    const low = await moveSlider(parameter, "min");
    const high = await moveSlider(parameter, "max");
    for (const { rows } of [low, high]) {
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toMatch(/^[12](un-peacekeeping|arms-only)\d+\.\d{3} ± \d+\.\d{3}$/);
    }
    expect(high.rows).not.toEqual(low.rows);
    expect(await browser.page.locator(`#whatif-${parameter}-value`).textContent()).not.toBe("prior");
    await browser.page.screenshot({ path: join(ARTIFACTS, "web-whatif.png"), fullPage: true });

    await browser.page.click("#whatif-reset");
    await waitForText(browser.page, "whatif-status", "Ranking with every parameter", 30_000);
    expect(await browser.page.locator("#whatif-ranking tbody tr").allTextContents()).toEqual(prior);
    expect(browser.harness.consoleErrors).toEqual([]);
  });
});
