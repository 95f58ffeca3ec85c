/** `guarantor compare FILE` and `guarantor run FILE`: evaluate options under perspectives and print the outcomes. */
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.js";
import { evaluate } from "../../sim/evaluate.js";
import { evaluateWithAudit, type Audit } from "../../analysis/audit.js";
import type { PrecisionReport } from "../../contract/result.js";
import { runAction } from "../action.js";
import { addEvaluationFlags, evaluationOptions, type EvaluationFlags } from "../evaluate-options.js";
import { formatComparison, formatRun, toCsv, toJson } from "../format.js";
import { progressBar } from "../progress.js";
import { trajectoryWriter } from "../trajectories-out.js";
import { queueFromFlag, REDIS_HELP } from "../queue-option.js";

interface Flags extends EvaluationFlags {
  option?: string;
  options?: string;
  perspective?: string;
  perspectives?: string;
  redis?: string;
}

async function evaluateAndPrint(file: string, flags: Flags, mode: "run" | "compare"): Promise<void> {
  const scenario = loadScenarioFile(file);
  const options = evaluationOptions(flags, {
    options: { name: mode === "run" ? "--option" : "--options", raw: flags.option ?? flags.options },
    perspectives: { name: mode === "run" ? "--perspective" : "--perspectives", raw: flags.perspective ?? flags.perspectives },
  });
  const out = flags.trajectoriesOut === undefined ? undefined : trajectoryWriter(flags.trajectoriesOut);
  const executor = queueFromFlag(flags.redis)?.executor;
  const bar = progressBar(mode);
  let result;
  let audit: Audit | undefined;
  const evaluateOptions = {
    ...options,
    perspectives: options.perspectives ?? (mode === "run" ? ["baseline"] : undefined),
    onProgress: bar.update,
    ...(out ? { onTrajectories: out.write } : {}),
    ...(executor ? { executor } : {}),
  };
  try {
    // compare --json carries the dominance audit (docs/MODEL.md, "The dominance audit") as an added field
    if (mode === "compare" && flags.json) ({ result, audit } = await evaluateWithAudit(scenario, evaluateOptions));
    else result = await evaluate(scenario, evaluateOptions);
  } finally {
    bar.done();
    out?.close();
  }
  if (result.precision) process.stderr.write(precisionLine(result.precision, result.trajectories));
  if (flags.json) process.stdout.write(toJson(audit ? { ...result, audit } : result) + "\n");
  else if (flags.csv) process.stdout.write(toCsv(result));
  else process.stdout.write((mode === "run" ? formatRun(result) : formatComparison(result)) + "\n");
}

function precisionLine(p: PrecisionReport, trajectories: number): string {
  const reached = `largest standard error of a probability ${p.reached.toFixed(4)} (${p.worst.outcome}, ${p.worst.option}, ${p.worst.perspective})`;
  return p.converged
    ? `precision ${p.target} reached with ${trajectories.toLocaleString("en-US")} trajectories: ${reached}\n`
    : `precision ${p.target} NOT reached: stopped at the cap of ${trajectories.toLocaleString("en-US")} trajectories; ${reached}\n`;
}

export function register(program: Command): void {
  addEvaluationFlags(
    program
      .command("run")
      .description("evaluate options under one perspective and print every outcome")
      .argument("<file>", "scenario YAML file")
      .option("--option <ids>", "option id(s), comma-separated (default: all)")
      .option("--perspective <ids>", 'perspective id(s), comma-separated (default: "baseline", the scenario\'s own priors)')
      .option("--redis <url>", REDIS_HELP),
  ).action(runAction((file: string, flags: Flags) => evaluateAndPrint(file, flags, "run")));

  addEvaluationFlags(
    program
      .command("compare")
      .description("compare every option under every perspective, ranked by the scenario's loss")
      .argument("<file>", "scenario YAML file")
      .option("--options <ids>", "option ids, comma-separated (default: all)")
      .option("--perspectives <ids>", "perspective ids, comma-separated (default: all of the scenario's)")
      .option("--redis <url>", REDIS_HELP),
  ).action(runAction((file: string, flags: Flags) => evaluateAndPrint(file, flags, "compare")));
}
