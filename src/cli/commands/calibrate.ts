/**
 * `guarantor calibrate [--write] [--check] [--redis URL]`: fits the priors the historical record speaks to
 * (src/evidence/calibration/), prints them beside the scenario's own, and writes them into the
 * registry and the bundled scenario's evidence perspective, or re-derives and checks them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { calibrate, type CalibrationReport } from "../../evidence/calibration/calibrate.js";
import { compareCalibrated } from "../../evidence/calibration/check.js";
import { packageRoot } from "../../evidence/cases/historical-cases.js";
import { withEvidencePerspective } from "../../evidence/priors/evidence-perspective.js";
import { evidenceOverrides, loadPriors, parsePriors } from "../../evidence/priors/registry.js";
import { withCalibratedPriors } from "../../evidence/priors/write-calibrated.js";
import { describePrior } from "../../scenario/prior.js";
import { loadScenarioText } from "../../scenario/load.js";
import { runAction } from "../action.js";
import { progressBar } from "../progress.js";
import { queueFromFlag, REDIS_HELP } from "../queue-option.js";
import { fmt, table } from "./evidence.js";
import { writeJson } from "./sensitivity.js";

export function register(program: Command): void {
  program
    .command("calibrate")
    .description("fit the priors the historical record speaks to (likelihood, ABC, history matching; fixed seed) and write or check them")
    .option("--write", "write the calibrated priors into src/evidence/priors.yaml and the evidence perspective of scenarios/ukraine-2025.yaml")
    .option("--check", "re-derive every calibrated prior of the registry and compare within its stored tolerance")
    .option("--redis <url>", REDIS_HELP)
    .option("--json", "print JSON")
    .action(runAction(async (opts: { write?: boolean; check?: boolean; json?: boolean; redis?: string }) => {
      const executor = queueFromFlag(opts.redis)?.executor;
      const root = packageRoot();
      const scenarioPath = join(root, "scenarios", "ukraine-2025.yaml");
      const scenarioText = readFileSync(scenarioPath, "utf8");
      const scenario = loadScenarioText(scenarioText, "ukraine-2025.yaml");
      const bar = progressBar("history matching");
      const report = await calibrate({ scenario, scenarioText, onProgress: (done, total) => bar.update({ done, total }), ...(executor ? { executor } : {}) });
      bar.done();
      if (opts.check) {
        const checks = compareCalibrated(loadPriors(), report.priors);
        if (opts.json) writeJson({ checks });
        else for (const c of checks) {
          const line = c.rederived && c.stored ? `stored ${c.stored.mean} ± ${c.stored.sd}, re-derived ${fmt(c.rederived.mean, 4)} ± ${fmt(c.rederived.sd, 4)}, tolerance ${c.tolerance}` : c.problem ?? "";
          print(`${c.agrees ? "ok  " : "DIFF"} ${c.id}: ${line}`);
        }
        if (checks.some((c) => !c.agrees)) process.exitCode = 1;
        return;
      }
      if (opts.write) {
        const registryPath = join(root, "src", "evidence", "priors.yaml");
        const registryText = withCalibratedPriors(readFileSync(registryPath, "utf8"), report.priors);
        const overrides = evidenceOverrides(parsePriors(registryText, "priors.yaml"));
        const updatedScenario = withEvidencePerspective(scenarioText, overrides);
        loadScenarioText(updatedScenario, "ukraine-2025.yaml");
        writeFileSync(registryPath, registryText);
        writeFileSync(scenarioPath, updatedScenario);
      }
      if (opts.json) return writeJson(report);
      print(formatReport(report, scenario.parameters));
      if (opts.write) print(`\nwrote ${report.priors.length} calibrated priors to src/evidence/priors.yaml and the evidence perspective of scenarios/ukraine-2025.yaml`);
    }));
}

function formatReport(report: CalibrationReport, scenarioPriors: Record<string, Parameters<typeof describePrior>[0]>): string {
  const lines = [`Calibrated priors (seed ${report.settings.seed}; methods in docs/EVIDENCE.md §7)\n`];
  lines.push(table(["parameter", "scenario prior", "calibrated prior", "method"], report.priors.map((p) => [
    p.parameter,
    scenarioPriors[p.parameter] ? describePrior(scenarioPriors[p.parameter]) : "(not yet in the model)",
    `${p.prior.dist}(mean ${p.prior.mean}, sd ${p.prior.sd})`,
    p.method.split(/[,:]/)[0],
  ])));
  const hm = report.historyMatching;
  lines.push(`\nHistory matching: ${hm.kept.length} of ${hm.points.length} design points have implausibility < ${hm.cutoff}; best ${fmt(hm.best.implausibility, 2)}`);
  lines.push(table(["target", "observed", "se", "best point"], hm.targets.map((t, k) => [t.label, fmt(t.observed, 3), fmt(t.stdErr, 3), fmt(hm.best.simulated[k], 3)])));
  if (hm.kept.length === 0) lines.push("No design point reproduces the record: the rates are not calibrated (the model cannot reach these targets in the searched box).");
  const cf = report.ceasefireMatching;
  if (cf) {
    lines.push(`\nCease-fires' spoiler rate scale (docs/EVIDENCE.md §7.3): ${cf.kept.length} of ${cf.points.length} design points have implausibility < ${cf.cutoff}; best ${fmt(cf.best.implausibility, 2)} at ${fmt(cf.best.values[0], 3)}`);
    lines.push(table(["target", "observed", "se", "best point"], cf.targets.map((t, k) => [t.label.replace("no commitment", "cease-fires without peacekeepers"), fmt(t.observed, 3), fmt(t.stdErr, 3), fmt(cf.best.simulated[k], 3)])));
  }
  if (report.predictive.length > 0) {
    lines.push(`\nPredictive check: the calibration scenario with every calibrated prior drawn per trajectory (seed ${report.settings.seed})`);
    lines.push(table(["quantity", "simulated", "se", "observed", "se", "|z|"], report.predictive.map((r) => [
      r.label, fmt(r.simulated, 3), fmt(r.simulatedSe, 3), fmt(r.observed, 3), fmt(r.observedSe, 3), fmt(r.z, 1),
    ])));
  }
  for (const p of report.priors) {
    lines.push(`\n${p.id}: ${Object.entries(p.figures).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  }
  return lines.join("\n");
}

const print = (text: string) => void process.stdout.write(`${text}\n`);
