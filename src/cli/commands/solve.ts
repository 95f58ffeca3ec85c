/**
 * `guarantor solve FILE --method M`: reads a Gambit .nfg/.efg file, runs one equilibrium solver
 * and prints the equilibria, exact values as fractions with decimals beside them, or the JSON
 * contract {game, players, method, equilibria: [{profile, payoffs}]} with --json (plus
 * `unverified: [{profile, payoffs, regret, reason}]` when the method ended at points that failed
 * the equilibrium check; exit code 4 when nothing passed it, docs/GAMES.md "Exit codes").
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import type { Num } from "../../games/field.js";
import type { Game } from "../../games/game.js";
import { readGameFile } from "../../games/gambit-format.js";
import { METHOD_NAMES, SOLVERS } from "../../games/solvers/index.js";
import { EXIT_NO_VERIFIED_EQUILIBRIUM } from "../../games/solvers/common.js";
import type { Equilibrium, SolveOptions, UnverifiedPoint } from "../../games/solvers/solver.js";
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

function jsonPoint(eq: Equilibrium): { profile: unknown; payoffs: (string | number)[] } {
  return {
    profile:
      eq.profile.kind === "mixed"
        ? eq.profile.probs.map((row) => row.map(jsonNumber))
        : eq.profile.probs.map((sets) => sets.map((row) => row.map(jsonNumber))),
    payoffs: eq.payoffs.map(jsonNumber),
  };
}

function describeEquilibrium(game: Game, eq: Equilibrium, heading: string): string[] {
  const lines = [heading];
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
        const unverified: UnverifiedPoint[] = result.unverified ?? [];
        const isQre = flags.lambda !== undefined;
        if (flags.json) {
          const out: Record<string, unknown> = {
            game: game.title,
            players: game.players,
            method: flags.method,
            equilibria: result.equilibria.map(jsonPoint),
          };
          if (unverified.length > 0) {
            out.unverified = unverified.map((eq) => ({ ...jsonPoint(eq), regret: eq.regret, reason: eq.reason }));
          }
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } else {
          const count = result.equilibria.length;
          const what = isQre ? `logit QRE${count === 1 ? "" : "s"}` : `equilibri${count === 1 ? "um" : "a"}`;
          const lines = [`${game.title || file} — method ${flags.method}: ${count} ${what}`];
          result.equilibria.forEach((eq, i) =>
            lines.push(...describeEquilibrium(game, eq, isQre ? `Logit QRE at λ = ${eq.lambda}` : `Equilibrium ${i + 1}`)),
          );
          unverified.forEach((eq, i) =>
            lines.push(...describeEquilibrium(game, eq, `Approximate point ${i + 1}, NOT an equilibrium: ${eq.reason}`)),
          );
          process.stdout.write(`${lines.join("\n")}\n`);
        }
        if (result.equilibria.length === 0 && unverified.length > 0) {
          process.stderr.write(`${flags.method}: no point found passed the equilibrium check\n`);
          process.exitCode = EXIT_NO_VERIFIED_EQUILIBRIUM;
        }
      }),
    );
}
