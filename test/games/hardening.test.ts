import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InputError } from "../../src/errors.js";
import { register } from "../../src/cli/commands/solve.js";
import { exactField } from "../../src/games/field.js";
import { maxRegret, mixedRegrets } from "../../src/games/equilibrium-check.js";
import { MAX_GAME_FILE_BYTES, readGame, readGameFile } from "../../src/games/gambit-format.js";
import { MAX_NFG_PROFILES, MAX_PLAYERS, MAX_TREE_NODES } from "../../src/games/limits.js";
import { bimatrixGame } from "../../src/games/normal-form.js";
import { Rational } from "../../src/games/rational.js";
import { readTextFileCapped } from "../../src/io/read-file.js";
import { METHOD_NAMES, SOLVERS, verifiedSolver } from "../../src/games/solvers/index.js";
import type { Solver } from "../../src/games/solvers/solver.js";
import { SolverFailure } from "../../src/games/solvers/common.js";
import { runCli } from "../helpers/cli.js";

afterEach(() => vi.restoreAllMocks());

/** A chain of `depth` decisions (players alternate), each either stopping or going on. */
export function deepChain(depth: number, players = 2): string {
  const names = Array.from({ length: players }, (_, i) => `"P${i + 1}"`).join(" ");
  const lines = [`EFG 2 R "chain" { ${names} }`, '""'];
  for (let i = 0; i < depth; i++) {
    lines.push(`p "" ${1 + (i % players)} ${Math.floor(i / players) + 1} "" { "stop" "go" } 0`);
    lines.push(`t "" ${i + 1} "" { ${Array.from({ length: players }, (_, p) => (i * (p + 3)) % 7).join(", ")} }`);
  }
  lines.push(`t "" ${depth + 1} "" { ${Array.from({ length: players }, () => 1).join(", ")} }`);
  return `${lines.join("\n")}\n`;
}

