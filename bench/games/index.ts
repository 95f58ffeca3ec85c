/**
 * Benchmarks of the game engine: support enumeration and Lemke–Howson on random n×n games,
 * the sequence form with Lemke on poker-like trees, backward induction on a million nodes, and
 * memory. Every run has a 10 s deadline; a size that misses it (or a size guard) ends its series,
 * so the whole benchmark stays bounded and reports the largest size handled in 10 s.
 */
import { InputError } from "../../src/errors.js";
import type { Game } from "../../src/games/game.js";
import { sequenceForm } from "../../src/games/sequence-form.js";
import { exactField } from "../../src/games/field.js";
import type { Solver } from "../../src/games/solvers/solver.js";
import { enumSolver } from "../../src/games/solvers/enum.js";
import { lcpSolver } from "../../src/games/solvers/lcp.js";
import { lhSolver } from "../../src/games/solvers/lh.js";
import { speSolver } from "../../src/games/solvers/spe.js";
import { binaryPerfectInformationTree, pokerLikeTree, randomBimatrix } from "./trees.js";

const BUDGET_MS = 10_000;

interface Timing {
  ms: number;
  equilibria: number;
}

function time(solver: Solver, game: Game, arithmetic: "exact" | "float"): Timing | string {
  const start = performance.now();
  try {
    const result = solver.solve(game, { arithmetic, deadline: Date.now() + BUDGET_MS });
    const ms = performance.now() - start;
    return ms > BUDGET_MS ? `over 10 s (${(ms / 1000).toFixed(1)} s)` : { ms, equilibria: result.equilibria.length };
  } catch (e) {
    if (e instanceof InputError) return e.message.includes("time limit") ? "over 10 s" : `refused (${e.message.slice(0, 90)}…)`;
    throw e;
  }
}

function series(label: string, sizes: number[], make: (size: number) => Game, solver: Solver, arithmetic: "exact" | "float", name: (s: number) => string): void {
  let largest = "none";
  for (const size of sizes) {
    const game = make(size);
    const t = time(solver, game, arithmetic);
    if (typeof t === "string") {
      console.log(`  ${label} ${name(size)}: ${t}`);
      break;
    }
    console.log(`  ${label} ${name(size)}: ${t.ms.toFixed(1)} ms, ${t.equilibria} equilibri${t.equilibria === 1 ? "um" : "a"}`);
    largest = name(size);
  }
  console.log(`  → ${label}: largest handled within 10 s: ${largest}`);
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

export async function run(): Promise<void> {
  const square = (n: number) => `${n}×${n}`;
  console.log("support enumeration (random integer payoffs 0–99):");
  series("enum exact", [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], (n) => randomBimatrix(n, n), enumSolver, "exact", square);
  series("enum float", [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], (n) => randomBimatrix(n, n), enumSolver, "float", square);
  console.log("Lemke–Howson from all m+n labels:");
  series("lh exact", [5, 10, 15, 20, 25, 30, 40, 60, 80, 100], (n) => randomBimatrix(n, n), lhSolver, "exact", square);
  series("lh float", [5, 10, 15, 20, 25, 30, 40, 60, 80, 100, 150, 200], (n) => randomBimatrix(n, n), lhSolver, "float", square);

  console.log("sequence form + Lemke on poker-like trees (types dealt to each player, then binary betting):");
  const shapes: [number, number][] = [[3, 3], [5, 4], [8, 4], [8, 5], [12, 5], [12, 6], [16, 6], [20, 7], [24, 7], [32, 7]];
  const shapeName = (k: number) => {
    const g = pokerLikeTree(shapes[k][0], shapes[k][1], 1);
    return `${g.nodeCount} nodes (${shapes[k][0]} types, depth ${shapes[k][1]})`;
  };
  const indices = shapes.map((_, k) => k);
  const tree = (k: number) => pokerLikeTree(shapes[k][0], shapes[k][1], 1);
  series("lcp exact", indices, tree, lcpSolver, "exact", shapeName);
  series("lcp float", indices, tree, lcpSolver, "float", shapeName);
  const big = pokerLikeTree(32, 7, 1);
  let start = performance.now();
  const sf = sequenceForm(big, exactField);
  console.log(
    `  sequence form alone of ${big.nodeCount} nodes: ${(performance.now() - start).toFixed(0)} ms, ` +
      `${sf.sizes[0]} + ${sf.sizes[1]} sequences, ${sf.a.length} nonzero payoff entries`,
  );

  console.log("backward induction on complete binary trees (chance every fourth level):");
  for (const depth of [16, 18, 19]) {
    start = performance.now();
    const game = binaryPerfectInformationTree(depth, depth);
    const built = performance.now() - start;
    const heap = process.memoryUsage().heapUsed;
    for (const arithmetic of ["float", "exact"] as const) {
      const t = time(speSolver, game, arithmetic);
      const text = typeof t === "string" ? t : `${t.ms.toFixed(0)} ms`;
      console.log(`  spe ${arithmetic} ${game.nodeCount} nodes: ${text} (tree built in ${built.toFixed(0)} ms; heap in use with the tree: ${mb(heap)})`);
    }
  }
  console.log(`  process peak RSS so far: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
