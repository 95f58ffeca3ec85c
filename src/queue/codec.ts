/**
 * What crosses Redis: a block job's specification and a block's aggregates, serialised with V8's
 * structured-clone format (the same one worker threads use, so Float64Arrays keep every bit) and
 * deflated. Ids are hashes of the specification, so a resubmitted run finds its finished jobs.
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { AggregateData } from "../sim/aggregate.js";
import type { BlockJob } from "../sim/blocks.js";

export function encode(value: unknown): Buffer {
  return deflateRawSync(serialize(value), { level: 1 });
}

export function decode<T>(bytes: Buffer): T {
  return deserialize(inflateRawSync(bytes)) as T;
}

export interface EncodedJob {
  /** sha-256 of the encoded specification, hex */
  hash: string;
  bytes: Buffer;
}

/** The specification every block of one evaluation shares: scenario, plan options, whether rows are kept. */
export function encodeJob(job: BlockJob): EncodedJob {
  const bytes = encode(job);
  return { hash: createHash("sha256").update(bytes).digest("hex"), bytes };
}

export function decodeJob(bytes: Buffer): BlockJob {
  return decode<BlockJob>(bytes);
}

export function encodeParts(parts: AggregateData[]): Buffer {
  return encode(parts);
}

export function decodeParts(bytes: Buffer): AggregateData[] {
  return decode<AggregateData[]>(bytes);
}
