import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { AnalysisJobs, type AnalysisRunner } from "../../src/server/analysis-jobs.js";
import { runAnalysis } from "../../src/server/analysis-runner.js";
import { createApp } from "../../src/server/app.js";
import { openApiDocument } from "../../src/server/openapi.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { RunManager } from "../../src/server/run-manager.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { RunStore } from "../../src/store/run-store.js";
import { fakeEngine } from "./fake-engine.js";

const SCENARIO = readFileSync(bundledScenarioPath(), "utf8");
/** parameters of the bundled scenario whose baseline prior is not a fixed value */
const UNCERTAIN_BASELINE = Object.values(loadScenarioText(SCENARIO, "s.yaml").parameters).filter((p) => p.dist !== "fixed").length;
const store = new RunStore(":memory:");
afterAll(() => store.close());

/** The real analysis, in-process (the worker thread is tested through the browser test). */
function appWith(runner: AnalysisRunner, pending = 4) {
  const engine = fakeEngine();
  const analyses = new AnalysisJobs(runner, { pending, kept: 8 });
  const app = createApp({
    engine, store, runs: new RunManager(store, engine, { programVersion: "9.9.9" }), staticFiles: new Map(),
    defaultScenario: { name: "fake", text: "" }, programVersion: "9.9.9", analyses,
  });
  return { app, analyses };
}

