/**
 * Zod issues as scenario issue data: the wording people read (unknown key with the keys allowed
 * there and a did-you-mean hint, wrong type, out of range, value not allowed). Shared by every
 * YAML loader built on a zod schema (scenarios, the case library).
 */
import type { z } from "zod";
import { didYouMean } from "../math/suggest.js";
import type { RawIssue } from "./checks.js";
import { describeValue } from "./issues.js";

type ZodIssue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}


/** One zod issue of `schema` as issue data (several for unknown keys), worded for people. */
export function fromZod(schema: z.ZodType, issue: ZodIssue, data: unknown): RawIssue[] {
  const path = issue.path as PropertyKey[];
  const found = valueAt(data, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(schema, path, data);
      return issue.keys.map((key) => {
        const guess = didYouMean(key, allowed);
        return {
          path,
          key,
          message: `unknown key "${key}"`,
          expected: allowed.length ? `one of ${allowed.join(", ")}` : undefined,
          hint: guess ? `did you mean "${guess}"?` : undefined,
        };
      });
    }
    case "invalid_type":
      if (found === undefined) return [{ path, message: `missing required key "${String(path[path.length - 1])}"`, expected: issue.expected }];
      return [{ path, message: `wrong type`, expected: issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`, received: describeValue(found) }];
    case "invalid_union": {
      if ("discriminator" in issue && typeof found === "string") {
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const guess = didYouMean(found, options);
        return [{ path, message: `unknown ${String(path[path.length - 1])} "${found}"`, expected: `one of ${options.join(", ")}`, received: `"${found}"`, hint: guess ? `did you mean "${guess}"?` : undefined }];
      }
      if (found === undefined) return [{ path, message: `missing required key "${String(path[path.length - 1])}"` }];
      return [{ path, message: "does not match any allowed form", received: describeValue(found) }];
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      const guess = typeof found === "string" ? didYouMean(found, values) : undefined;
      return [{ path, message: "value not allowed", expected: `one of ${values.join(", ")}`, received: describeValue(found), hint: guess ? `did you mean "${guess}"?` : undefined }];
    }
    case "too_small":
    case "too_big": {
      const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      // zod's own safe-integer bound of int(); every integer here has a tighter one of ours
      if (Math.abs(limit) === Number.MAX_SAFE_INTEGER) return [];
      const bound = Number.isInteger(limit) ? String(limit) : String(Number(limit.toPrecision(6)));
      const op = issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      const what = issue.origin === "array" ? `a list with ${op} ${bound} item(s)` : issue.origin === "string" ? `text of length ${op} ${bound}` : `a number ${op} ${bound}`;
      return [{ path, message: "out of range", expected: what, received: describeValue(found) }];
    }
    default:
      return [{ path, message: issue.message, received: found === undefined ? undefined : describeValue(found) }];
  }
}

interface ZodLike {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, ZodLike>;
      element?: ZodLike;
      keyType?: ZodLike;
      valueType?: ZodLike;
      innerType?: ZodLike;
      options?: ZodLike[];
      discriminator?: string;
      values?: unknown[];
      entries?: Record<string, unknown>;
    };
  };
}

/** The keys a mapping at `path` may have, found by walking the schema alongside the data. */
function allowedKeys(root: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let schema = root as unknown as ZodLike;
  let value: unknown = data;
  const unwrap = () => {
    for (;;) {
      const def = schema._zod.def;
      if ((def.type === "default" || def.type === "optional" || def.type === "nullable") && def.innerType) schema = def.innerType;
      else if (def.type === "union" && def.options) {
        const disc = def.discriminator;
        const tag = disc && value && typeof value === "object" ? (value as Record<string, unknown>)[disc] : undefined;
        const match = def.options.find((o) => {
          const s = o._zod.def.shape?.[disc ?? ""];
          return s?._zod.def.values?.includes(tag);
        });
        if (!match) return;
        schema = match;
      } else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = schema._zod.def;
    if (def.type === "object" && def.shape) schema = Object.hasOwn(def.shape, String(seg)) ? def.shape[String(seg)] : (undefined as unknown as ZodLike);
    else if (def.type === "array" && def.element) schema = def.element;
    else if (def.type === "record" && def.valueType) schema = def.valueType;
    else return [];
    if (!schema) return [];
    value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
    unwrap();
  }
  const def = schema._zod.def;
  if (def.shape) return Object.keys(def.shape);
  // a record whose keys are an enum (e.g. loss weights by outcome name): its keys are the enum's
  const keyEntries = def.type === "record" ? def.keyType?._zod.def.entries : undefined;
  return keyEntries ? Object.keys(keyEntries) : [];
}
