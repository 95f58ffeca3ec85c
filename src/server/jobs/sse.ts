/**
 * A job's progress as server-sent events, shared by runs and analyses: `progress` {done, total}
 * while it goes, then one `end` {status, error}. Events are written in order; the stream stays
 * open (with heartbeats) until the end has been written or the client leaves.
 */
import type { Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { JobEvent } from "./queue.js";

export interface JobEventSource {
  /** latest progress while the job waits or runs; null once it has ended */
  progressOf(id: string): { done: number; total: number } | null;
  subscribe(id: string, listener: (event: JobEvent) => void): () => void;
  /** how an ended job ended */
  ended(id: string): { status: string; error: string | null };
}

export function jobEventStream(c: Context, source: JobEventSource, id: string): Response {
  return streamSSE(c, async (stream) => {
    const send = (event: JobEvent) =>
      event.type === "progress"
        ? stream.writeSSE({ event: "progress", data: JSON.stringify(event.progress) })
        : stream.writeSSE({ event: "end", data: JSON.stringify({ status: event.status, error: event.error }) });
    const current = source.progressOf(id);
    if (!current) {
      const { status, error } = source.ended(id);
      await stream.writeSSE({ event: "end", data: JSON.stringify({ status, error }) });
      return;
    }
    await relayUntilEnd(stream, (listener) => source.subscribe(id, listener), send, { type: "progress", progress: current });
  });
}

function relayUntilEnd(
  stream: SSEStreamingApi,
  subscribe: (listener: (event: JobEvent) => void) => () => void,
  send: (event: JobEvent) => Promise<void>,
  first: JobEvent,
): Promise<void> {
  return new Promise<void>((resolve) => {
    // writes are chained so that events keep their order and the end is written before closing
    let written = Promise.resolve();
    const unsubscribe = subscribe((event) => {
      written = written.then(() => send(event));
      if (event.type === "end") void written.then(finish);
    });
    const heartbeat = setInterval(() => void stream.write(": still running\n\n"), 15_000);
    const finish = () => {
      clearInterval(heartbeat);
      unsubscribe();
      resolve();
    };
    stream.onAbort(finish);
    written = written.then(() => send(first));
  });
}
