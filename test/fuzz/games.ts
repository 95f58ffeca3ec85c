/**
 * Fuzzing the game readers and solvers: mutated fixture files and random games, each read and,
 * when it reads, solved by every method in exact and float arithmetic under a short deadline.
 * Every outcome must be a result or a typed user-facing error (InputError); every reported
 * equilibrium is checked by an independent brute-force regret computation in exact arithmetic.
 * `fuzzGames(runs)` returns the counts; `npm test` runs it small, a long run can run it large.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { InputError } from "../../src/errors.js";
import type { ExtensiveFormGame } from "../../src/games/extensive-form.js";
import type { Game } from "../../src/games/game.js";
import { readGame, writeGame } from "../../src/games/gambit-format.js";
import type { NormalFormGame } from "../../src/games/normal-form.js";
import { Rational } from "../../src/games/rational.js";
import { behaviourToMixed, reducedNormalForm } from "../../src/games/reduced-normal-form.js";
import { exactField } from "../../src/games/field.js";
import { METHOD_NAMES, SOLVERS } from "../../src/games/solvers/index.js";
import type { Equilibrium } from "../../src/games/solvers/solver.js";
import { payoffScale } from "../../src/games/verify.js";
import { bimatrix, treeFromPlan, treePlan } from "../games/random-games.js";
import type { FuzzTarget } from "./target.js";

export interface FuzzCounts {
  /** inputs read plus solves attempted */
  tried: number;
  /** refused with a typed user-facing error (bad file, too large, method not applicable, time limit) */
  refused: number;
  /** anything else thrown, or an equilibrium that failed the independent check */
  crashed: number;
  /** a read or solve that ran well past its deadline */
  hung: number;
  /** up to ten descriptions of crashes and hangs, to reproduce them */
  examples: string[];
}

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "games");
const SOLVE_BUDGET_MS = 2_000;
/** A solve counts as hung when it runs this long past its deadline. */
const HANG_GRACE_MS = 3_000;
/** Independent check: float profiles may have regret up to this fraction of the payoff scale. */
const FLOAT_TOLERANCE = 2e-9;

const fixtureTexts = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => /\.(nfg|efg)$/.test(f))
    .map((f) => readFileSync(join(FIXTURES, f), "utf8"));

/** Pieces a careless or hostile editor might put into a game file. */
const NOISE = ["{", "}", '"', ",", "\n", "0", "1", "-1", "1/0", "0/3", "1e9999", "99999999", "4294967297", "-0", "t", "p", "c", "NFG", "EFG", "\\", "é", "1/3", " "];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), piece: fc.constantFrom(...NOISE) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat(), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace-number" as const), at: fc.nat(), piece: fc.constantFrom("0", "-7", "1e300", "1e-300", "123456789/7", "2000000", "3") }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case "insert":
      return text.slice(0, at) + m.piece + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "truncate":
      return text.slice(0, at);
    case "duplicate-line": {
      const lines = text.split("\n");
      const k = m.at % lines.length;
      return [...lines.slice(0, k + 1), ...new Array<string>(m.times).fill(lines[k]), ...lines.slice(k + 1)].join("\n");
    }
    case "replace-number": {
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return text;
      const hit = numbers[m.at % numbers.length];
      return text.slice(0, hit.index) + m.piece + text.slice(hit.index! + hit[0].length);
    }
  }
}

/** Game texts: fixtures or random games written as files, then 0–4 mutations. */
function gameTexts(): fc.Arbitrary<string> {
  const fixtures = fixtureTexts();
  const base = fc.oneof(
    fc.constantFrom(...fixtures),
    bimatrix(4).map((g) => writeGame(g)),
    treePlan(3).map((plan) => writeGame(treeFromPlan(plan))),
  );
  return fc.tuple(base, fc.array(mutation, { maxLength: 4 })).map(([text, ms]) => ms.reduce(mutate, text));
}

/** Expected payoff of every player at every pure deviation, by brute force over all profiles. */
function bruteForceRegret(game: NormalFormGame, probs: Rational[][]): Rational {
  const n = game.playerCount;
  let worst = Rational.ZERO;
  for (let i = 0; i < n; i++) {
    const values = game.strategies[i].map(() => Rational.ZERO);
    for (let k = 0; k < game.profileCount; k++) {
      let weight = Rational.ONE;
      for (let p = 0; p < n; p++) {
        if (p === i) continue;
        weight = weight.mul(probs[p][Math.floor(k / game.strides[p]) % game.strategies[p].length]);
      }
      const own = Math.floor(k / game.strides[i]) % game.strategies[i].length;
      values[own] = values[own].add(weight.mul(game.payoff(k, i)));
    }
    const total = probs[i].reduce((a, b) => a.add(b), Rational.ZERO);
    const value = values.reduce((acc, u, j) => acc.add(u.mul(probs[i][j])), Rational.ZERO).div(total.isZero() ? Rational.ONE : total);
    const best = values.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    const regret = best.sub(value);
    if (regret.cmp(worst) > 0) worst = regret;
  }
  return worst;
}

