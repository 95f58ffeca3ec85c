import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../src/server/http-errors.js";
import { registerReportApi } from "../../src/server/report-api.js";
import type { ReportRequest } from "../../src/server/report-worker.js";
import { RunStore } from "../../src/store/run-store.js";
import { FAKE_SCENARIO } from "./fake-engine.js";

let store: RunStore;
let app: Hono;
let built: ReportRequest[];
let release: () => void;
let gate: Promise<void>;

const RESULT = { scenario: "Fake scenario: two options", seed: 9 } as unknown as NonNullable<ReportRequest["result"]>;

beforeEach(() => {
  store = new RunStore(":memory:");
  built = [];
  gate = new Promise((resolve) => (release = resolve));
  app = new Hono();
  app.onError(errorResponse);
  registerReportApi(app, { store, programVersion: "9.9.9" }, async (request) => {
    built.push(request);
    await gate;
    return `<!DOCTYPE html><title>report of seed ${request.result.seed}</title>`;
  });
});
afterEach(() => store.close());

function finishedRun(): string {
  const run = store.create({ scenarioName: "fake", scenarioText: FAKE_SCENARIO, seed: 9, trajectories: 10, options: null, perspectives: null, programVersion: "9.9.9" });
  store.markRunning(run.id);
  store.finish(run.id, RESULT);
  return run.id;
}

describe("GET /api/runs/{id}/report.html", () => {
  it("builds a finished run's report once, as an attachment named for the scenario and seed", async () => {
    const id = finishedRun();
    release();
    const res = await app.request(`/api/runs/${id}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="fake-scenario-two-options_report_seed9.html"');
    expect(await res.text()).toBe("<!DOCTYPE html><title>report of seed 9</title>");
    expect(built).toEqual([{ scenarioText: FAKE_SCENARIO, result: RESULT, version: "9.9.9" }]);
    await app.request(`/api/runs/${id}/report.html`);
    expect(built).toHaveLength(1);
  });

  it("is a 404 for an unknown run, a 409 for an unfinished one, a 503 when two reports wait", async () => {
    const unknown = await app.request("/api/runs/00000000-0000-4000-8000-000000000000/report.html");
    expect(unknown.status).toBe(404);
    const queued = store.create({ scenarioName: "fake", scenarioText: FAKE_SCENARIO, seed: 1, trajectories: 10, options: null, perspectives: null, programVersion: "9.9.9" });
    const unfinished = await app.request(`/api/runs/${queued.id}/report.html`);
    expect(unfinished.status).toBe(409);
    expect(((await unfinished.json()) as { error: string }).error).toBe("the run is queued, so it has no results to report");

    const [a, b, c] = [finishedRun(), finishedRun(), finishedRun()];
    const first = app.request(`/api/runs/${a}/report.html`);
    const second = app.request(`/api/runs/${b}/report.html`);
    const third = await app.request(`/api/runs/${c}/report.html`);
    expect(third.status).toBe(503);
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });
});
