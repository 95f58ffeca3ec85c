/**
 * Reading a request safely: a JSON body of the right media type parsed against a schema, and a
 * run id checked for shape. Every failure is a precise 4xx.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, describeZodError } from "./http-errors.js";
import { RUN_ID } from "./schemas.js";

export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, `the request body must be JSON (Content-Type: application/json), got "${type || "none"}"`);
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, `the request body is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, `invalid request body: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export function runIdParam(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!RUN_ID.test(id)) throw new ApiError(404, `no run with id "${id.slice(0, 80)}"`);
  return id;
}
