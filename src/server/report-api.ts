/**
 * GET /api/runs/{id}/report.html: a finished run as one self-contained HTML report (src/report/),
 * built in a worker thread (the crux scan takes seconds), one at a time, and kept once built.
 */
import type { Context, Hono } from "hono";
import type { RunStore } from "../store/run-store.js";
import { ApiError } from "./http-errors.js";
import { runIdParam } from "./request.js";
import type { ReportRequest } from "./report-worker.js";
import { runInWorker } from "./jobs/worker.js";

export type ReportBuilder = (request: ReportRequest) => Promise<string>;

export const workerReportBuilder: ReportBuilder = (request) => runInWorker<string>({ kind: "report", request }, () => {});

/** "Ukraine settlement 2025" → "ukraine-settlement-2025" */
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "scenario";

const KEPT = 8;
const WAITING = 2;

export function registerReportApi(app: Hono, deps: { store: RunStore; programVersion: string }, build: ReportBuilder = workerReportBuilder): void {
  const built = new Map<string, string>();
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  async function report(id: string, request: ReportRequest): Promise<string> {
    const kept = built.get(id);
    if (kept) return kept;
    if (waiting >= WAITING) throw new ApiError(503, `${WAITING} reports are already being prepared; try again in a few seconds`);
    waiting++;
    const next = queue.then(() => build(request)).finally(() => waiting--);
    queue = next.catch(() => {});
    const html = await next;
    built.set(id, html);
    if (built.size > KEPT) built.delete(built.keys().next().value!);
    return html;
  }

  app.get("/api/runs/:id/report.html", async (c: Context) => {
    const id = runIdParam(c);
    const run = deps.store.get(id);
    if (!run) throw new ApiError(404, `no run with id "${id}"`);
    if (run.status !== "finished" || !run.result) throw new ApiError(409, `the run is ${run.status}, so it has no results to report`);
    const html = await report(id, { scenarioText: run.scenarioText, result: run.result, version: run.programVersion });
    c.header("Content-Type", "text/html; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${slug(run.result.scenario)}_report_seed${run.result.seed}.html"`);
    return c.body(html);
  });
}
