/**
 * `guarantor start` (what `npm start` runs after building): prints the comparison of the bundled
 * scenario, then serves the web app unless --no-serve.
 */
import type { Command } from "commander";
import { spawnSync } from "node:child_process";
import { relative } from "node:path";
import { bundledScenarioPath } from "../../server/package-info.js";
import { runAction } from "../action.js";
import { addServeFlags, serveUntilStopped, type ServeFlags } from "./serve.js";

interface StartFlags extends ServeFlags {
  serve: boolean;
  trajectories?: string;
}

/** The comparison runs as its own `compare` command, so it prints exactly what that command prints. */
function printComparison(trajectories: string | undefined): number {
  const scenario = relative(process.cwd(), bundledScenarioPath()) || bundledScenarioPath();
  const args = [process.argv[1], "compare", scenario, ...(trajectories ? ["--trajectories", trajectories] : [])];
  process.stdout.write(`$ guarantor compare ${args.slice(2).join(" ")}\n`);
  const child = spawnSync(process.execPath, args, { stdio: "inherit" });
  return child.status ?? 1;
}

export function register(program: Command): void {
  addServeFlags(
    program
      .command("start")
      .description("print the comparison of the bundled Ukraine scenario, then serve the web app")
      .option("--no-serve", "only print the comparison")
      .option("--trajectories <n>", "trajectories for the comparison (default: the scenario's)"),
  ).action(
    runAction(async (flags: StartFlags) => {
      const status = printComparison(flags.trajectories);
      if (!flags.serve) {
        process.exitCode = status;
        return;
      }
      if (status !== 0) process.stderr.write("the comparison failed (above); serving the web app anyway\n");
      process.stdout.write("\n");
      await serveUntilStopped(flags);
    }),
  );
}
