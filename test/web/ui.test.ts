/**
 * The web app's reader-facing behaviour in chromium: every page from phone to wide screen without
 * the page scrolling sideways (screenshots at 390, 1024 and 1600 px in test-artifacts/), the
 * results summary and re-weighting, the heat map, survival and reliability charts, exports that
 * carry their context, safe handling of stored runs, and the analysis page on the edited scenario.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvaluationResult } from "../../src/contract/result.js";
import type { ScenarioSummary } from "../../src/contract/api.js";
import { lossWeightsOf } from "../../src/contract/loss.js";
import { describeSkipped, judgeConclusions } from "../../src/contract/conclusions.js";
import { contrastRatio } from "../../web/src/charts/contrast.js";
import { parameterLabel, parameterUnit } from "../../web/src/parameter-label.js";
import { ARTIFACTS, download, pageWidth, useBrowser, waitForText } from "./harness.js";

const WIDTHS = [390, 1024, 1600];
const browser = useBrowser();
/** the run's id and its results, as the API returns them */
let runId = "";
let result: EvaluationResult;

/** Screenshots at each width and, at each, the page no wider than its viewport. */
async function fitsAtEveryWidth(name: string, check?: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await browser.page.setViewportSize({ width, height: 900 });
    await browser.page.waitForTimeout(150);
    await browser.page.screenshot({ path: join(ARTIFACTS, `ui-${name}-${width}.png`), fullPage: true });
    const { scrollWidth, innerWidth } = await pageWidth(browser.page);
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(innerWidth);
    await check?.(width);
  }
  await browser.page.setViewportSize({ width: 1400, height: 1000 });
}


/** Puts the cursor at the end of line `line` of the editor and types `text`. */
async function typeAtEndOfLine(line: number, text: string): Promise<void> {
  await browser.page.locator(".cm-content").click();
  await browser.page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await browser.page.keyboard.press("ArrowDown");
  await browser.page.keyboard.press("End");
  await browser.page.keyboard.type(text);
}

const editorText = () => browser.page.locator(".cm-content").textContent();

