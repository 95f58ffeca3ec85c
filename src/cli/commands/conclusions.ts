/**
 * `guarantor conclusions FILE`: does each perspective reproduce the conclusions it states (a school's
 * written conclusions, the evidence perspective's finding; docs/MODEL.md §12)? Evaluates the perspectives that state conclusions with paired statistics
 * and judges each comparison at 2 standard errors (src/analysis/conclusions.ts).
 */
import type { Command } from "commander";
import { checkConclusions, conclusionsByPerspective } from "../../analysis/conclusions.js";
import { describeComparison, describeSkipped, type Comparison, type ConclusionsReport } from "../../contract/conclusions.js";
import { UsageError } from "../../errors.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { runAction } from "../action.js";
import { addEvaluationFlags, evaluationOptions, splitList, type EvaluationFlags } from "../evaluate-options.js";
import { progressBar } from "../progress.js";

interface Flags extends EvaluationFlags {
  perspectives?: string;
}

/** Where to look for what would change a failed comparison of two options: the crux finder on them under its perspective. */
function cruxCommand(file: string, perspective: string, c: Comparison): string {
  return `guarantor cruxes ${file} --options ${c.option},${c.than} --perspective ${perspective}${c.outcome === "loss" ? "" : ` --outcome ${c.outcome}`}`;
}

function formatConclusions(r: ConclusionsReport, file: string): string {
  const lines = [
    `The conclusions each perspective states, judged at ${r.z} standard errors (${r.trajectories.toLocaleString("en-US")} trajectories per option and perspective, seed ${r.seed})`,
  ];
  let perspective = "";
  for (const v of r.conclusions) {
    if (v.perspective !== perspective) {
      perspective = v.perspective;
      lines.push("", `▍${perspective}`);
    }
    lines.push(`  ${v.id}  ${v.status.toUpperCase()}  ${v.says}${v.source ? ` (${v.source})` : ""}`);
    for (const c of v.comparisons) lines.push(`        ${describeComparison(c)}`);
    if (v.not_reproduced) lines.push(`        why not: ${v.not_reproduced}`);
    const failed = v.comparisons.find((c) => !c.holds && c.than !== null);
    if (failed) lines.push(`        what would change it: ${cruxCommand(file, v.perspective, failed)}`);
  }
  for (const x of r.skipped) lines.push("", `  not judged: ${x.perspective} ${describeSkipped(x)}`);
  lines.push(
    "",
    r.not_as_stated === 0
      ? `All ${r.conclusions.length} conclusions came out as the scenario states (${r.conclusions.filter((v) => v.not_reproduced === null).length} reproduced, ${r.conclusions.filter((v) => v.not_reproduced !== null).length} documented as not).`
      : `${r.not_as_stated} of ${r.conclusions.length} conclusions did not come out as the scenario states: see NOT REPRODUCED and HOLDS above.`,
  );
  return lines.join("\n");
}

export function register(program: Command): void {
  addEvaluationFlags(
    program
      .command("conclusions")
      .description("does each perspective reproduce the conclusions it states? (each comparison judged at 2 standard errors)")
      .argument("<file>", "scenario YAML file whose perspectives list `conclusions`")
      .option("--perspectives <ids>", "perspective ids, comma-separated (default: every perspective that states conclusions)"),
    { outputs: false },
  ).action(
    runAction(async (file: string, flags: Flags) => {
      const scenario = loadScenarioFile(file);
      const stated = Object.keys(conclusionsByPerspective(scenario));
      const wanted = splitList(flags.perspectives) ?? stated;
      const missing = wanted.filter((p) => !stated.includes(p));
      if (stated.length === 0) throw new UsageError(`${file} states no conclusions: add \`conclusions\` to a perspective (docs/MODEL.md §12)`);
      if (missing.length > 0) throw new UsageError(`--perspectives: ${missing.join(", ")} state${missing.length === 1 ? "s" : ""} no conclusions; perspectives with conclusions: ${stated.join(", ")}`);
      const bar = progressBar("conclusions");
      let report: ConclusionsReport;
      try {
        report = (await checkConclusions(scenario, { ...evaluationOptions(flags), perspectives: wanted, onProgress: bar.update })).report;
      } finally {
        bar.done();
      }
      process.stdout.write((flags.json ? JSON.stringify(report, null, 2) : formatConclusions(report, file)) + "\n");
    }),
  );
}