const post = (app: ReturnType<typeof appWith>["app"], path: string, body: unknown) =>
  app.request(`http://127.0.0.1${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("sensitivity and crux analyses as jobs", () => {
  it("runs a small Morris screening, streams progress over SSE and keeps the result", async () => {
    const { app, analyses } = appWith(runAnalysis);
    const res = await post(app, "/api/analyses/sensitivity", { scenario: SCENARIO, method: "morris", option: "article5-treaty", versus: "ceasefire-only", trajectories: 40, morrisTrajectories: 2 });
    expect(res.status).toBe(202);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(["queued", "running"]).toContain(status);
    // the size is known as soon as the job is accepted (no "0 of 0")
    const accepted = (await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as { progress: { done: number; total: number } };
    const total = accepted.progress.total;
    expect(total).toBeGreaterThan(0);
    const events = await (await app.request(`http://127.0.0.1/api/analyses/${id}/events`)).text();
    expect(events).toMatch(/event: end\ndata: \{"status":"finished","error":null\}/);
    // every event carries the same size, the bar never goes back, and it ends full (how many events a
    // client sees depends on when it connects, so their number is not asserted)
    const progress = [...events.matchAll(/event: progress\ndata: (\{.*\})/g)].map((m) => JSON.parse(m[1]) as { done: number; total: number });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1].done)).toBe(true);
    expect(progress.at(-1)?.done).toBe(total);
    await analyses.idle();
    const job = (await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as {
      status: string; result: { kind: string; report: { method: string; label: string; rows: { muStar: { estimate: number; low: number; high: number } }[] } };
    };
    expect(job.status).toBe("finished");
    expect(job.result.report.method).toBe("morris");
    expect(job.result.report.label).toBe("loss(article5-treaty) − loss(ceasefire-only)");
    expect(job.result.report.rows.length).toBeGreaterThan(5);
    for (const row of job.result.report.rows) expect(row.muStar.low).toBeLessThanOrEqual(row.muStar.high);
  }, 60_000);

  it("refuses a request naming an unknown option, perspective or parameter with a 422 before accepting it", async () => {
    const { app } = appWith(runAnalysis);
    const res = await post(app, "/api/analyses/sensitivity", { scenario: SCENARIO, method: "sobol", option: "no-such-option", perspective: "nobody", parameters: ["moral_hazard", "no_such_parameter"] });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/unknown option "no-such-option"; the scenario has: /);
    expect(error).toMatch(/unknown perspective "nobody"/);
    expect(error).toMatch(/unknown parameter "no_such_parameter"/);
  });

  it("refuses an invalid scenario with a 422 carrying its problems, before accepting it", async () => {
    const { app } = appWith(runAnalysis);
    const res = await post(app, "/api/analyses/cruxes", { scenario: "name: [unclosed" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
  });

  it("passes crux requests with their defaults to the runner", async () => {
    const seen: unknown[] = [];
    const { app, analyses } = appWith(async (request, onProgress) => {
      seen.push(request);
      onProgress({ done: 1, total: 1 });
      return { kind: "cruxes", report: {} as never, map: null, mapNote: "none" };
    });
    const res = await post(app, "/api/analyses/cruxes", { scenario: SCENARIO, map: ["moral_hazard", "resolve_discount"] });
    expect(res.status).toBe(202);
    await analyses.idle();
    expect(seen[0]).toMatchObject({ kind: "cruxes", outcome: "loss", trajectories: 200, gridPoints: 4, mapResolution: 4, map: ["moral_hazard", "resolve_discount"] });
    // no seed in the request: the runner takes the scenario's, else the library's default, as the CLI does
    expect((seen[0] as { seed?: number }).seed).toBeUndefined();
  });

  it("cancel stops a running analysis and never forgets it; DELETE of a running one is a 409", async () => {
    const { app, analyses } = appWith((_request, _progress, signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))));
    const { id } = (await (await post(app, "/api/analyses/cruxes", { scenario: SCENARIO })).json()) as { id: string };
    const busy = await app.request(`http://127.0.0.1/api/analyses/${id}`, { method: "DELETE" });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: string }).error).toMatch(/waiting or running: cancel it first/);
    const res = await post(app, `/api/analyses/${id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: "cancelled" });
    await analyses.idle();
    expect(((await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as { status: string }).status).toBe("cancelled");
  });

  it("a Cancel that arrives just after the analysis ended keeps its result: 409; DELETE then forgets it", async () => {
    let finish = () => {};
    const result = { kind: "cruxes" as const, report: { cruxes: [] } as never, map: null, mapNote: "none" };
    const { app, analyses } = appWith(() => new Promise((resolve) => (finish = () => resolve(result))));
    const { id } = (await (await post(app, "/api/analyses/cruxes", { scenario: SCENARIO })).json()) as { id: string };
    finish();
    await analyses.idle();
    const late = await post(app, `/api/analyses/${id}/cancel`, {});
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toBe("the analysis has already ended (finished); there is nothing to cancel");
    const job = (await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as { status: string; result: unknown };
    expect(job).toMatchObject({ status: "finished", result });
    expect((await app.request(`http://127.0.0.1/api/analyses/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await app.request(`http://127.0.0.1/api/analyses/${id}`)).status).toBe(404);
  });

  it.each([
    ["morris", { method: "morris", option: "article5-treaty", morrisTrajectories: 3 }, (k: number) => 3 * (k + 1)],
    ["sobol", { method: "sobol", option: "article5-treaty", baseSamples: 16 }, (k: number) => 16 * (k + 2)],
    ["morris over named parameters", { method: "morris", option: "article5-treaty", parameters: ["moral_hazard", "resolve_discount"], morrisTrajectories: 5 }, () => 5 * 3],
  ])("a %s analysis knows its size when it is submitted", async (_name, body, expected) => {
    const { app, analyses } = appWith((_request, _progress, signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))));
    const { id } = (await (await post(app, "/api/analyses/sensitivity", { scenario: SCENARIO, ...body })).json()) as { id: string };
    const job = (await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as { progress: { done: number; total: number } };
    expect(job.progress).toEqual({ done: 0, total: expected(UNCERTAIN_BASELINE) });
    analyses.cancelAll();
    await analyses.idle();
  });

  it("a crux analysis knows its size when it is submitted: the scan's settings and the map's cells", async () => {
    const { app, analyses } = appWith((_request, _progress, signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))));
    const { id } = (await (await post(app, "/api/analyses/cruxes", { scenario: SCENARIO, parameters: ["moral_hazard", "resolve_discount", "window_rate_per_year"], gridPoints: 5, mapResolution: 3 })).json()) as { id: string };
    const job = (await (await app.request(`http://127.0.0.1/api/analyses/${id}`)).json()) as { progress: { done: number; total: number } };
    expect(job.progress).toEqual({ done: 0, total: 3 * 5 + 3 * 3 });
    analyses.cancelAll();
    await analyses.idle();
  });

  it("refuses more waiting analyses than the limit with 503", async () => {
    let release = () => {};
    const { app, analyses } = appWith(() => new Promise((resolve) => (release = () => resolve({ kind: "cruxes", report: {} as never, map: null, mapNote: null }))), 2);
    expect((await post(app, "/api/analyses/cruxes", { scenario: SCENARIO })).status).toBe(202);
    expect((await post(app, "/api/analyses/cruxes", { scenario: SCENARIO })).status).toBe(202);
    const busy = await post(app, "/api/analyses/cruxes", { scenario: SCENARIO });
    expect(busy.status).toBe(503);
    expect(((await busy.json()) as { error: string }).error).toMatch(/2 analyses are already waiting or running/);
    release();
    await new Promise((r) => setTimeout(r, 10));
    release();
    await analyses.idle();
  });

  it.each([
    [{ scenario: "x", method: "morris", option: "a", trajectories: 1_000_000 }, /trajectories: Too big: expected number to be <=4000/],
    [{ scenario: "x", method: "morris", option: "a", morrisTrajectories: 500 }, /morrisTrajectories: Too big/],
    [{ scenario: "x", method: "sobol", option: "a", baseSamples: 4096 }, /baseSamples: Too big/],
    [{ scenario: "x", method: "sobol", option: "a", bootstrap: 10 }, /bootstrap: Too small/],
    [{ scenario: "x", method: "fast", option: "a" }, /method: Invalid option/],
    [{ scenario: "x", method: "morris", option: "a", outcome: "happiness" }, /outcome: Invalid option/],
    [{ scenario: "x", method: "morris", option: "a", versus: "a" }, /versus: must differ from option/],
    [{ scenario: "x", method: "morris", option: "a", path: "/etc/passwd" }, /Unrecognized key: "path"/],
  ])("refuses a bad sensitivity request with a precise 400 (%#)", async (body, message) => {
    const { app } = appWith(runAnalysis);
    const res = await post(app, "/api/analyses/sensitivity", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it.each([
    [{ scenario: "x", gridPoints: 100 }, /gridPoints: Too big/],
    [{ scenario: "x", mapResolution: 1 }, /mapResolution: Too small/],
    [{ scenario: "x", map: ["a", "a"] }, /the two axes must be different parameters/],
    [{ scenario: "x", options: ["only-one"] }, /options: Too small/],
  ])("refuses a bad crux request with a precise 400 (%#)", async (body, message) => {
    const { app } = appWith(runAnalysis);
    const res = await post(app, "/api/analyses/cruxes", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it("answers 404 for an unknown or malformed analysis id", async () => {
    const { app } = appWith(runAnalysis);
    expect((await app.request("http://127.0.0.1/api/analyses/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await app.request("http://127.0.0.1/api/analyses/..%2F..%2Fetc/events")).status).toBe(404);
  });

  it("is described in /openapi.json", () => {
    const paths = Object.keys((openApiDocument("1") as { paths: object }).paths);
    expect(paths).toEqual(expect.arrayContaining(["/api/analyses/sensitivity", "/api/analyses/cruxes", "/api/analyses/{id}", "/api/analyses/{id}/events"]));
  });
});
