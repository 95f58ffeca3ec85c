/** The list of CLI commands: one import and one call per command module. */
import type { Command } from "commander";
import { register as registerBacktest } from "./backtest.js";
import { register as registerEvidence } from "./evidence.js";
import { register as registerCompare } from "./compare.js";
import { register as registerValidate } from "./validate.js";

export function registerCommands(program: Command): void {
  registerCompare(program);
  registerValidate(program);
  registerEvidence(program);
  registerBacktest(program);
}
