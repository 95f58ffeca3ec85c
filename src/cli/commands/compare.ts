/** `guarantor compare FILE` and `guarantor run FILE`: evaluate options under perspectives and print the outcomes. */
import type { Command } from "commander";
import { loadScenarioFile } from "../../scenario/load.js";
import { evaluate } from "../../sim/evaluate.js";
import { runAction } from "../action.js";
import { addEvaluationFlags, evaluationOptions, splitList, type EvaluationFlags } from "../evaluate-options.js";
import { formatComparison, formatRun, toCsv, toJson } from "../format.js";
import { progressBar } from "../progress.js";

interface Flags extends EvaluationFlags {
  option?: string;
  options?: string;
  perspective?: string;
  perspectives?: string;
}

async function evaluateAndPrint(file: string, flags: Flags, mode: "run" | "compare"): Promise<void> {
  const scenario = loadScenarioFile(file);
  const bar = progressBar(mode);
  const result = await evaluate(scenario, {
    ...evaluationOptions(flags),
    options: splitList(flags.option ?? flags.options),
    perspectives: splitList(flags.perspective ?? flags.perspectives) ?? (mode === "run" ? ["baseline"] : undefined),
    onProgress: bar.update,
  });
  bar.done();
  if (flags.json) process.stdout.write(toJson(result) + "\n");
  else if (flags.csv) process.stdout.write(toCsv(result));
  else process.stdout.write((mode === "run" ? formatRun(result) : formatComparison(result)) + "\n");
}

export function register(program: Command): void {
  addEvaluationFlags(
    program
      .command("run")
      .description("evaluate options under one perspective and print every outcome")
      .argument("<file>", "scenario YAML file")
      .option("--option <ids>", "option id(s), comma-separated (default: all)")
      .option("--perspective <ids>", 'perspective id(s), comma-separated (default: "baseline", the scenario\'s own priors)'),
  ).action(runAction((file: string, flags: Flags) => evaluateAndPrint(file, flags, "run")));

  addEvaluationFlags(
    program
      .command("compare")
      .description("compare every option under every perspective, ranked by the scenario's loss")
      .argument("<file>", "scenario YAML file")
      .option("--options <ids>", "option ids, comma-separated (default: all)")
      .option("--perspectives <ids>", "perspective ids, comma-separated (default: all of the scenario's)"),
  ).action(runAction((file: string, flags: Flags) => evaluateAndPrint(file, flags, "compare")));
}
