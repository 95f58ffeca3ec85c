import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { register } from "../../src/cli/commands/solve.js";
import { METHOD_NAMES } from "../../src/games/solvers/index.js";
import { bimatrixGame } from "../../src/games/normal-form.js";
import { enumSolver } from "../../src/games/solvers/enum.js";
import { FIXTURES } from "./helpers.js";

const run = (args: string[]) => runCli([register], args);

afterEach(() => vi.restoreAllMocks());

const files = readdirSync(FIXTURES).filter((f) => /\.(nfg|efg)$/.test(f));

describe("guarantor solve", () => {
  it.each(files)("%s: every method answers or explains why not, and at least one solves it", async (name) => {
    let solved = 0;
    for (const method of METHOD_NAMES) {
      const result = await run(["solve", join(FIXTURES, name), "--method", method, "--json"]);
      expect([0, 1], `${method}: ${result.err}`).toContain(result.code);
      if (result.code === 0) {
        solved++;
        const json = JSON.parse(result.out);
        expect(Object.keys(json)).toEqual(["game", "players", "method", "equilibria"]);
      } else {
        expect(result.err).not.toMatch(/internal error|at .*\.ts:\d+/);
      }
    }
    expect(solved).toBeGreaterThan(0);
  });

  it("JSON for a strategic game: one probability array per player, exact strings", async () => {
    const { out, code } = await run(["solve", join(FIXTURES, "battle-of-the-sexes.nfg"), "--method", "enum", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.game).toBe("Battle of the sexes");
    expect(json.players).toEqual(["Wife", "Husband"]);
    expect(json.method).toBe("enum");
    expect(json.equilibria).toContainEqual({ profile: [["2/3", "1/3"], ["1/3", "2/3"]], payoffs: ["2/3", "2/3"] });
  });

  it("JSON for an extensive game: per player, per information set, action probabilities", async () => {
    const { out } = await run(["solve", join(FIXTURES, "kuhn-poker.efg"), "--method", "lcp", "--json"]);
    const json = JSON.parse(out);
    expect(json.equilibria[0].payoffs).toEqual(["-1/18", "1/18"]);
    expect(json.equilibria[0].profile[1]).toHaveLength(6);
    expect(json.equilibria[0].profile[1][4]).toEqual(["2/3", "1/3"]);
  });

  it("human output prints fractions with six decimals", async () => {
    const { out } = await run(["solve", join(FIXTURES, "rock-paper-scissors.nfg"), "--method", "lh"]);
    expect(out).toContain("Rock 1/3 (0.333333)");
  });

  it("float mode prints numbers in JSON", async () => {
    const { out } = await run(["solve", join(FIXTURES, "matching-pennies.nfg"), "--method", "lcp", "--float", "--json"]);
    expect(JSON.parse(out).equilibria[0].profile).toEqual([[0.5, 0.5], [0.5, 0.5]]);
  });

  it("bad usage and bad input get messages and exit codes 2 and 1", async () => {
    const unknown = await run(["solve", join(FIXTURES, "matching-pennies.nfg"), "--method", "magic"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--method must be one of spe, pure, enum, lh, lcp, qre");
    const lambda = await run(["solve", join(FIXTURES, "matching-pennies.nfg"), "--method", "lh", "--lambda", "2"]);
    expect(lambda.code).toBe(2);
    const missing = await run(["solve", "/nonexistent/game.nfg", "--method", "lh"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("/nonexistent/game.nfg: cannot read the game file: no such file");
    const timeout = await run(["solve", join(FIXTURES, "matching-pennies.nfg"), "--method", "lh", "--timeout", "soon"]);
    expect(timeout.code).toBe(2);
  });

  it("a solver past its deadline stops with a message instead of running on", () => {
    const A = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i * 7 + j * 3) % 5));
    const game = bimatrixGame(A, A.map((r) => r.map((x) => 4 - x)));
    expect(() => enumSolver.solve(game, { deadline: Date.now() - 1 })).toThrow(/stopped at the time limit/);
  });
});
