import { describe, expect, it } from "vitest";
import type { CasesAnswer } from "../../src/contract/cases.js";
import { createApp } from "../../src/server/app.js";
import { RunManager } from "../../src/server/run-manager.js";
import { RunStore } from "../../src/store/run-store.js";
import { fakeEngine } from "./fake-engine.js";

const store = new RunStore(":memory:");
const engine = fakeEngine();
const app = createApp({
  engine, store, runs: new RunManager(store, engine, { programVersion: "9.9.9" }), staticFiles: new Map(),
  defaultScenario: { name: "fake", text: "" }, programVersion: "9.9.9",
});

describe("GET /api/evidence/cases", () => {
  it("runs every library case under every perspective and scores each, kept for the next request", async () => {
    const res = await app.request("http://127.0.0.1/api/evidence/cases?trajectories=100");
    expect(res.status).toBe(200);
    const body = (await res.json()) as CasesAnswer;
    expect(body.cases.length).toBeGreaterThanOrEqual(15);
    expect(body.perspectives.map((p) => p.id)).toEqual(["baseline", "influence-realism", "restraint", "deterrence", "evidence"]);
    expect(body.runs).toHaveLength(body.cases.length * body.perspectives.length);
    expect(body.scores.map((s) => s.cases)).toEqual(body.perspectives.map(() => body.cases.length));
    expect(body.reference.perspective).toBe("base-rate");
    expect(body).toMatchObject({ seed: 20251, trajectories: 100 });
    const again = (await (await app.request("http://127.0.0.1/api/evidence/cases?trajectories=100")).json()) as CasesAnswer;
    expect(again).toEqual(body);
  }, 300_000);

  it("refuses a trajectory count it does not offer with a precise 400", async () => {
    const res = await app.request("http://127.0.0.1/api/evidence/cases?trajectories=7");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/trajectories/);
  });
});
