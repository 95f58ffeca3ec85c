/**
 * The HTTP API and the web app's files, as one Hono application: a thin adapter that checks
 * each request, calls the run manager, store or engine, and translates answers and errors.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { RunStore } from "../store/run-store.js";
import type { Engine } from "./engine.js";
import { outcomesCsv, runJson } from "./export.js";
import { registerAnalysisApi } from "./analysis-api.js";
import { AnalysisJobs } from "./analysis-jobs.js";
import { registerEvidenceApi } from "./evidence-api.js";
import { registerCasesApi } from "./cases-api.js";
import { registerCalibrationApi } from "./calibration-api.js";
import { ApiError, errorResponse } from "./http-errors.js";
import { openApiDocument } from "./openapi.js";
import { registerReportApi } from "./report-api.js";
import { registerWhatIfApi } from "./whatif-api.js";
import { readJsonBody, runIdParam } from "./request.js";
import { jobEventStream } from "./jobs/sse.js";
import type { RunManager } from "./run-manager.js";
import { LIMITS, RunRequest, ValidateRequest } from "./schemas.js";
import type { StaticFile } from "./static-files.js";

export interface AppDependencies {
  engine: Engine;
  store: RunStore;
  runs: RunManager;
  staticFiles: Map<string, StaticFile>;
  /** the bundled scenario offered when the editor opens */
  defaultScenario: { name: string; text: string };
  programVersion: string;
  /** sensitivity and crux analyses (default: a fresh queue running each in a worker thread) */
  analyses?: AnalysisJobs;
  /** host names the server answers to besides loopback ones (guards against DNS rebinding) */
  allowedHosts?: string[];
}

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

export function createApp(deps: AppDependencies): Hono {
  const app = new Hono();
  app.onError(errorResponse);
  app.notFound((c) => c.json({ error: `nothing at ${c.req.method} ${c.req.path.slice(0, 200)}` }, 404));
  app.use(secureHeaders(SECURITY_HEADERS));
  app.use(guardOrigin([...LOOPBACK_HOSTS, ...(deps.allowedHosts ?? [])]));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: LIMITS.bodyBytes,
      onError: (c) => c.json({ error: `the request body is larger than the limit of ${LIMITS.bodyBytes} bytes` }, 413),
    }),
  );
  registerApi(app, deps);
  registerReportApi(app, deps);
  registerWhatIfApi(app, deps.engine);
  registerEvidenceApi(app);
  registerCasesApi(app);
  registerCalibrationApi(app);
  registerAnalysisApi(app, deps.analyses ?? new AnalysisJobs());
  app.get("/openapi.json", (c) => c.json(openApiDocument(deps.programVersion)));
  app.get("*", (c) => serveStatic(c, deps.staticFiles));
  return app;
}

function registerApi(app: Hono, deps: AppDependencies): void {
  const { engine, store, runs } = deps;
  app.get("/api/info", (c) => c.json({ version: deps.programVersion, limits: LIMITS }));
  app.get("/api/scenarios/default", (c) => c.json(deps.defaultScenario));
  app.post("/api/validate", async (c) => {
    const { scenario } = await readJsonBody(c, ValidateRequest);
    return c.json(engine.validate(scenario));
  });
  app.get("/api/runs", (c) => c.json({ runs: store.list() }));
  app.post("/api/runs", async (c) => {
    const { scenario, ...request } = await readJsonBody(c, RunRequest);
    return c.json(runs.submit(scenario, request), 202);
  });
  // a finished run never changes: its answers are built once and kept (a few, newest used)
  const finishedBodies = new BodyCache(16);
  app.get("/api/runs/:id", (c) => {
    const id = runIdParam(c);
    const summary = store.summary(id);
    if (!summary) throw new ApiError(404, `no run with id "${id}"`);
    c.header("Content-Type", "application/json; charset=utf-8");
    if (summary.status !== "finished") {
      return c.body(JSON.stringify({ ...summary, scenarioText: store.scenarioText(id), result: null, progress: runs.progressOf(id) }));
    }
    return c.body(
      finishedBodies.get(`${id}.json`, () => {
        // the stored result text is spliced in as it is: no parse and re-serialise of a large document
        const head = JSON.stringify({ ...summary, scenarioText: store.scenarioText(id), progress: null });
        return `${head.slice(0, -1)},"result":${store.resultJson(id)}}`;
      }),
    );
  });
  // cancelling never deletes and deleting never cancels: a Cancel pressed as the run ends cannot lose it
  app.post("/api/runs/:id/cancel", (c) => {
    const id = runIdParam(c);
    const run = findRun(deps, id);
    if (!runs.cancel(id)) throw new ApiError(409, `the run has already ended (${store.summary(id)?.status ?? run.status}); there is nothing to cancel`);
    return c.json(store.summary(id), 200);
  });
  app.delete("/api/runs/:id", (c) => {
    const id = runIdParam(c);
    const { status } = findRun(deps, id);
    if (runs.isPending(id) || status === "queued" || status === "running") throw new ApiError(409, "the run is waiting or running: cancel it first (POST /api/runs/{id}/cancel), then delete it");
    store.delete(id);
    finishedBodies.forget(id);
    return c.body(null, 204);
  });
  app.post("/api/runs/:id/rerun", (c) => {
    const run = findRun(deps, runIdParam(c));
    const { seed, trajectories } = run;
    const selection = {
      ...(run.options ? { options: run.options } : {}),
      ...(run.perspectives ? { perspectives: run.perspectives } : {}),
    };
    return c.json(runs.submit(run.scenarioText, { seed, trajectories, ...selection }), 202);
  });
  app.get("/api/runs/:id/events", (c) => progressEvents(c, deps, runIdParam(c)));
  app.get("/api/runs/:id/export.json", (c) => {
    const run = findFinishedRun(deps, runIdParam(c));
    return download(c, runJson(run), "application/json", `guarantor-run-${run.id}.json`);
  });
  app.get("/api/runs/:id/export.csv", (c) => {
    const id = runIdParam(c);
    const csv = finishedBodies.get(`${id}.csv`, () => outcomesCsv(findFinishedRun(deps, id).result!));
    return download(c, csv, "text/csv; charset=utf-8", `guarantor-run-${id}.csv`);
  });
}