const toRational = (x: Rational | number): Rational => (typeof x === "number" ? Rational.from(x) : x);

/** Null when the equilibrium passes the independent check, else why not; undefined when it cannot be checked (too large). */
function independentCheck(game: Game, eq: Equilibrium): string | null | undefined {
  let nfg: NormalFormGame;
  let probs: Rational[][];
  if (game.kind === "nfg") {
    nfg = game;
    probs = (eq.profile.probs as (Rational | number)[][]).map((r) => r.map(toRational));
  } else {
    let rnf;
    try {
      rnf = reducedNormalForm(game as ExtensiveFormGame, 20_000);
    } catch {
      return undefined;
    }
    nfg = rnf.game;
    const behaviour = (eq.profile.probs as (Rational | number)[][][]).map((sets) => sets.map((r) => r.map(toRational)));
    probs = behaviourToMixed(rnf, game, behaviour, exactField);
  }
  if (nfg.profileCount > 20_000) return undefined;
  const exact = [eq.profile.probs].flat(3).every((x) => x instanceof Rational);
  const regret = bruteForceRegret(nfg, probs);
  if (exact) return regret.isZero() ? null : `exact regret ${regret}`;
  const scale = payoffScale(game);
  const relative = scale.isZero() ? regret.toNumber() : regret.div(scale).toNumber();
  return relative <= FLOAT_TOLERANCE ? null : `relative regret ${relative.toExponential(2)}`;
}

const emptyCounts = (): FuzzCounts => ({ tried: 0, refused: 0, crashed: 0, hung: 0, examples: [] });

/** Reads one game file and, when it reads, solves it by every method; adds what happened to `counts`. */
function fuzzOne(text: string, counts: FuzzCounts): void {
  const report = (kind: "crashed" | "hung", what: string) => {
    counts[kind]++;
    if (counts.examples.length < 10) counts.examples.push(`${kind}: ${what}`);
  };
  counts.tried++;
  let game: Game;
  const readStart = Date.now();
  try {
    game = readGame(text, "fuzz");
  } catch (e) {
    if (e instanceof InputError) counts.refused++;
    else report("crashed", `reading threw ${String(e)} on ${JSON.stringify(text.slice(0, 300))}`);
    return;
  } finally {
    if (Date.now() - readStart > HANG_GRACE_MS) report("hung", `reading took ${Date.now() - readStart} ms`);
  }
  for (const method of METHOD_NAMES) {
    for (const arithmetic of ["exact", "float"] as const) {
      counts.tried++;
      const start = Date.now();
      const where = `${method} (${arithmetic}) on ${JSON.stringify(text.slice(0, 300))}`;
      try {
        const result = SOLVERS[method].solve(game, { arithmetic, deadline: start + SOLVE_BUDGET_MS });
        for (const eq of result.equilibria) {
          const problem = independentCheck(game, eq);
          if (problem) report("crashed", `${where} reported a non-equilibrium: ${problem}`);
        }
      } catch (e) {
        if (e instanceof InputError) counts.refused++;
        else report("crashed", `${where} threw ${String(e)}`);
      }
      const elapsed = Date.now() - start;
      if (elapsed > SOLVE_BUDGET_MS + HANG_GRACE_MS) report("hung", `${where} took ${elapsed} ms`);
    }
  }
}

/** Reads and solves `runs` generated game files; see FuzzCounts. Deterministic for a given seed. */
export function fuzzGames(runs: number, seed = 20261201): FuzzCounts {
  const counts = emptyCounts();
  for (const text of fc.sample(gameTexts(), { numRuns: runs, seed })) fuzzOne(text, counts);
  return counts;
}

/** The games target of `npm run fuzz`: a case is one game file; a crash or a hang throws. */
export const target: FuzzTarget<string> = {
  cases: gameTexts(),
  check(text) {
    const counts = emptyCounts();
    fuzzOne(text, counts);
    if (counts.crashed > 0 || counts.hung > 0) throw new Error(counts.examples.join("\n"));
    return counts.refused === counts.tried ? "refused" : "accepted";
  },
};
