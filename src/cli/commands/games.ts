/**
 * `guarantor games FILE --option ID`: the six mechanism games of one option, built at the prior
 * means of a perspective (or at one trajectory's draw), written as Gambit .efg files with
 * --export DIR, and explained in words with --explain.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../../errors.js";
import { writeEfg } from "../../games/efg-format.js";
import { PARAMETER_COUNT } from "../../contract/parameters.js";
import { solveMechanisms, strategicInputs, type SolvedMechanism } from "../../models/mechanisms/index.js";
import { loadScenarioFile, type Scenario } from "../../scenario/load.js";
import { priorMean } from "../../scenario/prior.js";
import { drawParameters, drawPlan } from "../../sim/draws.js";
import { BASELINE, makePlan } from "../../sim/plan.js";
import { runAction } from "../action.js";

interface Flags {
  option: string;
  perspective?: string;
  export?: string;
  explain?: boolean;
  trajectory?: string;
}

/** θ at the prior means (or trajectory n's draw), mechanism switches applied. */
function parameterPoint(scenario: Scenario, priors: Parameters<typeof drawPlan>[0], seed: number, trajectory: number | null): Float64Array {
  const plan = drawPlan(priors, scenario.mechanisms);
  const theta = new Float64Array(PARAMETER_COUNT);
  if (trajectory !== null) drawParameters(plan, seed, trajectory, 1, theta);
  else {
    plan.priors.forEach((p, k) => (theta[k] = priorMean(p)));
    for (const f of plan.forced) theta[f.index] = f.value;
  }
  return theta;
}

function parseTrajectory(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(`--trajectory expects a trajectory index (0, 1, …), got "${raw}"`);
  return Number(raw);
}

export function mechanismsFor(scenario: Scenario, flags: Flags): { mechanisms: SolvedMechanism[]; at: string } {
  const plan = makePlan(scenario, { options: [flags.option], perspectives: [flags.perspective ?? BASELINE], trajectories: 2 });
  const trajectory = parseTrajectory(flags.trajectory);
  const theta = parameterPoint(scenario, plan.perspectives[0].priors, plan.seed, trajectory);
  const { challenger, protege, guarantors } = scenario.actors;
  const inputs = strategicInputs(plan.options[0], theta, { challenger, protege, guarantors });
  const at = trajectory === null ? `the prior means of "${plan.perspectives[0].id}"` : `the draw of trajectory ${trajectory} (seed ${plan.seed}) under "${plan.perspectives[0].id}"`;
  return { mechanisms: solveMechanisms(inputs), at };
}

function exportGames(dir: string, mechanisms: SolvedMechanism[]): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(`cannot create ${dir}: ${(e as Error).message}`);
  }
  const written: string[] = [];
  for (const m of mechanisms) {
    if (!m.game) continue;
    const path = join(dir, `${m.id}.efg`);
    writeFileSync(path, writeEfg(m.game));
    written.push(path);
  }
  return written;
}

export function register(program: Command): void {
  program
    .command("games")
    .description("the mechanism games of one option: export them as Gambit .efg files and explain their equilibria")
    .argument("<file>", "scenario file (YAML)")
    .requiredOption("--option <id>", "the option whose games to build")
    .option("--perspective <id>", "take the parameters from this perspective's priors", BASELINE)
    .option("--trajectory <n>", "build at trajectory n's parameter draw instead of the prior means")
    .option("--export <dir>", "write each game as <dir>/<game>.efg (Gambit format)")
    .option("--explain", "print each equilibrium in words")
    .action(
      runAction((file: string, flags: Flags) => {
        const scenario = loadScenarioFile(file);
        const { mechanisms, at } = mechanismsFor(scenario, flags);
        const out: string[] = [`Mechanism games of "${flags.option}" at ${at}:`];
        for (const m of mechanisms) {
          const size = m.game ? `${m.game.nodeCount} nodes, ${m.game.infosets.filter((h) => h.player > 0).length} decision points` : "not applicable";
          out.push("", `${m.title} (${m.source}) — ${size}`);
          if (flags.explain) out.push(...m.explanation.map((l) => `  ${l}`));
        }
        if (flags.export) out.push("", ...exportGames(flags.export, mechanisms).map((p) => `wrote ${p}`));
        if (!flags.explain && !flags.export) out.push("", "(--explain prints each equilibrium in words; --export DIR writes the games for Gambit)");
        process.stdout.write(`${out.join("\n")}\n`);
      }),
    );
}
