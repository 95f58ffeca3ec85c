/**
 * Connections to Redis for the queue: the submitting side gives up after a few seconds without
 * Redis (a clear error, no partial result); a worker keeps reconnecting, so a fleet outlives a
 * Redis restart (docs/SCALING.md).
 */
import type { RedisOptions } from "bullmq";
import { Redis } from "ioredis";
import { InputError } from "../errors.js";
import type { RedisTarget } from "./names.js";

/** A run that cannot go on because of the queue: Redis unreachable, a job failing for good. */
export class QueueError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = "QueueError";
  }
}

/** Reconnection attempts of a submitter, 250 ms apart, before the run fails. */
const SUBMITTER_RECONNECTS = 12;

export function connectionOptions(target: RedisTarget, role: "submitter" | "worker"): RedisOptions {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.password ? { password: target.password } : {}),
    ...(target.username ? { username: target.username } : {}),
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    retryStrategy: role === "worker" ? (times: number) => Math.min(times * 200, 2000) : (times: number) => (times > SUBMITTER_RECONNECTS ? null : 250),
  };
}

export function openRedis(target: RedisTarget, role: "submitter" | "worker"): Redis {
  const redis = new Redis({ ...connectionOptions(target, role), lazyConnect: true });
  redis.on("error", () => {}); // failures surface through commands and the health check
  return redis;
}

/** Resolves when `redis` answers a PING within `ms`; else a QueueError naming the URL. */
export async function checkReachable(redis: Redis, target: RedisTarget, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (redis.status === "wait") await withTimeout(redis.connect(), ms, (t) => (timer = t));
    await withTimeout(redis.ping(), ms, (t) => (timer = t));
  } catch {
    throw new QueueError(`cannot reach Redis at ${target.url} (is redis-server running, and is the URL right?)`);
  } finally {
    clearTimeout(timer);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, keep: (t: NodeJS.Timeout) => void): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => keep(setTimeout(() => reject(new Error("timeout")), ms)))]);
}
