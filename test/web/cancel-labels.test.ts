/**
 * In a real browser: a long run and a long analysis are cancelled from the Cancel button beside
 * their progress bars (the run stays in the list as cancelled); the tornado names parameters by
 * symbol and meaning, its data table carries the meaning, and the crux threshold table names each
 * parameter with its symbol, meaning and YAML name.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parameterLabel, parameterMeaning } from "../../web/src/parameter-label.js";
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
const textStartsWith = (id: string, prefix: string) =>
  page.waitForFunction(([i, p]) => ((globalThis as unknown as InPage).document.getElementById(i)?.textContent ?? "").startsWith(p), [id, prefix] as const, { timeout: 60_000 });

describe("cancel and parameter labels", () => {
  it("cancels a long run from beside its progress bar; the runs list shows it cancelled", { timeout: 120_000 }, async () => {
    await page.goto(harness.server.url);
    await page.waitForSelector("#run-button:not([disabled])", { timeout: 20_000 });
    expect(await page.locator("#cancel-run").isHidden()).toBe(true);
    await page.fill("#trajectories", "200000");
    await page.click("#run-button");
    await page.waitForSelector("#cancel-run:not([hidden])", { timeout: 20_000 });
    await page.click("#cancel-run");
    await textStartsWith("progress-text", "Run cancelled");
    expect(await page.locator("#progress").evaluate((e) => (e as unknown as { value: number }).value)).toBe(0);
    expect(await page.locator("#cancel-run").isHidden()).toBe(true);
    await page.waitForSelector("#runs-list tbody tr:has-text('cancelled')", { timeout: 20_000 });
    const runs = (await (await fetch(new URL("/api/runs", harness.server.url))).json()) as { runs: { status: string; trajectories: number }[] };
    expect(runs.runs.find((r) => r.trajectories === 200000)?.status).toBe("cancelled");
    // the Run button works again
    expect(await page.locator("#run-button").isDisabled()).toBe(false);
  });

  it("cancels a long analysis, then names parameters by symbol and meaning in the tornado and its table", { timeout: 180_000 }, async () => {
    await page.goto(new URL("/analysis.html", harness.server.url).href);
    await page.waitForSelector("#run-sobol:not([disabled])", { timeout: 20_000 });
    await page.fill("#s-trajectories", "4000");
    await page.fill("#s-sobol", "256");
    await page.click("#run-sobol");
    await page.waitForSelector("#s-cancel:not([hidden])", { timeout: 20_000 });
    await page.click("#s-cancel");
    await textStartsWith("s-status", "Cancelled");
    expect(await page.locator("#figure-sobol").count()).toBe(0);
    expect(await page.locator("#s-cancel").isHidden()).toBe(true);

    await page.fill("#s-trajectories", "40");
    await page.fill("#s-morris", "2");
    await page.click("#run-morris");
    await page.waitForSelector("#figure-tornado .mark-rect", { timeout: 90_000 });
    const figure = await page.locator("#figure-tornado").textContent();
    // every parameter of the data table appears with its symbol and meaning, and its meaning in the table
    const names = await page.locator("#figure-tornado table tbody tr").evaluateAll((rows) =>
      rows.map((r) => (r as unknown as { children: { textContent: string }[] }).children[4]!.textContent),
    );
    expect(names.length).toBeGreaterThan(3);
    expect(figure).toContain(parameterLabel(names[0]!).slice(0, 12));
    for (const name of names) expect(figure).toContain(parameterMeaning(name));
  });

  it("names crux parameters with symbol, meaning and YAML name, and stops a crux scan on Cancel", { timeout: 180_000 }, async () => {
    await page.selectOption("#c-options", ["un-peacekeeping", "arms-only"]);
    await page.fill("#c-grid", "3");
    await page.fill("#c-resolution", "2");
    await page.click("#run-cruxes");
    await page.waitForSelector("#crux-thresholds", { timeout: 150_000 });
    const cells = page.locator("#crux-thresholds tbody th.parameter .parameter-name");
    // these two options have crux parameters under the scenario's priors (as in whatif.test.ts)
    expect(await cells.count()).toBeGreaterThan(0);
    const first = cells.first();
    const name = (await first.getAttribute("data-parameter"))!;
    expect(await first.textContent()).toContain(parameterLabel(name));
    expect(await first.locator("code").textContent()).toBe(name);
    expect(await first.getAttribute("title")).toContain(`In the scenario: ${name}`);
    await page.screenshot({ path: join(ARTIFACTS, "crux-parameter-labels.png"), fullPage: true });

    await page.fill("#c-grid", "15");
    await page.fill("#c-resolution", "15");
    await page.click("#run-cruxes");
    await page.waitForSelector("#c-cancel:not([hidden])", { timeout: 20_000 });
    await page.click("#c-cancel");
    await textStartsWith("c-status", "Cancelled");
    expect(await page.locator("#crux-thresholds").count()).toBe(0);
  });

  it("logged no errors", () => {
    expect(harness.consoleErrors).toEqual([]);
  });
});
