/**
 * Names shared by the submitting side and the workers: the queue, the Redis keys beside it, the job
 * ids, and how long finished work is kept (docs/SCALING.md). A job id is a pure function of what the
 * job computes (the specification's hash, the block and its trajectory count), so submitting the same
 * run twice adds no job twice and reuses the finished ones.
 */
import type { ProbeSetting } from "../analysis/probe.js";
import { InputError } from "../errors.js";

export const QUEUE_NAME = "guarantor-blocks";

/** Job names: a simulator block, or a range of an analysis's design points (settings). */
export const BLOCK_JOB = "block";
export const SETTINGS_JOB = "settings";

/** Finished jobs (with their results) and specifications are kept this long (seconds) for reuse. */
export const KEEP_SECONDS = 7 * 24 * 3600;

/** Tries of a job before the run fails on it (a SIGKILLed worker's job counts as stalled, not tried). */
export const ATTEMPTS = 3;

export function specKey(hash: string): string {
  return `guarantor:spec:${hash}`;
}

/** "<spec hash>-b<block>-n<count>": BullMQ job ids may not contain ":". */
export function blockJobId(specHash: string, block: number, count: number): string {
  return `${specHash.slice(0, 40)}-b${block}-n${count}`;
}

/** What a job id means to a person: block b, trajectories first … first + count − 1. */
export function describeJob(jobId: string, first: number, count: number): string {
  return `job ${jobId} (trajectories ${first}–${first + count - 1})`;
}

/**
 * "<spec hash>-r<first>-<hash of the settings>-n<count>": a range of design points of one analysis;
 * the settings' own hash makes the id name what is computed, not only where it sits in the design.
 */
export function settingsJobId(specHash: string, first: number, settingsHash: string, count: number): string {
  return `${specHash.slice(0, 32)}-r${first}-${settingsHash.slice(0, 16)}-n${count}`;
}

/** A settings job to a person: design points first … first + count − 1. */
export function describeSettingsJob(jobId: string, first: number, count: number): string {
  return `job ${jobId} (design points ${first}–${first + count - 1})`;
}

/** The data of a settings job: the probe's specification by hash, and the settings themselves (small). */
export interface SettingsJobData {
  spec: string;
  first: number;
  settings: ProbeSetting[];
}

/** The data a block job carries; the specification itself sits once under specKey(spec). */
export interface BlockJobData {
  spec: string;
  block: number;
  trajectories: number;
}

/** Host and port of a redis:// URL, checked, for ioredis. */
export interface RedisTarget {
  url: string;
  host: string;
  port: number;
  db: number;
  password?: string;
  username?: string;
}

export function parseRedisUrl(raw: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`--redis expects a URL such as redis://127.0.0.1:6379, got "${raw.slice(0, 80)}"`);
  }
  if (url.protocol !== "redis:") throw new InputError(`--redis expects a redis:// URL, got "${raw.slice(0, 80)}"`);
  const port = url.port === "" ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, "");
  if (dbText !== "" && !/^\d+$/.test(dbText)) throw new InputError(`--redis: the database in the URL's path must be a number, got "${dbText.slice(0, 20)}"`);
  return {
    url: `redis://${url.hostname}:${port}${dbText ? `/${dbText}` : ""}`,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    db: dbText === "" ? 0 : Number(dbText),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
  };
}
