/**
 * In a real browser: a long run and a long analysis are cancelled from the Cancel button beside
 * their progress bars (the run stays in the list as cancelled); the tornado names parameters by
 * symbol and meaning, its data table carries the meaning, and the crux threshold table names each
 * parameter with its symbol, meaning and YAML name.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parameterLabel, parameterMeaning } from "../../web/src/parameter-label.js";
import { ARTIFACTS, useBrowser, waitForText } from "./harness.js";

const browser = useBrowser();

/** Starts an analysis, presses its Cancel button as soon as it shows, and waits for the line that says so. */
async function startThenCancel(start: string, cancel: string, status: string): Promise<void> {
  await browser.page.click(`#${start}`);
  await browser.page.waitForSelector(`#${cancel}:not([hidden])`, { timeout: 20_000 });
  await browser.page.click(`#${cancel}`);
  await waitForText(browser.page, status, "Cancelled");
}

describe("cancel and parameter labels", () => {
  it("cancels a long run from beside its progress bar; the runs list shows it cancelled", { timeout: 120_000 }, async () => {
    await browser.page.goto(browser.url);
    await browser.page.waitForSelector("#run-button:not([disabled])", { timeout: 20_000 });
    expect(await browser.page.locator("#cancel-run").isHidden()).toBe(true);
    await browser.page.fill("#trajectories", "200000");
    await browser.page.click("#run-button");
    await browser.page.waitForSelector("#cancel-run:not([hidden])", { timeout: 20_000 });
    await browser.page.click("#cancel-run");
    await waitForText(browser.page, "progress-text", "Run cancelled");
    expect(await browser.page.locator("#progress").evaluate((e) => (e as unknown as { value: number }).value)).toBe(0);
    expect(await browser.page.locator("#cancel-run").isHidden()).toBe(true);
    await browser.page.waitForSelector("#runs-list tbody tr:has-text('cancelled')", { timeout: 20_000 });
    const runs = (await (await fetch(new URL("/api/runs", browser.url))).json()) as { runs: { status: string; trajectories: number }[] };
    expect(runs.runs.find((r) => r.trajectories === 200000)?.status).toBe("cancelled");
    // the Run button works again
    expect(await browser.page.locator("#run-button").isDisabled()).toBe(false);
  });

  it("cancels a long analysis, then names parameters by symbol and meaning in the tornado and its table", { timeout: 180_000 }, async () => {
    await browser.page.goto(new URL("/analysis.html", browser.url).href);
    await browser.page.waitForSelector("#run-sobol:not([disabled])", { timeout: 20_000 });
    await browser.page.fill("#s-trajectories", "4000");
    await browser.page.fill("#s-sobol", "256");
    await startThenCancel("run-sobol", "s-cancel", "s-status");
    expect(await browser.page.locator("#figure-sobol").count()).toBe(0);
    expect(await browser.page.locator("#s-cancel").isHidden()).toBe(true);

    await browser.page.fill("#s-trajectories", "40");
    await browser.page.fill("#s-morris", "2");
    await browser.page.click("#run-morris");
    await browser.page.waitForSelector("#figure-tornado .mark-rect", { timeout: 90_000 });
    const figure = await browser.page.locator("#figure-tornado").textContent();
    // every parameter of the data table appears with its symbol and meaning, and its meaning in the table
    const names = await browser.page.locator("#figure-tornado table tbody tr").evaluateAll((rows) =>
      rows.map((r) => (r as unknown as { children: { textContent: string }[] }).children[4]!.textContent),
    );
    expect(names.length).toBeGreaterThan(3);
    expect(figure).toContain(parameterLabel(names[0]!).slice(0, 12));
    for (const name of names) expect(figure).toContain(parameterMeaning(name));
  });

  it("names crux parameters with symbol, meaning and YAML name, and stops a crux scan on Cancel", { timeout: 180_000 }, async () => {
    await browser.page.selectOption("#c-options", ["un-peacekeeping", "arms-only"]);
    await browser.page.fill("#c-grid", "3");
    await browser.page.fill("#c-resolution", "2");
    await browser.page.click("#run-cruxes");
    await browser.page.waitForSelector("#crux-thresholds", { timeout: 150_000 });
    const cells = browser.page.locator("#crux-thresholds tbody th.parameter .parameter-name");
    // these two options have crux parameters under the scenario's priors (as in whatif.test.ts)
    expect(await cells.count()).toBeGreaterThan(0);
    const first = cells.first();
    const name = (await first.getAttribute("data-parameter"))!;
    expect(await first.textContent()).toContain(parameterLabel(name));
    expect(await first.locator("code").textContent()).toBe(name);
    expect(await first.getAttribute("title")).toContain(`In the scenario: ${name}`);
    await browser.page.screenshot({ path: join(ARTIFACTS, "crux-parameter-labels.png"), fullPage: true });

    await browser.page.fill("#c-grid", "15");
    await browser.page.fill("#c-resolution", "15");
    await startThenCancel("run-cruxes", "c-cancel", "c-status");
    expect(await browser.page.locator("#crux-thresholds").count()).toBe(0);
  });

  it("logged no errors", () => {
    expect(browser.harness.consoleErrors).toEqual([]);
  });
});
