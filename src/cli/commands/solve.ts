/**
 * `guarantor solve FILE --method M`: reads a Gambit .nfg/.efg file, runs one equilibrium solver
 * and prints the equilibria, exact values as fractions with decimals beside them, or the JSON
 * contract {game, players, method, equilibria: [{profile, payoffs}]} with --json.
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import type { Num } from "../../games/field.js";
import type { Game } from "../../games/game.js";
import { readGameFile } from "../../games/gambit-format.js";
import { METHOD_NAMES, SOLVERS } from "../../games/solvers/index.js";
import type { Equilibrium, SolveOptions } from "../../games/solvers/solver.js";
import { runAction } from "../action.js";

interface SolveFlags {
  method: string;
  lambda?: string;
  json?: boolean;
  timeout: string;
  float?: boolean;
}

function parseNumberFlag(flag: string, raw: string, min: number): number {
  const x = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(x) || x < min) {
    throw new UsageError(`${flag} expects a number ≥ ${min}, got "${raw}"`);
  }
  return x;
}

function jsonNumber(x: Num): string | number {
  return typeof x === "number" ? x : x.toString();
}

function human(x: Num): string {
  if (typeof x === "number") return x.toFixed(6);
  const decimal = x.toFixed(6);
  return x.den === 1n ? x.toString() : `${x} (${decimal})`;
}

function describeEquilibrium(game: Game, eq: Equilibrium, index: number): string[] {
  const lines = [`Equilibrium ${index + 1}${eq.lambda !== undefined ? ` (λ = ${eq.lambda})` : ""}`];
  game.players.forEach((player, p) => {
    lines.push(`  ${player}: payoff ${human(eq.payoffs[p])}`);
    if (eq.profile.kind === "mixed") {
      const names = game.kind === "nfg" ? game.strategies[p] : [];
      const parts = eq.profile.probs[p].map((x, j) => `${names[j] ?? j + 1} ${human(x)}`);
      lines.push(`    ${parts.join(", ")}`);
    } else if (game.kind === "efg") {
      game.playerInfosets[p + 1].forEach((h, k) => {
        const set = game.infosets[h];
        const label = set.name ? ` "${set.name}"` : "";
        const probs = (eq.profile.probs as Num[][][])[p][k];
        lines.push(`    information set ${set.number}${label}: ${set.actions.map((a, i) => `${a} ${human(probs[i])}`).join(", ")}`);
      });
    }
  });
  return lines;
}

export function register(program: Command): void {
  program
    .command("solve")
    .description("compute equilibria of a game in Gambit's .nfg or .efg format")
    .argument("<file>", "game file (.nfg or .efg)")
    .requiredOption("--method <method>", `solver: ${METHOD_NAMES.join(", ")}`)
    .option("--lambda <L>", "qre: the logit QRE at this λ (unscaled payoffs) instead of the limiting equilibrium")
    .option("--json", "print the result as JSON")
    .option("--float", "compute in floating point instead of exact rationals")
    .option("--timeout <seconds>", "give up after this many seconds", "60")
    .action(
      runAction((file: string, flags: SolveFlags) => {
        const solver = SOLVERS[flags.method];
        if (!solver) throw new UsageError(`--method must be one of ${METHOD_NAMES.join(", ")}, got "${flags.method}"`);
        if (flags.lambda !== undefined && flags.method !== "qre") throw new UsageError("--lambda applies only to --method qre");
        const options: SolveOptions = {
          arithmetic: flags.float ? "float" : "exact",
          deadline: Date.now() + parseNumberFlag("--timeout", flags.timeout, 0) * 1000,
        };
        if (flags.lambda !== undefined) options.lambda = parseNumberFlag("--lambda", flags.lambda, 0);
        const game = readGameFile(file);
        const result = solver.solve(game, options);
        for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
        if (flags.json) {
          const out = {
            game: game.title,
            players: game.players,
            method: flags.method,
            equilibria: result.equilibria.map((eq) => ({
              profile:
                eq.profile.kind === "mixed"
                  ? eq.profile.probs.map((row) => row.map(jsonNumber))
                  : eq.profile.probs.map((sets) => sets.map((row) => row.map(jsonNumber))),
              payoffs: eq.payoffs.map(jsonNumber),
            })),
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        const count = result.equilibria.length;
        const lines = [`${game.title || file} — method ${flags.method}: ${count} equilibri${count === 1 ? "um" : "a"}`];
        result.equilibria.forEach((eq, i) => lines.push(...describeEquilibrium(game, eq, i)));
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
}
