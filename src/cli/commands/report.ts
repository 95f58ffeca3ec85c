/**
 * `guarantor report FILE --out report.html`: evaluate the scenario, scan the cruxes between the two
 * leading options on a small budget, and write everything as one self-contained HTML file
 * (src/report/).
 */
import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { InputError, UsageError } from "../../errors.js";
import { gatherReport, REPORT_CRUX_BUDGET } from "../../report/gather.js";
import { reportHtml } from "../../report/html.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { packageInfo } from "../../server/package-info.js";
import { evaluate } from "../../sim/evaluate.js";
import { parsePositiveInt, runAction } from "../action.js";
import { evaluationOptions, splitList } from "../evaluate-options.js";
import { progressBar } from "../progress.js";

interface Flags {
  out?: string;
  options?: string;
  perspectives?: string;
  seed?: string;
  trajectories?: string;
  workers?: string;
  cruxTrajectories?: string;
  cruxGrid?: string;
}

async function writeReport(file: string, flags: Flags): Promise<void> {
  if (!flags.out) throw new UsageError("report needs --out FILE.html, the file to write");
  const budget = {
    trajectories: parsePositiveInt("--crux-trajectories", flags.cruxTrajectories, REPORT_CRUX_BUDGET.trajectories),
    gridPoints: parsePositiveInt("--crux-grid", flags.cruxGrid, REPORT_CRUX_BUDGET.gridPoints),
  };
  const evaluation = evaluationOptions(flags);
  const scenario = loadScenarioFile(file);
  const run = progressBar("compare");
  let result;
  try {
    result = await evaluate(scenario, {
      ...evaluation,
      options: splitList(flags.options),
      perspectives: splitList(flags.perspectives),
      onProgress: run.update,
    });
  } finally {
    run.done();
  }
  const scan = progressBar("cruxes");
  let data;
  try {
    data = await gatherReport(scenario, result, {
      version: packageInfo().version,
      budget,
      onProgress: scan.update,
    });
  } finally {
    scan.done();
  }
  try {
    writeFileSync(flags.out, reportHtml(data));
  } catch (e) {
    throw new InputError(`${flags.out}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  process.stderr.write(`wrote ${flags.out}\n`);
}

export function register(program: Command): void {
  program
    .command("report")
    .description("write one self-contained HTML report: comparison, charts, perspectives and sources, cruxes, assumptions, seed and version")
    .argument("<file>", "scenario YAML file")
    .option("--out <file.html>", "the HTML file to write")
    .option("--options <ids>", "option ids, comma-separated (default: all)")
    .option("--perspectives <ids>", "perspective ids, comma-separated (default: all of the scenario's)")
    .option("--seed <n>", "random seed (default: the scenario's, else 20251)")
    .option("--trajectories <n>", "trajectories per option and perspective (default: the scenario's, else 10000)")
    .option("--workers <n>", "worker threads (default: the number of cores); results are identical for any number")
    .option("--crux-trajectories <n>", `trajectories per setting of the crux scan (default ${REPORT_CRUX_BUDGET.trajectories})`)
    .option("--crux-grid <n>", `grid points per parameter of the crux scan (default ${REPORT_CRUX_BUDGET.gridPoints})`)
    .action(runAction((file: string, flags: Flags) => writeReport(file, flags)));
}
