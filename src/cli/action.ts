/**
 * The one place where CLI commands meet the process: runs a command body, turns expected
 * failures into a message on stderr and an exit code, and anything unexpected into a short
 * bug report (still without a stack trace unless GUARANTOR_DEBUG is set).
 */
import { InputError, UsageError } from "../errors.js";
import { closeQueues } from "./queue-option.js";

export function runAction<A extends unknown[]>(body: (...args: A) => Promise<void> | void) {
  return async (...args: A): Promise<void> => {
    try {
      await body(...args);
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`${e.message.trimEnd()}\n`);
        process.exitCode = e.exitCode;
        return;
      }
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`internal error in guarantor: ${msg}\n`);
      if (process.env.GUARANTOR_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = 3;
    } finally {
      await closeQueues();
    }
  };
}

/** Parse a positive integer option or fail with a usage error naming the flag. */
export function parsePositiveInt(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`${flag} expects a positive integer, got "${raw}"`);
  }
  return Number(raw);
}
