import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { RunStore, scenarioHash, type RunInput } from "../../src/store/run-store.js";
import { fakeResult } from "../server/fake-engine.js";

const input: RunInput = {
  scenarioName: "Fake",
  scenarioText: "name: Fake\n",
  seed: 7,
  trajectories: 100,
  options: ["a"],
  perspectives: null,
  programVersion: "0.1.0",
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "guarantor-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("run store", () => {
  it("keeps the inputs that reproduce a run, and its results once finished", () => {
    const store = new RunStore(join(dir, "runs.sqlite"));
    const run = store.create(input);
    expect(run.status).toBe("queued");
    expect(run.scenarioHash).toBe(scenarioHash(input.scenarioText));
    const result = fakeResult(7, 100, ["a"]);
    store.markRunning(run.id);
    store.finish(run.id, result);
    const back = store.get(run.id);
    expect(back?.status).toBe("finished");
    expect(back?.scenarioText).toBe(input.scenarioText);
    expect(back?.options).toEqual(["a"]);
    expect(back?.perspectives).toBeNull();
    expect(back?.result).toEqual(result);
    store.close();
  });

  it("survives reopening: the file is the store, in WAL mode", () => {
    const path = join(dir, "runs.sqlite");
    const first = new RunStore(path);
    const run = first.create(input);
    first.finish(run.id, fakeResult(7, 100));
    first.close();
    const second = new RunStore(path);
    expect(second.get(run.id)?.result?.seed).toBe(7);
    second.close();
    const raw = new Database(path);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it("marks runs left queued or running as interrupted, and leaves the others alone", () => {
    const store = new RunStore(":memory:");
    const queued = store.create(input);
    const running = store.create(input);
    store.markRunning(running.id);
    const finished = store.create(input);
    store.finish(finished.id, fakeResult(1, 10));
    expect(store.markInterrupted()).toBe(2);
    expect(store.summary(queued.id)?.status).toBe("interrupted");
    expect(store.summary(running.id)?.status).toBe("interrupted");
    expect(store.summary(finished.id)?.status).toBe("finished");
  });

  it("refuses a finished status without results (the schema enforces it)", () => {
    const path = join(dir, "runs.sqlite");
    new RunStore(path).close();
    const raw = new Database(path);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO runs (id, created_at, scenario_name, scenario_text, scenario_hash, seed, trajectories,
             program_version, status) VALUES ('x', 'now', 'n', 't', 'h', 1, 1, 'v', 'finished')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    raw.close();
  });

  it("lists newest first and deletes", () => {
    const store = new RunStore(":memory:");
    const a = store.create(input);
    const b = store.create(input);
    expect(store.list().map((r) => r.id)).toEqual([b.id, a.id]);
    expect(store.delete(a.id)).toBe(true);
    expect(store.delete(a.id)).toBe(false);
    expect(store.get(a.id)).toBeNull();
  });

  it("refuses a store written by a newer guarantor with a message, not a crash", () => {
    const path = join(dir, "runs.sqlite");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => new RunStore(path)).toThrow(/newer than this guarantor knows/);
  });

  it("migrates a store of schema 1 to one that can hold cancelled runs, keeping every run", () => {
    const path = join(dir, "runs.sqlite");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0]);
    raw.pragma("user_version = 1");
    raw.prepare(
      `INSERT INTO runs (id, created_at, scenario_name, scenario_text, scenario_hash, seed, trajectories, program_version, status, result)
       VALUES ('old', '2025-01-01T00:00:00.000Z', 'Fake', 'name: Fake', 'h', 3, 10, '0.0.1', 'finished', '{"x":1}')`,
    ).run();
    raw.close();
    const store = new RunStore(path);
    expect(store.get("old")).toMatchObject({ status: "finished", seed: 3, result: { x: 1 } });
    const run = store.create(input);
    store.cancel(run.id, "the run was cancelled before it started");
    expect(store.summary(run.id)).toMatchObject({ status: "cancelled", error: "the run was cancelled before it started" });
    // a finished run is never turned into a cancelled one
    store.cancel("old", "late");
    expect(store.summary("old")?.status).toBe("finished");
    store.close();
  });
});