describe("game files are read with a byte cap and size limits", () => {
  it("a device that never ends is refused at the cap, naming it", () => {
    if (!existsSync("/dev/zero")) return;
    expect(() => readTextFileCapped("/dev/zero", 1000, "game file")).toThrow("/dev/zero: the game file is larger than the limit of 1000 bytes");
    expect(() => readGameFile("/dev/zero")).toThrow(`larger than the limit of ${MAX_GAME_FILE_BYTES / 2 ** 20} MiB`);
  });

  it("a pipe fed without end is cut off at the cap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-fifo-"));
    const fifo = join(dir, "game.nfg");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      rmSync(dir, { recursive: true });
      return; // no mkfifo on this system
    }
    const writer = spawn("sh", ["-c", `yes > "${fifo}"`], { stdio: "ignore" });
    try {
      expect(() => readTextFileCapped(fifo, 4096, "game file")).toThrow("larger than the limit of 4 KiB");
    } finally {
      writer.kill();
      await new Promise((resolve) => writer.once("exit", resolve));
      rmSync(dir, { recursive: true });
    }
  });

  it("solve /dev/zero exits 1 naming the limit, without growing memory", async () => {
    if (!existsSync("/dev/zero")) return;
    const result = await runCli([register], ["solve", "/dev/zero", "--method", "pure"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("/dev/zero: the game file is larger than the limit of 16 MiB");
  });

  it("a short file within the cap reads normally, and a missing one gets a message", () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-read-"));
    const file = join(dir, "g.nfg");
    writeFileSync(file, 'NFG 1 R "t" { "a" "b" } { 1 1 }\n1 2\n');
    try {
      expect(readGameFile(file).players).toEqual(["a", "b"]);
      expect(() => readGameFile(join(dir, "none.nfg"))).toThrow("no such file");
      expect(() => readGameFile(dir)).toThrow("it is a directory");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("a 43-byte .nfg declaring 50,000,000 strategies is refused before anything is allocated", () => {
    const text = 'NFG 1 R "x" { "a" "b" } { 50000000 1 }\n1 2\n';
    expect(() => readGame(text, "big.nfg")).toThrow(`big.nfg:1:27: the game has more than ${MAX_NFG_PROFILES} strategy profiles`);
    const named = 'NFG 1 R "x" { "a" "b" "c" } { 2000 2000 2 }\n';
    expect(() => readGame(named, "wide.nfg")).toThrow(/more than 2000000 strategy profiles/);
  });

  it("too many players, too many nodes and too-long numbers are refused with the limit", () => {
    const players = Array.from({ length: MAX_PLAYERS + 1 }, () => '""').join(" ");
    expect(() => readGame(`NFG 1 R "x" { ${players} } { 1 }`, "p.nfg")).toThrow(`at most ${MAX_PLAYERS} are supported`);
    const actions = Array.from({ length: 2000 }, (_, i) => `"${i}"`).join(" ");
    const wide = `EFG 2 R "w" { "a" }\n""\np "" 1 1 "" { ${actions} } 0\n${'p "" 1 1 0\n'.repeat(600)}`;
    expect(() => readGame(wide, "w.efg")).toThrow(`more than ${MAX_TREE_NODES} nodes`);
    expect(() => readGame(`NFG 1 R "x" { "a" } { 1 }\n${"9".repeat(20_000)}\n`, "n.nfg")).toThrow("at most 10000 are supported");
  });
});

describe("input-controlled depth never overflows the stack", () => {
  const deep = readGame(deepChain(20_000), "deep.efg");

  it.each(METHOD_NAMES)("%s on a 20,000-deep tree answers or refuses with a message", (method) => {
    for (const arithmetic of ["exact", "float"] as const) {
      try {
        const result = SOLVERS[method].solve(deep, { arithmetic, deadline: Date.now() + 20_000 });
        for (const eq of result.equilibria) expect(maxRegret(deep, eq.profile)).toBeLessThanOrEqual(1e-9 * 7);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }
  });

  it("spe solves it by backward induction", () => {
    expect(SOLVERS.spe.solve(deep).equilibria).toHaveLength(1);
  });

  it("pure on a deep one-player tree stops at the deadline while building the reduced normal form", () => {
    const chain = readGame(deepChain(5_000, 1), "chain.efg");
    expect(() => SOLVERS.pure.solve(chain, { deadline: Date.now() - 1 })).toThrow(/time limit/);
  });

  it("a tree whose reduced strategies would be too long is refused at once, naming the limit", () => {
    const chain = readGame(deepChain(20_000, 1), "chain.efg");
    expect(() => SOLVERS.pure.solve(chain)).toThrow(/at most 20000000 are supported/);
  });
});

const scaled = (M: number[][], s: string) => M.map((r) => r.map((x) => Rational.from(x).mul(Rational.parse(s)!)));
const A0 = [[0, 2], [-1, -1], [2, 0]];
const B0 = [[2, 1], [0, -1], [0, -1]];

describe("solvers never claim what they did not find", () => {
  it.each(["1e-12", "1e12", "1e300", "1e-300"])("every method's equilibria pass an exact regret check at payoff scale %s", (s) => {
    const game = bimatrixGame(scaled(A0, s), scaled(B0, s));
    const exact = SOLVERS.enum.solve(game).equilibria.map((eq) => JSON.stringify((eq.profile.probs as Rational[][]).map((r) => r.map(String))));
    for (const method of ["enum", "lh", "lcp", "qre"]) {
      const result = SOLVERS[method].solve(game, { arithmetic: "float" });
      expect(result.equilibria.length, method).toBeGreaterThan(0);
      for (const eq of result.equilibria) {
        const probs = (eq.profile.probs as number[][]).map((r) => r.map((x) => Rational.from(Number(x))));
        const regrets = mixedRegrets(game, probs, exactField).regrets;
        const scale = Rational.parse(s)!.mul(Rational.of(2));
        for (const r of regrets) expect(r.div(scale).toNumber(), `${method} at ${s}`).toBeLessThanOrEqual(1e-9);
        expect(probs.flat().every((x) => Number.isFinite(x.toNumber()))).toBe(true);
      }
      if (method === "enum") expect(result.equilibria).toHaveLength(exact.length);
    }
  });

  it("a point that fails the check is moved to `unverified`, never reported as an equilibrium", () => {
    const game = bimatrixGame([[1, 0], [0, 1]], [[1, 0], [0, 1]]);
    const liar: Solver = {
      name: "liar",
      description: "",
      solve: () => ({
        equilibria: [{ profile: { kind: "mixed", probs: [[1, 0], [0, 1]] }, payoffs: [0, 0] }],
        notes: [],
      }),
    };
    const result = verifiedSolver(liar).solve(game);
    expect(result.equilibria).toEqual([]);
    expect(result.unverified?.[0].regret).toBe(1);
    expect(result.notes.join(" ")).toMatch(/failed the equilibrium check/);
  });

  it("qre where the logit path breaks down: its last point is polished and checked, or exit 4 with a message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-qre-"));
    const file = join(dir, "g.nfg");
    // a degenerate 3×3 game whose logit path the corrector cannot follow to the end (step size underflow)
    const pairs = [[0, 0], [0, 1], [1, 1], [1, 0], [1, 0], [1, 0], [1, 1], [1, 0], [0, 1]];
    writeFileSync(file, `NFG 1 R "q" { "a" "b" } { 3 3 }\n${pairs.flat().join(" ")}\n`);
    try {
      const result = await runCli([register], ["solve", file, "--method", "qre", "--json"]);
      expect(result.err).not.toMatch(/internal error/);
      expect(result.code).toBe(0);
      expect(result.err).toMatch(/the logit path broke down at λ = .* \(step size underflow.*polished into the equilibrium reported/);
      const game = readGameFile(file);
      for (const eq of JSON.parse(result.out).equilibria as { profile: number[][] }[]) {
        const probs = eq.profile.map((r) => r.map((x) => Rational.from(x)));
        const regret = Math.max(...mixedRegrets(game as never, probs, exactField).regrets.map((r) => r.toNumber()));
        expect(regret).toBeLessThanOrEqual(1e-9);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("a logit path failure that cannot be rescued is a SolverFailure with exit code 4", () => {
    const failure = new SolverFailure("qre: the logit path could not be followed");
    expect(failure).toBeInstanceOf(InputError);
    expect(failure.exitCode).toBe(4);
  });
});
