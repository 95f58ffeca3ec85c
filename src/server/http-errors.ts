/**
 * How the API says no: an error with an HTTP status and a complete message, turned into JSON
 * `{ error, problems? }` at the edge. Anything else thrown is a bug and becomes a bare 500.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { InputError } from "../errors.js";
import type { ScenarioProblem } from "./engine.js";
import { BusyError } from "./jobs/queue.js";
import { ScenarioProblemsError } from "./run-manager.js";

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly problems?: ScenarioProblem[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** "trajectories: Too big: expected number to be <=200000; seed: …" from zod's structured issues. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json({ error: err.message, ...(err.problems ? { problems: err.problems } : {}) }, err.status);
  }
  if (err instanceof ScenarioProblemsError) return c.json({ error: err.message, problems: err.problems }, 422);
  if (err instanceof BusyError) return c.json({ error: err.message }, 503);
  if (err instanceof InputError) return c.json({ error: err.message }, 422);
  process.stderr.write(`internal error in guarantor while serving ${c.req.method} ${c.req.path}: ${err.message}\n`);
  if (process.env.GUARANTOR_DEBUG) process.stderr.write(`${err.stack}\n`);
  return c.json({ error: "internal error in guarantor; the details are in the server's log" }, 500);
}
