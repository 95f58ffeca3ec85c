/**
 * Reading GET query parameters strictly: only the names an endpoint knows, each at most once,
 * each checked for form; every failure is a 400 that names the parameter and what it expected.
 */
import type { Context } from "hono";
import { ApiError } from "./http-errors.js";

export type QueryParams = Map<string, string>;

/** The query as name → value; unknown or repeated names are refused. */
export function readQuery(c: Context, known: readonly string[]): QueryParams {
  const params = new URL(c.req.url).searchParams;
  const out: QueryParams = new Map();
  for (const [name, value] of params) {
    if (!known.includes(name)) {
      throw new ApiError(400, `unknown query parameter "${name.slice(0, 60)}"; this endpoint takes: ${known.join(", ")}`);
    }
    if (out.has(name)) throw new ApiError(400, `query parameter "${name}" is given more than once`);
    if (value.length > 200) throw new ApiError(400, `query parameter "${name}" is longer than 200 characters`);
    out.set(name, value);
  }
  return out;
}

export function choiceParam<T extends string>(query: QueryParams, name: string, choices: readonly T[], fallback: T): T {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ApiError(400, `query parameter "${name}" must be one of ${choices.join(", ")}; got "${raw.slice(0, 60)}"`);
  }
  return raw as T;
}

export function integerParam(query: QueryParams, name: string, range: [number, number], fallback: number): number {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  const value = /^-?\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new ApiError(400, `query parameter "${name}" must be an integer from ${range[0]} to ${range[1]}; got "${raw.slice(0, 60)}"`);
  }
  return value;
}

export function numberParam(query: QueryParams, name: string, range: [number, number], fallback: number): number {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  const value = /^-?\d{1,6}(\.\d{1,6})?$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= range[0] && value <= range[1])) {
    throw new ApiError(400, `query parameter "${name}" must be a number from ${range[0]} to ${range[1]}; got "${raw.slice(0, 60)}"`);
  }
  return value;
}
