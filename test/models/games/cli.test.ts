import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "../../../src/cli/commands/games.js";
import { readEfg } from "../../../src/games/efg-format.js";
import { speSolver } from "../../../src/games/solvers/spe.js";

const SCENARIO = new URL("../../../scenarios/ukraine-2025.yaml", import.meta.url).pathname;

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = 0;
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(["node", "guarantor", ...args]);
  vi.restoreAllMocks();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

afterEach(() => vi.restoreAllMocks());

describe("guarantor games", () => {
  it("exports the six games of a guaranteed option as .efg files that read back and solve", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-games-"));
    const { out, code } = await run(["games", SCENARIO, "--option", "reassurance-force", "--export", dir]);
    expect(code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(["alliance.efg", "bargaining.efg", "brinkmanship.efg", "deterrence.efg", "spoiler.efg", "tripwire.efg"]);
    for (const f of files) {
      const game = readEfg(readFileSync(join(dir, f), "utf8"));
      expect(speSolver.solve(game, { arithmetic: "float" }).equilibria.length, f).toBe(1);
    }
    expect(out).toContain("wrote");
  });

  it("explains each equilibrium in words, with the scenario's names", async () => {
    const { out, code } = await run(["games", SCENARIO, "--option", "article5-treaty", "--perspective", "deterrence", "--explain"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Russia attacks in a window when its stake exceeds V\* = /);
    expect(out).toMatch(/intervenes if its stake exceeds k − a = /);
    expect(out).toContain("Crisis bargaining (the crisis law as a game)");
    expect(out).toMatch(/Russia attacks outright when its stake V exceeds V\* = /);
  });

  it("an unknown option is an input error, not a stack trace", async () => {
    const { err, code } = await run(["games", SCENARIO, "--option", "nope", "--explain"]);
    expect(code).not.toBe(0);
    expect(err).toMatch(/unknown option "nope"/);
  });
});
