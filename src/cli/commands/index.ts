/** The list of CLI commands: one import and one call per command module. */
import type { Command } from "commander";
import { register as registerBacktest } from "./backtest.js";
import { register as registerCases } from "./cases.js";
import { register as registerEvidence } from "./evidence.js";
import { register as registerCalibrate } from "./calibrate.js";
import { register as registerCompare } from "./compare.js";
import { register as registerValidate } from "./validate.js";
import { register as registerSensitivity } from "./sensitivity.js";
import { register as registerCruxes } from "./cruxes.js";
import { register as registerExplain } from "./explain.js";
import { register as registerSolve } from "./solve.js";
import { register as registerGames } from "./games.js";
import { register as registerReport } from "./report.js";
import { register as registerAudit } from "./audit.js";
import { register as registerConclusions } from "./conclusions.js";
import { register as registerServe } from "./serve.js";
import { register as registerStart } from "./start.js";
import { register as registerWorker } from "./worker.js";

export function registerCommands(program: Command): void {
  registerCompare(program);
  registerValidate(program);
  registerSensitivity(program);
  registerCruxes(program);
  registerExplain(program);
  registerSolve(program);
  registerGames(program);
  registerReport(program);
  registerAudit(program);
  registerConclusions(program);
  registerEvidence(program);
  registerCalibrate(program);
  registerBacktest(program);
  registerCases(program);
  registerServe(program);
  registerStart(program);
  registerWorker(program);
}
