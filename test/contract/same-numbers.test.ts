/**
 * One scenario, one set of run options: the CLI (--json), the library and the HTTP API give the
 * same numbers, and each falls back to the same default seed (the web form's too).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import { DEFAULT_SEED } from "../../src/contract/run-options.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { createApp } from "../../src/server/app.js";
import { libraryEngine } from "../../src/server/library-engine.js";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { RunManager } from "../../src/server/run-manager.js";
import { evaluate } from "../../src/sim/evaluate.js";
import { RunStore } from "../../src/store/run-store.js";
import { runCli } from "../helpers/cli.js";

const FILE = bundledScenarioPath();
// the bundled scenario without its own seed, so that every adapter falls back to the default
const TEXT = readFileSync(FILE, "utf8").replace(/^seed: .*\n/m, "");
const OPTIONS = ["ceasefire-only", "article5-treaty"];
const PERSPECTIVES = ["deterrence"];
const TRAJECTORIES = 300;

const normalise = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the CLI, the library and the HTTP API agree", () => {
  it("with no seed given, all use the default seed and give identical results", async () => {
    expect(TEXT).not.toMatch(/^seed:/m);
    const library = await evaluate(loadScenarioText(TEXT, "scenario.yaml"), { options: OPTIONS, perspectives: PERSPECTIVES, trajectories: TRAJECTORIES });
    expect(library.seed).toBe(DEFAULT_SEED);

    const dir = mkdtempSync(join(tmpdir(), "guarantor-same-"));
    const file = join(dir, "scenario.yaml");
    writeFileSync(file, TEXT);
    try {
      const cli = await runCli([registerCompare], ["compare", file, "--options", OPTIONS.join(","), "--perspectives", PERSPECTIVES.join(","), "--trajectories", String(TRAJECTORIES), "--workers", "2", "--json"]);
      expect(cli.code, cli.err).toBe(0);
      // compare --json adds the dominance audit; every other field is the library's result
      const { audit, ...numbers } = JSON.parse(cli.out) as Record<string, unknown>;
      expect(audit).toBeDefined();
      expect(numbers).toEqual(normalise(library));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const store = new RunStore(":memory:");
    const runs = new RunManager(store, libraryEngine, { programVersion: "test" });
    const app = createApp({ engine: libraryEngine, store, runs, staticFiles: new Map(), defaultScenario: { name: "x", text: "" }, programVersion: "test" });
    const res = await app.request("http://127.0.0.1/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: TEXT, options: OPTIONS, perspectives: PERSPECTIVES, trajectories: TRAJECTORIES }),
    });
    expect(res.status).toBe(202);
    const { id, seed } = (await res.json()) as { id: string; seed: number };
    expect(seed).toBe(DEFAULT_SEED);
    await runs.idle();
    const run = (await (await app.request(`http://127.0.0.1/api/runs/${id}`)).json()) as { status: string; result: unknown };
    expect(run.status).toBe("finished");
    expect(run.result).toEqual(normalise(library));
    store.close();
  });

  it("the web form starts from the same default seed", () => {
    const html = readFileSync(new URL("../../web/index.html", import.meta.url), "utf8");
    expect(/<input id="seed"[^>]*value="(\d+)"/.exec(html)?.[1]).toBe(String(DEFAULT_SEED));
  });
});
