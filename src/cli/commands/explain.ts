/**
 * `guarantor explain FILE --perspectives a,b`: why two perspectives reach different results —
 * the gap in each option's outcome split among the parameters they set differently (Shapley).
 */
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { explainPerspectives, mainContributors, type ExplainReport } from "../../analysis/perspective-shapley.js";
import type { Target } from "../../analysis/probe.js";
import { formatNumber, signedBarChart } from "../../analysis/text-charts.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { parsePositiveInt, runAction } from "../action.js";
import { splitList } from "../evaluate-options.js";
import { progressBar } from "../progress.js";
import { addAnalysisFlags, parseOutcome, probeFromFlags, seedFromFlags, writeJson, type AnalysisFlags } from "./sensitivity.js";

interface Flags extends AnalysisFlags {
  perspectives?: string;
  options?: string;
  outcome?: string;
  exactUpTo?: string;
  orderings?: string;
}

const withSe = (e: { mean: number; se: number }) => `${formatNumber(e.mean)}${Number.isFinite(e.se) ? ` ± ${formatNumber(e.se)}` : ""}`;

export function formatExplanation(report: ExplainReport): string {
  const how = report.method === "exact" ? `all ${report.coalitionsEvaluated} coalitions` : `${report.coalitionsEvaluated} coalitions from sampled orderings`;
  const lines = [
    `Why "${report.to}" differs from "${report.from}": Shapley values over the ${report.parameters.length} parameters they set differently (${how}, ${report.trajectoriesPerCoalition} trajectories each in ${report.batches} batches; ± = standard error)`,
  ];
  for (const e of report.explanations) {
    const main = mainContributors(e);
    lines.push(
      "",
      `${e.label}: ${withSe(e.atFrom)} under ${report.from} → ${withSe(e.atTo)} under ${report.to} (gap ${e.gap.mean > 0 ? "+" : ""}${withSe(e.gap)})`,
      main.length > 0 ? `  mainly through ${main.length === 1 ? main[0] : `${main.slice(0, -1).join(", ")} and ${main[main.length - 1]}`}` : "  no parameter moves it",
      ...signedBarChart(e.contributions.map((c) => ({ label: c.parameter, value: c.mean, se: c.se }))).map((l) => `  ${l}`),
    );
  }
  return lines.join("\n");
}

export function register(program: Command): void {
  addAnalysisFlags(
    program
      .command("explain")
      .description("why two perspectives disagree: each differing parameter's share of the gap (Shapley values)")
      .argument("<file>", "scenario YAML file")
      .requiredOption("--perspectives <a,b>", 'two perspective ids ("baseline" = the scenario\'s own priors)')
      .option("--options <ids>", "options whose outcome is explained, comma-separated; with two, also their difference (default: all)")
      .option("--outcome <name>", "outcome to explain (default: loss)")
      .option("--exact-up-to <n>", "enumerate all coalitions up to this many differing parameters, sample orderings above (default 10)")
      .option("--orderings <n>", "orderings sampled (each with its reverse) above that (default 16)"),
    1000,
    4,
  ).action(
    runAction(async (file: string, flags: Flags) => {
      const perspectives = splitList(flags.perspectives) ?? [];
      if (perspectives.length !== 2) throw new UsageError(`--perspectives takes two perspective ids, a,b; got "${flags.perspectives}"`);
      const scenario = loadScenarioFile(file);
      const probe = probeFromFlags(scenario, flags, { trajectories: 1000, batches: 4 });
      const outcome = parseOutcome(flags.outcome, "loss");
      const options = splitList(flags.options) ?? [...probe.options];
      const targets: Target[] = options.map((option) => ({ outcome, option }));
      if (options.length === 2) targets.push({ outcome, option: options[0], versus: options[1] });
      const bar = progressBar("explain");
      const report = await explainPerspectives(probe, {
        from: perspectives[0],
        to: perspectives[1],
        targets,
        exactUpTo: parsePositiveInt("--exact-up-to", flags.exactUpTo, 10),
        orderings: parsePositiveInt("--orderings", flags.orderings, 16),
        seed: seedFromFlags(scenario, flags),
        onProgress: (done, total) => bar.update({ done, total }),
      });
      bar.done();
      if (flags.json) writeJson(report);
      else process.stdout.write(formatExplanation(report) + "\n");
    }),
  );
}
