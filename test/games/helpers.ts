/** Shared helpers for the game-engine tests: fixture loading and readable equilibrium summaries. */
import { join } from "node:path";
import { readGameFile } from "../../src/games/gambit-format.js";
import type { Game } from "../../src/games/game.js";
import type { Equilibrium } from "../../src/games/solvers/solver.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "games");

export function fixture(name: string): Game {
  return readGameFile(join(FIXTURES, name));
}

/** An equilibrium as exact strings, e.g. [["1/3","2/3"],["1","0"]] (behaviour profiles flattened per player). */
export function strategies(eq: Equilibrium): string[][] {
  const probs = eq.profile.kind === "mixed" ? eq.profile.probs : eq.profile.probs.map((p) => p.flat());
  return probs.map((row) => row.map((x) => x.toString()));
}

export function sortedStrategies(eqs: Equilibrium[]): string[] {
  return eqs.map((e) => JSON.stringify(strategies(e))).sort();
}
