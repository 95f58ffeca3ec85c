/**
 * What crosses Redis: a block job's specification and a block's aggregates, serialised with V8's
 * structured-clone format (the same one worker threads use, so Float64Arrays keep every bit) and
 * deflated. Ids are hashes of the specification, so a resubmitted run finds its finished jobs.
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { OptionOutcomes } from "../analysis/probe.js";
import type { Scenario } from "../scenario/load.js";
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

export function encodeParts(parts: AggregateData[]): Buffer {
  return encode(parts);
}

export function decodeParts(bytes: Buffer): AggregateData[] {
  return decode<AggregateData[]>(bytes);
}

/** What every settings job of one analysis shares: the scenario, the probe's seed and sizes, the options run. */
export interface ProbeSpec {
  kind: "probe";
  scenario: Scenario;
  seed: number;
  trajectories: number;
  batches: number;
  options: string[];
}

export function encodeSpec(spec: ProbeSpec | BlockJob): EncodedJob {
  const bytes = encode(spec);
  return { hash: createHash("sha256").update(bytes).digest("hex"), bytes };
}

export function decodeSpec(bytes: Buffer): ProbeSpec | BlockJob {
  return decode<ProbeSpec | BlockJob>(bytes);
}

/** sha-256 (hex) of a value's encoding: the settings of a range, for its job id. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(serialize(value)).digest("hex");
}

export function encodeAnswers(answers: Map<string, OptionOutcomes>[]): Buffer {
  return encode(answers);
}

export function decodeAnswers(bytes: Buffer): Map<string, OptionOutcomes>[] {
  return decode<Map<string, OptionOutcomes>[]>(bytes);
}
