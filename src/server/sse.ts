/**
 * Relaying a job's progress to a server-sent-events stream, shared by runs and analyses: events are
 * written in order, the stream stays open (with heartbeats) until the job's end event has been
 * written or the client leaves.
 */
import type { SSEStreamingApi } from "hono/streaming";
import type { RunEvent } from "./run-manager.js";

export function relayUntilEnd(
  stream: SSEStreamingApi,
  subscribe: (listener: (event: RunEvent) => void) => () => void,
  send: (event: RunEvent) => Promise<void>,
  first: RunEvent,
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
