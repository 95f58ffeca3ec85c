/** Runs CLI commands in-process for tests: registers them on a fresh program and captures stdout, stderr and the exit code. */
import { Command } from "commander";
import { vi } from "vitest";

export interface CliRun {
  out: string;
  err: string;
  code: number;
}

export async function runCli(registers: ((program: Command) => void)[], args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  process.exitCode = 0;
  const program = new Command().exitOverride();
  for (const register of registers) register(program);
  try {
    await program.parseAsync(["node", "guarantor", ...args]);
  } catch (e) {
    // commander's own usage errors (unknown flag, missing argument) are exit code 2, as in main.ts
    err += String(e);
    process.exitCode = 2;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}
