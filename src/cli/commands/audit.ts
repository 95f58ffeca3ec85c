/**
 * `guarantor audit FILE`: the dominance audit (docs/MODEL.md, "The dominance audit"). FILE is a
 * scenario (evaluated with paired per-trajectory statistics and the agnostic stress check) or the
 * JSON of `compare --json` (audited from its estimates, with √(SE_A² + SE_B²) for the differences).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { auditEvaluation, evaluateWithAudit, STRESS_TRAJECTORIES, type Audit } from "../../analysis/audit.js";
import type { EvaluationResult } from "../../contract/result.js";
import { InputError } from "../../errors.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { parsePositiveInt, runAction } from "../action.js";
import { addEvaluationFlags, evaluationOptions, splitList, type EvaluationFlags } from "../evaluate-options.js";
import { progressBar } from "../progress.js";

interface Flags extends EvaluationFlags {
  options?: string;
  perspectives?: string;
  stressTrajectories?: string;
}

function readResult(file: string): EvaluationResult {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(`cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  const r = data as Partial<EvaluationResult>;
  if (!r || !Array.isArray(r.results) || !Array.isArray(r.options) || !Array.isArray(r.perspectives) || typeof r.loss_weights !== "object")
    throw new InputError(`${file} is not the JSON of \`guarantor compare --json\` (it needs "options", "perspectives", "loss_weights" and "results")`);
  return r as EvaluationResult;
}

export function formatAudit(a: Audit): string {
  const lines = [
    `Dominance audit over ${a.perspectives.join(", ")}; components ${a.components.join(", ")}`,
    `standard errors: ${a.standard_errors === "paired" ? "paired (common random numbers)" : "independent, √(SE_A² + SE_B²) (from a result file)"}; stress check: ${a.stress_trajectories > 0 ? `${a.stress_trajectories} trajectories under every prior's 5%–95% uniform` : "not run"}`,
    "",
  ];
  if (a.dominance.length === 0) lines.push("Dominance: none (no option is at least as good as another on every component under every perspective).");
  else {
    lines.push("Dominance (A at least as good as B everywhere, strictly better where listed):");
    lines.push(`  ${"A".padEnd(30)} ${"B".padEnd(30)} ${"across prior space".padEnd(19)} strictly better on (perspective: components)`);
    for (const d of a.dominance) {
      const by = new Map<string, string[]>();
      for (const s of d.strict) by.set(s.perspective, [...(by.get(s.perspective) ?? []), s.component]);
      const where = [...by].map(([p, cs]) => `${p}: ${cs.length === a.components.length ? "all" : cs.join(", ")}`).join("; ");
      lines.push(`  ${d.option.padEnd(30)} ${d.dominated.padEnd(30)} ${String(d.across_prior_space ?? "not checked").padEnd(19)} ${where}`);
    }
  }
  lines.push("");
  if (a.zeros.length === 0) lines.push("Zeros: none (every component that any option has is nonzero for every option).");
  else {
    lines.push("Zeros (a component zero in every trajectory of an option, nonzero for another):");
    lines.push(`  ${"option".padEnd(30)} ${"component".padEnd(28)} by construction`);
    for (const z of a.zeros) lines.push(`  ${z.option.padEnd(30)} ${z.component.padEnd(28)} ${z.by_construction === null ? "not checked" : z.by_construction ? "yes (zero across the prior space)" : "no (nonzero under the stress check)"}`);
  }
  lines.push("", `Verdict: ${a.verdict}`);
  return lines.join("\n");
}

async function audit(file: string, flags: Flags): Promise<void> {
  let result: Audit;
  if (file.toLowerCase().endsWith(".json")) result = auditEvaluation({ result: readResult(file) });
  else {
    const scenario = loadScenarioFile(file);
    const stress = parsePositiveInt("--stress-trajectories", flags.stressTrajectories, STRESS_TRAJECTORIES);
    const bar = progressBar("audit");
    try {
      result = (await evaluateWithAudit(scenario, { ...evaluationOptions(flags), options: splitList(flags.options), perspectives: splitList(flags.perspectives), onProgress: bar.update }, stress)).audit;
    } finally {
      bar.done();
    }
  }
  process.stdout.write((flags.json ? JSON.stringify(result, null, 2) : formatAudit(result)) + "\n");
}

export function register(program: Command): void {
  addEvaluationFlags(
    program
      .command("audit")
      .description("dominance audit: is any option at least as good as another on every loss component under every perspective, or any outcome zero by construction?")
      .argument("<file>", "scenario YAML file, or the JSON written by `compare --json`")
      .option("--options <ids>", "option ids, comma-separated (default: all)")
      .option("--perspectives <ids>", "perspective ids, comma-separated (default: all of the scenario's)")
      .option("--stress-trajectories <n>", `trajectories of the stress check under every prior's 5%–95% uniform (default ${STRESS_TRAJECTORIES})`),
    { outputs: false },
  ).action(runAction((file: string, flags: Flags) => audit(file, flags)));
}
