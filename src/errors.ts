/**
 * Expected failures that reach a user: bad input, infeasible requests, games too large.
 * Adapters (CLI, server) turn these into a message and an exit code or a 4xx; anything else
 * thrown is a bug in guarantor and is reported as such.
 */

/** Bad input: the message is complete and meant for a person. CLI exit code 1, HTTP 400/422. */
export class InputError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** The command line itself is wrong (unknown flag, missing argument). CLI exit code 2. */
export class UsageError extends InputError {
  override readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
