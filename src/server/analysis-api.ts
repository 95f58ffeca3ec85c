/**
 * The analysis endpoints: start a sensitivity or crux analysis of a scenario as a job (202), follow
 * its progress as server-sent events, read its result. A thin adapter over AnalysisJobs.
 */
import type { Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { relayUntilEnd } from "./sse.js";
import type { AnalysisJobs } from "./analysis-jobs.js";
import { CruxJobRequest, SensitivityJobRequest } from "./analysis-schemas.js";
import { ApiError } from "./http-errors.js";
import { readJsonBody } from "./request.js";
import type { RunEvent } from "./run-manager.js";
import { RUN_ID } from "./schemas.js";

export function registerAnalysisApi(app: Hono, jobs: AnalysisJobs): void {
  app.post("/api/analyses/sensitivity", async (c) => {
    const request = await readJsonBody(c, SensitivityJobRequest);
    if (request.versus !== undefined && request.versus === request.option) throw new ApiError(400, "invalid request body: versus: must differ from option");
    return c.json(summary(jobs.submit({ kind: "sensitivity", ...request })), 202);
  });
  app.post("/api/analyses/cruxes", async (c) => {
    const request = await readJsonBody(c, CruxJobRequest);
    if (request.map && request.map[0] === request.map[1]) throw new ApiError(400, "invalid request body: map: the two axes must be different parameters");
    return c.json(summary(jobs.submit({ kind: "cruxes", ...request })), 202);
  });
  app.get("/api/analyses/:id", (c) => c.json(findJob(c, jobs)));
  app.get("/api/analyses/:id/events", (c) => jobEvents(c, jobs, findJob(c, jobs).id));
}

const summary = (job: { id: string; kind: string; status: string }) => ({ id: job.id, kind: job.kind, status: job.status });

function findJob(c: Context, jobs: AnalysisJobs) {
  const id = c.req.param("id") ?? "";
  const job = RUN_ID.test(id) ? jobs.get(id) : undefined;
  if (!job) throw new ApiError(404, `no analysis with id "${id.slice(0, 80)}" (analyses are kept in memory, the latest few only)`);
  return job;
}

/** `progress` {done, total} while the job goes, then one `end` {status, error}. */
function jobEvents(c: Context, jobs: AnalysisJobs, id: string): Response {
  return streamSSE(c, async (stream) => {
    const send = (event: RunEvent) =>
      event.type === "progress"
        ? stream.writeSSE({ event: "progress", data: JSON.stringify(event.progress) })
        : stream.writeSSE({ event: "end", data: JSON.stringify({ status: event.status, error: event.error }) });
    const job = jobs.get(id)!;
    if (job.status === "finished" || job.status === "failed") {
      await stream.writeSSE({ event: "end", data: JSON.stringify({ status: job.status, error: job.error }) });
      return;
    }
    await relayUntilEnd(stream, (listener) => jobs.subscribe(id, listener), send, { type: "progress", progress: job.progress });
  });
}