describe("the web app for a reader, in chromium", () => {
  it("main page before a run: fits from 390 to 1600 px, the progress bar keeps a usable width", async () => {
    await browser.page.goto(browser.url);
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    await fitsAtEveryWidth("main-before", async () => {
      const bar = await browser.page.locator("#progress").boundingBox();
      expect(bar!.width).toBeGreaterThanOrEqual(150);
      const editor = await browser.page.locator("#editor").boundingBox();
      expect(editor!.width).toBeLessThanOrEqual((await pageWidth(browser.page)).innerWidth);
    });
  });

  it("runs an edited scenario with some options; the runs list shows options, perspectives, seed and 'edited'", async () => {
    await typeAtEndOfLine(5, " (edited)");
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    const boxes = browser.page.locator("#option-picker input");
    const total = await boxes.count();
    await boxes.nth(total - 1).uncheck();
    await browser.page.fill("#trajectories", "300");
    await browser.page.fill("#seed", "77");
    await browser.page.click("#run-button");
    await waitForText(browser.page, "progress-text", "100 %");
    await browser.page.waitForSelector("#summary-table");
    const row = browser.page.locator("#runs-list tr[data-run]").first();
    await row.waitFor();
    runId = (await row.getAttribute("data-run"))!;
    const cells = await row.locator("td").allTextContents();
    expect(cells[2]).toBe("edited");
    const chosen = await browser.page.locator("#option-picker input:checked").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(cells[3]).toBe(chosen.join(", "));
    const perspectives = await browser.page.locator("#perspective-picker input:checked").evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(cells[4]).toBe(perspectives.join(", "));
    expect(cells[5]).toBe("77");
    result = (await (await browser.page.request.get(`${browser.url}api/runs/${runId}`)).json()).result as EvaluationResult;
    expect(result.options).toHaveLength(total - 1);
  });

  it("the summary names the lowest-loss option under each perspective, its lead, and whether it exceeds SE₁ + SE₂", async () => {
    const rows = browser.page.locator("#summary-table tbody tr");
    expect(await rows.count()).toBe(result.perspectives.length);
    for (const p of result.perspectives) {
      const cells = result.results.filter((r) => r.perspective === p.id).sort((a, b) => a.outcomes.loss.mean - b.outcomes.loss.mean);
      const row = browser.page.locator(`#summary-table tr[data-perspective="${p.id}"]`);
      expect(await row.getAttribute("data-best")).toBe(cells[0].option);
      const clear = cells[1].outcomes.loss.mean - cells[0].outcomes.loss.mean > cells[0].outcomes.loss.se + cells[1].outcomes.loss.se;
      expect(await row.getAttribute("data-clear")).toBe(String(clear));
      expect(await row.textContent()).toContain(`${(cells[1].outcomes.loss.mean - cells[0].outcomes.loss.mean).toFixed(3)} lower than ${cells[1].option}`);
    }
    // the summary comes before the outcome table
    const [summaryTop, tableTop] = await Promise.all([browser.page.locator("#summary").boundingBox(), browser.page.locator("#outcome-table").boundingBox()]);
    expect(summaryTop!.y).toBeLessThan(tableTop!.y);
    for (const topic of ["summary", "weights", "perspectives", "se", "heatmap", "survival"]) expect(await browser.page.locator(`details.help[data-help="${topic}"]`).count(), topic).toBeGreaterThan(0);
  });

  it("each perspective shows its source and what it changes: parameter with meaning and unit, baseline prior against its own, the claim", async () => {
    expect(await browser.page.locator("#perspective-sources section.perspective").count()).toBe(result.perspectives.length);
    const run = (await (await browser.page.request.get(`${browser.url}api/runs/${runId}`)).json()) as { scenarioText: string };
    const read = (await (await browser.page.request.post(`${browser.url}api/validate`, { data: { scenario: run.scenarioText } })).json()) as { scenario: ScenarioSummary };
    const changing = read.scenario.perspectives.filter((p) => result.perspectives.some((r) => r.id === p.id) && (p.overrides ?? []).length > 0);
    expect(changing.length).toBeGreaterThan(0);
    for (const p of changing) {
      const section = browser.page.locator(`#perspective-sources section[data-perspective="${p.id}"]`);
      expect(await section.locator(".perspective-source").textContent()).toBe(`Source: ${p.source}`);
      // each table opens on demand; its summary names the parameters it changes
      const summary = section.locator(".overrides-details > summary");
      expect(await summary.textContent()).toMatch(new RegExp(`^What it changes: ${p.overrides!.length} priors? replaced \\(`));
      await summary.click();
      const rows = section.locator(`#overrides-${p.id} tbody tr`);
      await rows.first().waitFor();
      expect(await rows.count()).toBe(p.overrides!.length);
      const first = p.overrides![0];
      const cells = await rows.first().locator("th, td").allTextContents();
      expect(cells).toEqual([`${parameterLabel(first.parameter)} ${first.parameter}`, parameterUnit(first.parameter), first.baseline, first.prior, first.source]);
    }
  });

  it("each perspective's stated conclusions are judged on the run's estimates, those the run cannot judge named", async () => {
    const run = (await (await browser.page.request.get(`${browser.url}api/runs/${runId}`)).json()) as { scenarioText: string };
    const read = (await (await browser.page.request.post(`${browser.url}api/validate`, { data: { scenario: run.scenarioText } })).json()) as { scenario: ScenarioSummary };
    const schools = read.scenario.perspectives.filter((p) => result.perspectives.some((r) => r.id === p.id) && (p.conclusions ?? []).length > 0);
    expect(schools.map((p) => p.id).sort()).toEqual(["deterrence", "evidence", "influence-realism", "restraint"]);
    for (const p of schools) {
      const report = judgeConclusions({ [p.id]: p.conclusions! }, result);
      const section = browser.page.locator(`#perspective-sources section[data-perspective="${p.id}"]`);
      const summary = section.locator(".conclusions-details > summary");
      expect(await summary.textContent()).toBe(`Its stated conclusions: ${report.conclusions.length} judged, ${report.as_stated} as the scenario states`);
      await summary.click();
      const rows = section.locator(`#conclusions-${p.id} tbody tr`);
      // a perspective whose every conclusion compares an option the run left out has no table, only their names
      if (report.conclusions.length > 0) await rows.first().waitFor();
      expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-conclusion"), tr.getAttribute("data-status")]))).toEqual(report.conclusions.map((v) => [v.id, v.status]));
      // the run left out its last option: a conclusion comparing it is named, not judged
      if (report.skipped.length > 0) expect(await section.locator(".conclusions-details").textContent()).toContain(`Not judged: ${report.skipped.map(describeSkipped).join("; ")}.`);
    }
    expect(schools.some((p) => judgeConclusions({ [p.id]: p.conclusions! }, result).skipped.some((x) => x.missing.includes("un-peacekeeping")))).toBe(true);
  });

  it("the loss is exactly the weighted sum of the outcome means, so edited weights re-rank at once, without SEs", async () => {
    // the claim the re-weighting rests on, checked on the simulator's own numbers (a perspective may weigh with its own weights)
    for (const r of result.results) {
      const sum = Object.entries(lossWeightsOf(result, r.perspective)).reduce((s, [k, w]) => s + (w as number) * r.outcomes[k as keyof typeof r.outcomes].mean, 0);
      expect(sum).toBeCloseTo(r.outcomes.loss.mean, 9);
    }
    expect(await browser.page.locator("#loss-formula").textContent()).toMatch(/^loss = 0\.08333·expected_war_months_before_nuclear \+ 2·p_direct_guarantor_war \+ 20·p_nuclear_use \+ 3·p_sphere_at_horizon$/);
    for (const name of Object.keys(result.loss_weights)) await browser.page.fill(`#weight-${name}`, "0");
    await browser.page.fill("#weight-p_accept", "-1");
    // loss = −P(accept): the option most often accepted ranks first under every perspective
    for (const p of result.perspectives) {
      const cells = result.results.filter((r) => r.perspective === p.id);
      const mostAccepted = cells.reduce((a, b) => (b.outcomes.p_accept.mean > a.outcomes.p_accept.mean ? b : a));
      const row = browser.page.locator(`#summary-table tr[data-perspective="${p.id}"]`);
      expect(await row.getAttribute("data-best")).toBe(mostAccepted.option);
      expect(await row.getAttribute("data-clear")).toBe("unknown");
      expect(await row.textContent()).toMatch(/SE unavailable/);
    }
    expect(await browser.page.locator("#loss-formula").textContent()).toBe("loss = -1·p_accept (edited)");
    await browser.page.click("#weights-reset");
    expect(await browser.page.locator("#summary-table tr").nth(1).getAttribute("data-clear")).not.toBe("unknown");
  });

  it("heat map: the loss by default, a colour legend, shades within a perspective, text at ≥ 4.5:1 that fits its cell", async () => {
    expect(await browser.page.locator("#result-outcome").inputValue()).toBe("loss");
    expect(await browser.page.locator("#figure-heatmap h3").textContent()).toMatch(/loss/i);
    expect(await browser.page.locator("#figure-heatmap .ramp rect").count()).toBe(5);
    const cells = await browser.page.locator("#figure-heatmap .mark-rect").evaluateAll((rects) =>
      rects.map((r) => {
        const rect = r as unknown as { getAttribute(n: string): string; getBBox(): { width: number }; nextElementSibling: { getAttribute(n: string): string; getBBox(): { width: number } } };
        return { fill: rect.getAttribute("fill"), text: rect.nextElementSibling.getAttribute("fill"), cell: rect.getBBox().width, label: rect.nextElementSibling.getBBox().width };
      }),
    );
    expect(cells).toHaveLength(result.options.length * result.perspectives.length);
    for (const c of cells) {
      expect(contrastRatio(c.text, c.fill)).toBeGreaterThanOrEqual(4.5);
      expect(c.label).toBeLessThanOrEqual(c.cell);
    }
    // within each perspective (column), one option is the lightest and one the darkest
    const csv = await download(browser.page, () => browser.page.click("#figure-heatmap [data-export=csv]"));
    const rows = csv.text.trimEnd().split("\r\n").slice(1).map((r) => r.split(","));
    for (const p of result.perspectives) {
      const shades = rows.filter((r) => r[1] === p.id).map((r) => Number(r[5]));
      expect(Math.min(...shades)).toBe(0);
      expect(Math.max(...shades)).toBe(1);
    }
  });

  it("survival in years, every option named at its end, the chosen option highlighted", async () => {
    expect(await browser.page.locator("#figure-survival .x-axis").textContent()).toContain("years since the settlement");
    expect(await browser.page.locator("#figure-survival .direct-label").count()).toBe(result.options.length);
    const second = result.options[1].id;
    await browser.page.selectOption("#result-option", second);
    expect(await browser.page.locator("#figure-survival .mark-line").last().getAttribute("stroke-width")).toBe("3.5");
    expect(await browser.page.locator("#figure-survival .mark-line title").last().textContent()).toMatch(new RegExp(`^${second}:`));
    expect(await browser.page.locator("#figure-survival .mark-area").count()).toBe(1);
  });

  it("exports carry title, perspective, option, seed and source, in files named for what they hold", async () => {
    const perspective = await browser.page.locator("#result-perspective").inputValue();
    const option = await browser.page.locator("#result-option").inputValue();
    const png = await download(browser.page, () => browser.page.click("#figure-survival [data-export=png]"));
    expect(png.name).toBe(`ukraine-settlement-2025-edited_survival_${perspective}_${option}_seed77.png`);
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
    const svg = await download(browser.page, () => browser.page.click("#figure-states [data-export=svg]"));
    expect(svg.name).toBe(`ukraine-settlement-2025-edited_states_${perspective}_${option}_seed77.svg`);
    const texts = [...svg.text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(texts).toContain("States over time:");
    expect(texts).toContain(`perspective: ${perspective} · option: ${option} · seed 77 · Ukraine settlement 2025 (edited) · source: guarantor`);
    expect(texts).toContain(`run ${runId.slice(0, 8)}`);
    for (const id of ["states", "alignment", "survival", "heatmap"]) {
      const csv = await download(browser.page, () => browser.page.click(`#figure-${id} [data-export=csv]`));
      expect(csv.text.split("\r\n")[0].split(",").slice(0, 2), id).toEqual(["option", "perspective"]);
    }
  });

  it("main page after a run: fits at every width; the outcome table scrolls in its own box with a cue, options as rows when narrow", async () => {
    await browser.page.reload();
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    await browser.page.setViewportSize({ width: 390, height: 900 });
    await browser.page.locator("#runs-list button", { hasText: "Open" }).first().click();
    await browser.page.waitForSelector("#figure-heatmap .mark-rect");
    expect(await browser.page.locator("#outcome-table").getAttribute("class")).toContain("options-as-rows");
    const box = browser.page.locator(".scroll-wrap:has(#outcome-table)");
    expect(await box.getAttribute("class")).toContain("overflowing");
    expect(await box.locator(".scroll-hint").isVisible()).toBe(true);
    expect(await box.locator(".scroll-box").getAttribute("aria-label")).toMatch(/scroll →/);
    await fitsAtEveryWidth("main-after", async (width) => {
      const chart = await browser.page.locator("#figure-survival svg").boundingBox();
      expect(chart!.x + chart!.width).toBeLessThanOrEqual(width);
      // narrower than the chart, it is laid out again at the width it has: its text keeps its size
      const drawn = Number(await browser.page.locator("#figure-survival svg").getAttribute("width"));
      if (width < 640) expect(Math.abs(drawn - chart!.width)).toBeLessThanOrEqual(8);
      else expect(drawn).toBe(640);
      expect(await browser.page.locator("#summary-table").isVisible()).toBe(true);
    });
  });

  it("asks before Open replaces unsaved edits and before Delete", async () => {
    await typeAtEndOfLine(5, " again");
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    let asked = "";
    browser.page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await browser.page.locator("#runs-list button", { hasText: "Open" }).first().click();
    expect(asked).toMatch(/not saved/);
    expect(await editorText()).toContain("(edited) again");
    browser.page.once("dialog", (d) => void d.accept());
    await browser.page.locator("#runs-list button", { hasText: "Open" }).first().click();
    await expect.poll(editorText).not.toContain("(edited) again");
    expect(await editorText()).toContain("Ukraine settlement 2025 (edited)");

    browser.page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await browser.page.locator("#runs-list button", { hasText: "Delete" }).first().click();
    expect(asked).toMatch(/^Delete the run of .*seed 77.*cannot be recovered/);
    expect(await browser.page.locator("#runs-list tr[data-run]").count()).toBe(1);
    // kept for the analysis page below: deleting is tested on a second run
    const second = await (await browser.page.request.post(`${browser.url}api/runs/${runId}/rerun`, { data: {} })).json() as { id: string };
    await expect.poll(async () => ((await (await browser.page.request.get(`${browser.url}api/runs/${second.id}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe("finished");
    await browser.page.reload();
    await browser.page.waitForSelector(`#runs-list tr[data-run="${second.id}"]`);
    browser.page.once("dialog", (d) => void d.accept());
    await browser.page.locator(`#runs-list tr[data-run="${second.id}"] button`, { hasText: "Delete" }).click();
    await browser.page.waitForSelector(`#runs-list tr[data-run="${second.id}"]`, { state: "detached" });
    expect(await browser.page.locator("#runs-list tr[data-run]").count()).toBe(1);
  });

  it("evidence page: fits at every width; reliability dots sized and labelled by count, no lines; help for Brier and Kaplan–Meier", async () => {
    await browser.page.goto(`${browser.url}evidence.html`);
    await browser.page.waitForSelector("#figure-reliability-ceasefires-5y .mark-dot");
    await browser.page.waitForSelector("#figure-km-ceasefires-peacekeeping .mark-line");
    const figure = browser.page.locator("#figure-reliability-ceasefires-5y");
    expect(await figure.locator(".mark-line").count()).toBe(0);
    const dots = await figure.locator(".mark-dot").count();
    expect(await figure.locator(".dot-label").count()).toBe(dots);
    const radii = new Set(await figure.locator(".mark-dot").evaluateAll((cs) => cs.map((c) => (c as unknown as { getAttribute(n: string): string }).getAttribute("r"))));
    expect(radii.size).toBeGreaterThan(1);
    expect(await figure.locator(".dot-label").first().textContent()).toMatch(/^n=\d+$/);
    for (const topic of ["brier", "reliability", "kaplanMeier"]) expect(await browser.page.locator(`details.help[data-help="${topic}"]`).count(), topic).toBe(1);
    const png = await download(browser.page, () => figure.locator("[data-export=png]").click());
    expect(png.name).toMatch(/^civil-war-cease-fires-.*_reliability-5y-leave-one-out\.png$/);
    await fitsAtEveryWidth("evidence");
  });

  it("analysis page: works on the scenario in the editor, fits before and after an analysis, clears a stale chart", async () => {
    await browser.page.goto(browser.url);
    await browser.page.waitForSelector("#validation.ok", { timeout: 20_000 });
    await typeAtEndOfLine(5, " for analysis");
    // the main page shares each valid scenario in the editor with the other pages
    await expect.poll(() => browser.page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem("guarantor.editor-scenario") ?? ""), { timeout: 20_000 }).toContain("2025 for analysis");
    await browser.page.goto(`${browser.url}analysis.html`);
    await browser.page.waitForSelector("#run-morris:not([disabled])", { timeout: 20_000 });
    expect(await browser.page.locator("#scenario-status").textContent()).toMatch(/^Working on the scenario in the editor: Ukraine settlement 2025 for analysis \(/);
    expect(await browser.page.locator("#c-perspective option").count()).toBeGreaterThan(1);
    expect(await browser.page.locator("#s-sobol-warning").textContent()).toMatch(/at least 64/);
    await fitsAtEveryWidth("analysis-before");
    await browser.page.fill("#s-trajectories", "40");
    await browser.page.fill("#s-morris", "2");
    await browser.page.click("#run-morris");
    await browser.page.waitForSelector("#figure-tornado .mark-rect", { timeout: 90_000 });
    expect(await browser.page.locator('#figure-tornado details.help[data-help="morris"]').count()).toBe(1);
    const legend = await browser.page.locator("#figure-tornado .legend").textContent();
    expect(legend).toMatch(/raises/);
    await fitsAtEveryWidth("analysis-after");
    await browser.page.selectOption("#s-outcome", "p_nuclear_use");
    expect(await browser.page.locator("#figure-tornado").count()).toBe(0);
    expect(await browser.page.locator("#s-status").textContent()).toMatch(/cleared/);
  }, 120_000);

  it("evidence and analysis pages: the simulator on the scenario in the editor, a stored run's, or the bundled one", async () => {
    const note = () => browser.page.locator("#bt-note").textContent();
    await browser.page.goto(`${browser.url}evidence.html`);
    await browser.page.waitForSelector("#bt-scores", { timeout: 60_000 });
    expect(await browser.page.locator("#scenario-status").textContent()).toMatch(/^The simulator's forecasts use the model of the scenario in the editor: Ukraine settlement 2025 for analysis\./);
    expect(await note()).toMatch(/the scenario "Ukraine settlement 2025 for analysis"/);
    await browser.page.selectOption("#scenario-choice", "bundled");
    await expect.poll(note, { timeout: 60_000 }).toMatch(/the scenario "Ukraine settlement 2025" \(/);
    // the model's priors, as `guarantor backtest --evidence-priors --ceasefire-spoilers` chooses them
    await browser.page.selectOption("#bt-priors", "uncalibrated");
    await expect.poll(note, { timeout: 60_000 }).toMatch(/Its priors: guarantor's simulator \(evidence priors without the registry's calibrated entries, the inter-state spoiler rate in the cease-fires,/);
    await browser.page.selectOption("#bt-priors", "interstate");
    await expect.poll(note, { timeout: 60_000 }).toMatch(/Its priors: guarantor's simulator \(evidence priors, the inter-state spoiler rate in the cease-fires,/);
    // the inter-state dyads have no cease-fire spoiler rate: those choices are disabled, and the page falls back to the calibrated priors
    await browser.page.selectOption("#bt-data", "interstate");
    await expect.poll(note, { timeout: 60_000 }).not.toMatch(/Its priors/);
    expect(await browser.page.locator("#bt-priors").inputValue()).toBe("registry");
    expect(await browser.page.locator('#bt-priors option[value="refit"]').isDisabled()).toBe(true);
    expect(await browser.page.locator('#bt-priors option[value="uncalibrated"]').isDisabled()).toBe(false);
    await browser.page.selectOption("#bt-data", "ceasefires");
    await browser.page.goto(`${browser.url}evidence.html?run=${runId}`);
    await expect.poll(note, { timeout: 60_000 }).toMatch(/the scenario "Ukraine settlement 2025 \(edited\)"/);
    expect(await browser.page.locator("#scenario-status").textContent()).toContain(`the scenario of run ${runId.slice(0, 8)}`);
    await fitsAtEveryWidth("evidence-run");
    // the results link to both pages on the run's scenario
    await browser.page.goto(`${browser.url}analysis.html?run=${runId}`);
    await browser.page.waitForSelector("#run-morris:not([disabled])", { timeout: 20_000 });
    expect(await browser.page.locator("#scenario-status").textContent()).toMatch(new RegExp(`^Working on the scenario of run ${runId.slice(0, 8)}: Ukraine settlement 2025 \\(edited\\)`));
  }, 180_000);

  it("logged no errors", () => {
    expect(browser.harness.consoleErrors.join("\n")).toBe("");
  });
});
