import { OUTCOMES } from "../../src/contract/outcomes.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/server/app.js";
import { RunManager } from "../../src/server/run-manager.js";
import { LIMITS } from "../../src/server/schemas.js";
import { RunStore } from "../../src/store/run-store.js";
import type { Hono } from "hono";
import { FAKE_SCENARIO, fakeEngine, fakeResult } from "./fake-engine.js";

let store: RunStore;
let runs: RunManager;
let app: Hono;
let engine: ReturnType<typeof fakeEngine>;

beforeEach(() => {
  store = new RunStore(":memory:");
  engine = fakeEngine();
  runs = new RunManager(store, engine, { programVersion: "9.9.9", maxPending: 3 });
  const staticFiles = new Map([["/", { body: Buffer.from("<!doctype html>app"), contentType: "text/html", immutable: false }]]);
  app = createApp({ engine, store, runs, staticFiles, defaultScenario: { name: "fake", text: FAKE_SCENARIO }, programVersion: "9.9.9" });
});
afterEach(async () => {
  await runs.idle();
  store.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function startRun(body: object = {}): Promise<string> {
  const res = await post("/api/runs", { scenario: FAKE_SCENARIO, seed: 3, trajectories: 50, ...body });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

describe("validate", () => {
  it("locates each problem by line and column", async () => {
    const res = await post("/api/validate", { scenario: "name: x\nbad: 1\n" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      valid: false,
      problems: [{ line: 2, column: 1, path: "bad", message: "unknown key bad" }],
    });
  });

  it("describes a valid scenario's options and perspectives", async () => {
    const body = (await (await post("/api/validate", { scenario: FAKE_SCENARIO })).json()) as { valid: boolean; scenario: { options: unknown[] } };
    expect(body.valid).toBe(true);
    expect(body.scenario.options).toHaveLength(2);
  });
});

describe("bad requests get a precise 4xx, never a stack trace", () => {
  it("malformed JSON is a 400 naming the problem", async () => {
    const res = await post("/api/validate", "{ scenario: ");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^the request body is not valid JSON/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("a body that is not JSON at all is a 415", async () => {
    const res = await post("/api/validate", "scenario=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });

  it("an oversized body is a 413 before it is parsed", async () => {
    const res = await post("/api/validate", { scenario: "x".repeat(LIMITS.bodyBytes + 10) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/larger than the limit/);
  });

  it("wrong field types, unknown fields and out-of-range numbers name the field", async () => {
    const cases: [object, RegExp][] = [
      [{ scenario: 42 }, /scenario: .*expected string/i],
      [{ scenario: FAKE_SCENARIO, trajectories: 10 ** 9 }, /trajectories: /],
      [{ scenario: FAKE_SCENARIO, seed: -1 }, /seed: /],
      [{ scenario: FAKE_SCENARIO, seed: 1.5 }, /seed: /],
      [{ scenario: FAKE_SCENARIO, colour: "red" }, /colour/],
      [[], /body: /],
    ];
    for (const [body, message] of cases) {
      const res = await post("/api/runs", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });

  it("a scenario with problems cannot be run: 422 with the problems", async () => {
    const res = await post("/api/runs", { scenario: "bad\n" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { problems: unknown[] }).problems).toHaveLength(1);
  });

  it("unknown options are named in a 422", async () => {
    const res = await post("/api/runs", { scenario: FAKE_SCENARIO, options: ["a", "zz"] });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toBe('unknown option "zz"; the scenario has: a, b');
  });

  it("ids that cannot be runs and unknown paths are 404s", async () => {
    expect((await app.request("/api/runs/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    expect((await app.request("/api/runs/00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await app.request("/api/nothing")).status).toBe(404);
    expect((await app.request("/../package.json")).status).toBe(404);
  });

  it("too many waiting runs is a 503, not an endless queue", async () => {
    for (let i = 0; i < 3; i++) await startRun();
    const res = await post("/api/runs", { scenario: FAKE_SCENARIO });
    expect(res.status).toBe(503);
  });

  it("foreign host names and cross-origin writes are refused", async () => {
    expect((await app.request("http://evil.example/api/runs")).status).toBe(403);
    const res = await post("/api/validate", { scenario: FAKE_SCENARIO }, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
  });

  it("an unexpected failure is a bare 500 with no internals", async () => {
    engine.validate = () => {
      throw new Error("secret detail at /home/x/file.ts:12");
    };
    const write = process.stderr.write;
    process.stderr.write = () => true;
    const res = await Promise.resolve(post("/api/validate", { scenario: FAKE_SCENARIO })).finally(() => (process.stderr.write = write));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/secret|file\.ts/);
  });
});

describe("runs", () => {
  it("run, watch progress, read, export, rerun with identical numbers, delete", async () => {
    const id = await startRun();
    const events = await (await app.request(`/api/runs/${id}/events`)).text();
    expect(events).toMatch(/event: end\ndata: {"status":"finished","error":null}/);
    const run = (await (await app.request(`/api/runs/${id}`)).json()) as { status: string; result: { seed: number }; programVersion: string };
    expect(run.status).toBe("finished");
    expect(run.result.seed).toBe(3);
    expect(run.result).toEqual(store.get(id)?.result);
    expect(await (await app.request(`/api/runs/${id}`)).text()).toBe(JSON.stringify({ ...run }));
    expect(run.programVersion).toBe("9.9.9");

    const csv = await app.request(`/api/runs/${id}/export.csv`);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="guarantor-run-.*\.csv"/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("option,perspective,outcome,mean,se,trajectories");
    expect(lines).toHaveLength(1 + 2 * 2 * OUTCOMES.length);

    const exported = (await (await app.request(`/api/runs/${id}/export.json`)).json()) as { run: { scenarioText: string } };
    expect(exported.run.scenarioText).toBe(FAKE_SCENARIO);

    const again = (await (await app.request(`/api/runs/${id}/rerun`, { method: "POST" })).json()) as { id: string };
    await runs.idle();
    expect(store.get(again.id)?.result).toEqual(store.get(id)?.result);

    expect((await app.request(`/api/runs/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await app.request(`/api/runs/${id}`)).status).toBe(404);
    expect(((await (await app.request("/api/runs")).json()) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it("streams progress events while running", async () => {
    engine.evaluate = fakeEngine({ msPerStep: 5, steps: 4 }).evaluate;
    const id = await startRun({ trajectories: 40 });
    const events = await (await app.request(`/api/runs/${id}/events`)).text();
    const done = [...events.matchAll(/event: progress\ndata: ({.*})/g)].map((m) => (JSON.parse(m[1]) as { done: number }).done);
    expect(done.at(-1)).toBe(40);
    expect(done.length).toBeGreaterThan(1);
  });

  it("a run that fails with bad input is stored as failed with the message", async () => {
    engine.evaluate = async () => {
      throw new (await import("../../src/errors.js")).InputError("no trajectories accepted");
    };
    const id = await startRun();
    await runs.idle();
    expect(store.summary(id)).toMatchObject({ status: "failed", error: "no trajectories accepted" });
    expect((await app.request(`/api/runs/${id}/export.csv`)).status).toBe(409);
  });

  it("POST cancel stops a running run and a waiting one: each ends as cancelled, is kept, and can then be deleted", async () => {
    engine.evaluate = fakeEngine({ msPerStep: 20, steps: 1000 }).evaluate;
    const id = await startRun();
    const next = await startRun();
    const events = Promise.resolve(app.request(`/api/runs/${id}/events`)).then((r) => r.text());
    const res = await app.request(`/api/runs/${id}/cancel`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
    expect(await events).toMatch(/event: end\ndata: {"status":"cancelled","error":"the run was cancelled while running"}/);
    expect(store.summary(id)).toMatchObject({ status: "cancelled", error: "the run was cancelled while running" });
    expect((await app.request(`/api/runs/${next}/cancel`, { method: "POST" })).status).toBe(200);
    expect(store.summary(next)?.status).toBe("cancelled");
    expect((await app.request(`/api/runs/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await app.request(`/api/runs/${next}`, { method: "DELETE" })).status).toBe(204);
    expect(store.summary(next)).toBeNull();
  });

  it("DELETE of a waiting or running run is a 409 that leaves it running", async () => {
    engine.evaluate = fakeEngine({ msPerStep: 20, steps: 1000 }).evaluate;
    const id = await startRun();
    const next = await startRun();
    for (const run of [id, next]) {
      const res = await app.request(`/api/runs/${run}`, { method: "DELETE" });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toMatch(/waiting or running: cancel it first/);
    }
    expect(store.summary(id)?.status).toBe("running");
    expect(store.summary(next)?.status).toBe("queued");
    expect(runs.cancel(id) && runs.cancel(next)).toBe(true);
  });

  it("a Cancel that arrives just after the run ended keeps the run: 409, and its results stay", async () => {
    // the race: the run finishes between the user's click and the request
    let finish = () => {};
    engine.evaluate = (_text, request) => new Promise((resolve) => (finish = () => resolve(fakeResult(request.seed, request.trajectories))));
    const id = await startRun();
    await vi.waitFor(() => expect(store.summary(id)?.status).toBe("running"));
    finish();
    await runs.idle();
    const late = await app.request(`/api/runs/${id}/cancel`, { method: "POST" });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toBe("the run has already ended (finished); there is nothing to cancel");
    const run = (await (await app.request(`/api/runs/${id}`)).json()) as { status: string; result: unknown };
    expect(run.status).toBe("finished");
    expect(run.result).toEqual(store.get(id)?.result);
    // asked again, still no deletion
    expect((await app.request(`/api/runs/${id}/cancel`, { method: "POST" })).status).toBe(409);
    expect(store.summary(id)?.status).toBe("finished");
  });

  it("cancel of an unknown run is a 404", async () => {
    expect((await app.request("/api/runs/00000000-0000-4000-8000-000000000000/cancel", { method: "POST" })).status).toBe(404);
  });
});

describe("headers and description", () => {
  it("every answer carries a strict content security policy and no-sniff", async () => {
    for (const path of ["/", "/api/runs", "/api/nothing"]) {
      const res = await app.request(path);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'.*script-src 'self'.*object-src 'none'/);
      expect(res.headers.get("content-security-policy")).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("serves an OpenAPI 3.1 description of every route", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/validate", "/api/runs", "/api/runs/{id}/events", "/api/runs/{id}/export.csv"]));
  });
});
