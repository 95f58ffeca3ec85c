/**
 * The case library on the evidence page in a real browser: once its section is in view, the
 * timeline of the cases, each perspective's scores with the reference, the forecasts against what
 * happened (a chart whose CSV export holds every forecast) and a row per case with its design.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCaseLibrary } from "../../src/evidence/cases/library.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

let harness: Harness;
let page: Page;
const cases = loadCaseLibrary();

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe("the case library on the evidence page", () => {
  it("draws the timeline, the scores, the forecasts and the designs once the section is in view", async () => {
    // 100 trajectories per case and perspective keep the server's first computation short
    await page.goto(`${harness.server.url}evidence.html?cases-trajectories=100`);
    await page.locator("#cases").scrollIntoViewIfNeeded();
    await page.waitForSelector("#figure-cases-timeline .mark-rule", { state: "attached", timeout: 240_000 });
    expect(await page.locator("#figure-cases-timeline .mark-rule").count()).toBe(cases.length);
    const wars = cases.filter((c) => c.case.outcome.renewed_war.occurred).length;
    expect(await page.locator("#figure-cases-timeline circle.mark-dot").count()).toBe(cases.length + wars);
    // five perspectives and the reference
    expect(await page.locator("#cases-scores tbody tr").count()).toBe(6);
    expect(await page.locator("#cases-scores tbody tr[data-perspective=base-rate]").count()).toBe(1);
    expect(await page.locator("#cases-designs tbody tr").count()).toBe(cases.length);
    expect(await page.locator("#cases-designs tr[data-case=korea-1953]").textContent()).toMatch(/defence treaty with US/);
    expect(await page.locator("#cases-status").textContent()).toMatch(/100 trajectories each \(seed 20251\)/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#figure-cases-forecast-war_in_window [data-export=csv]")]);
    const rows = readFileSync(await download.path(), "utf8").trimEnd().split("\r\n");
    expect(rows[0]).toBe("case,perspective,forecast,outcome,trajectories");
    expect(rows).toHaveLength(1 + 5 * cases.length);

    await page.selectOption("#cases-question", "guarantor_intervention");
    await page.waitForSelector("#figure-cases-forecast-guarantor_intervention .mark-dot", { state: "attached" });
    expect(await page.locator("#figure-cases-forecast-guarantor_intervention h3").textContent()).toMatch(/guarantor/);
    await page.locator("#cases").screenshot({ path: join(ARTIFACTS, "web-cases.png") });
    expect(harness.consoleErrors).toEqual([]);
  }, 300_000);
});
