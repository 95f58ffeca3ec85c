/**
 * The analysis endpoints: start a sensitivity or crux analysis of a scenario as a job (202), follow
 * its progress as server-sent events, read its result. A thin adapter over AnalysisJobs.
 */
import type { Context, Hono } from "hono";
import type { AnalysisJobs } from "./analysis-jobs.js";
import { CruxJobRequest, SensitivityJobRequest } from "./analysis-schemas.js";
import { ApiError } from "./http-errors.js";
import { jobEventStream } from "./jobs/sse.js";
import { readJsonBody } from "./request.js";
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
  app.get("/api/analyses/:id/events", (c) => {
    const job = findJob(c, jobs);
    return jobEventStream(c, { progressOf: (id) => jobs.progressOf(id), subscribe: (id, l) => jobs.subscribe(id, l), ended: () => job }, job.id);
  });
  // cancelling never forgets and forgetting never cancels: a Cancel pressed as the analysis ends cannot lose it
  app.post("/api/analyses/:id/cancel", (c) => {
    const job = findJob(c, jobs);
    if (!jobs.cancel(job.id)) throw new ApiError(409, `the analysis has already ended (${job.status}); there is nothing to cancel`);
    return c.json(summary(job), 200);
  });
  app.delete("/api/analyses/:id", (c) => {
    const job = findJob(c, jobs);
    if (jobs.progressOf(job.id)) throw new ApiError(409, "the analysis is waiting or running: cancel it first (POST /api/analyses/{id}/cancel)");
    jobs.forget(job.id);
    return c.body(null, 204);
  });
}

const summary = (job: { id: string; kind: string; status: string }) => ({ id: job.id, kind: job.kind, status: job.status });

function findJob(c: Context, jobs: AnalysisJobs) {
  const id = c.req.param("id") ?? "";
  const job = RUN_ID.test(id) ? jobs.get(id) : undefined;
  if (!job) throw new ApiError(404, `no analysis with id "${id.slice(0, 80)}" (analyses are kept in memory, the latest few only)`);
  return job;
}