/** Response bodies of finished runs, encoded once, by key; the least recently used is dropped first. */
class BodyCache {
  private readonly bodies = new Map<string, Uint8Array<ArrayBuffer>>();
  constructor(private readonly capacity: number) {}

  get(key: string, build: () => string): Uint8Array<ArrayBuffer> {
    const body = this.bodies.get(key) ?? new Uint8Array(new TextEncoder().encode(build()));
    this.bodies.delete(key);
    this.bodies.set(key, body);
    if (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }

  /** Drops every body of one run. */
  forget(id: string): void {
    for (const key of [...this.bodies.keys()]) if (key.startsWith(`${id}.`)) this.bodies.delete(key);
  }
}

function findRun(deps: AppDependencies, id: string) {
  const run = deps.store.get(id);
  if (!run) throw new ApiError(404, `no run with id "${id}"`);
  return run;
}

function findFinishedRun(deps: AppDependencies, id: string) {
  const run = findRun(deps, id);
  if (run.status !== "finished") throw new ApiError(409, `the run is ${run.status}, so it has no results to export`);
  return run;
}

function download(c: Context, body: string | Uint8Array<ArrayBuffer>, type: string, fileName: string): Response {
  c.header("Content-Type", type);
  c.header("Content-Disposition", `attachment; filename="${fileName}"`);
  return c.body(body);
}

/** Server-sent events: `progress` {done, total} while the run goes, then one `end` {status, error}. */
function progressEvents(c: Context, deps: AppDependencies, id: string): Response {
  const run = findRun(deps, id);
  return jobEventStream(
    c,
    {
      progressOf: (runId) => deps.runs.progressOf(runId),
      subscribe: (runId, listener) => deps.runs.subscribe(runId, listener),
      ended: (runId) => deps.store.summary(runId) ?? run,
    },
    id,
  );
}

function serveStatic(c: Context, files: Map<string, StaticFile>): Response {
  const file = files.get(c.req.path);
  if (!file) {
    if (files.size === 0 && c.req.path === "/") {
      return c.text("The web app has not been built: run `npm run build`, then start the server again.", 503);
    }
    return c.text("not found", 404);
  }
  c.header("Content-Type", file.contentType);
  c.header("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return c.body(new Uint8Array(file.body));
}

/**
 * Only loopback host names (a DNS-rebinding page cannot pass this), and state-changing requests
 * only from the app's own origin.
 */
function guardOrigin(allowedHosts: string[]) {
  return async (c: Context, next: () => Promise<void>) => {
    const url = new URL(c.req.url);
    if (!allowedHosts.includes(url.hostname)) {
      throw new ApiError(403, `this server answers only to ${allowedHosts.join(", ")}, not "${url.hostname}"`);
    }
    const origin = c.req.header("origin");
    if (origin && !["GET", "HEAD"].includes(c.req.method)) {
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === url.host;
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) throw new ApiError(403, `requests from ${origin.slice(0, 100)} are not allowed`);
    }
    await next();
  };
}

const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  crossOriginEmbedderPolicy: false,
  // plain HTTP on loopback: an HSTS header would be meaningless
  strictTransportSecurity: false,
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
};
