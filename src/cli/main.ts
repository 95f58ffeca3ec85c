#!/usr/bin/env node
/**
 * guarantor's command-line program: a thin adapter over the library. Each command lives in
 * src/cli/commands/<name>.ts and registers itself here; exit codes are 0 (ok), 1 (bad input),
 * 2 (bad usage).
 */
import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { registerCommands } from "./commands/index.js";

const require = createRequire(import.meta.url);
const { version } = require("../../../package.json") as { version: string };

const program = new Command();
program
  .name("guarantor")
  .description("Model security guarantees in peace settlements: outcomes with uncertainty, and the cruxes.")
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version are "errors" to commander; everything else is bad usage
    process.exitCode = e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2;
  } else {
    throw e;
  }
}
