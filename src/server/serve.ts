/**
 * Starts the local server: opens the run store (marking runs a previous process left unfinished
 * as interrupted, or resuming them on a job queue), loads the web app's files and the bundled scenario, and listens on loopback.
 */
import { serve } from "@hono/node-server";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { InputError } from "../errors.js";
import { RunStore } from "../store/run-store.js";
import { StoreLock } from "../store/store-lock.js";
import { AnalysisJobs, type AnalysisRunner } from "./analysis-jobs.js";
import { createApp } from "./app.js";
import type { Engine } from "./engine.js";
import { bundledScenarioPath, packageInfo, webRoot } from "./package-info.js";
import { RunManager } from "./run-manager.js";
import { LIMITS } from "./schemas.js";
import { loadStaticFiles } from "./static-files.js";

export interface ServerOptions {
  engine: Engine;
  /** SQLite file of the run store */
  storePath: string;
  /** 0 picks a free port */
  port?: number;
  host?: string;
  /** built web app; defaults to the package's web/dist */
  webRoot?: string;
  defaultScenarioPath?: string;
  /** wall-clock limit of one run, in seconds (default one hour) */
  runTimeLimitSeconds?: number;
  /** wall-clock limit of one analysis, in seconds (default half an hour) */
  analysisTimeLimitSeconds?: number;
  /** how analyses run (default: each in a worker thread; a job queue: src/server/jobs/queue-engine.ts) */
  analysisRunner?: AnalysisRunner;
  /**
   * runs and analyses a stopped server left unfinished are resumed, not marked interrupted, and a
   * stop leaves running ones to be resumed (with a job queue, whose finished jobs outlive this
   * process); analyses are then recorded in the run store too
   */
  resumeRuns?: boolean;
}

export interface RunningServer {
  url: string;
  runs: RunManager;
  analyses: AnalysisJobs;
  store: RunStore;
  /** Stops at once (Ctrl-C): cancels what is pending, marks it in the store, releases the store. */
  stopNow(): void;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { version } = packageInfo();
  // the lock first: a second server must not touch the store (nor mark the first's runs interrupted)
  const lock = options.storePath === ":memory:" ? null : StoreLock.acquire(options.storePath);
  let store: RunStore;
  try {
    store = new RunStore(options.storePath);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const runs = new RunManager(store, options.engine, {
    programVersion: version,
    maxTrajectories: LIMITS.trajectories,
    ...(options.resumeRuns ? { resume: true } : {}),
    ...(options.runTimeLimitSeconds !== undefined ? { timeLimitSeconds: options.runTimeLimitSeconds } : {}),
  });
  const scenarioPath = options.defaultScenarioPath ?? bundledScenarioPath();
  const defaultScenario = {
    name: "ukraine-2025",
    text: existsSync(scenarioPath) ? readFileSync(scenarioPath, "utf8") : "",
  };
  const analyses = new AnalysisJobs(options.analysisRunner, {
    pending: 4,
    kept: 32,
    ...(options.resumeRuns ? { records: store } : {}),
    ...(options.analysisTimeLimitSeconds !== undefined ? { timeLimitSeconds: options.analysisTimeLimitSeconds } : {}),
  });
  const host = options.host ?? "127.0.0.1";
  const app = createApp({
    engine: options.engine,
    store,
    runs,
    staticFiles: loadStaticFiles(options.webRoot ?? webRoot()),
    defaultScenario,
    programVersion: version,
    analyses,
    allowedHosts: [host],
  });
  const server = serve({ fetch: app.fetch, port: options.port ?? 7300, hostname: host });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("listening", () => resolve(server.address() as AddressInfo));
    server.once("error", (e: NodeJS.ErrnoException) => {
      store.close();
      lock?.release();
      reject(
        e.code === "EADDRINUSE"
          ? new InputError(`port ${options.port} on ${host} is already in use; choose another with --port`)
          : new InputError(`cannot listen on ${host}:${options.port}: ${e.message}`),
      );
    });
  });
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/`;
  lock?.setUrl(url);
  let stopped = false;
  return {
    url,
    runs,
    analyses,
    store,
    stopNow() {
      if (stopped) return;
      stopped = true;
      // a run still going cannot finish after we exit: record that now rather than at next start
      // on a job queue, runs and analyses stay unfinished in the store, for the next start to resume
      if (!options.resumeRuns) {
        analyses.cancelAll();
        store.markInterrupted();
      }
      store.close();
      lock?.release();
    },
    async close() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await runs.idle();
      await analyses.idle();
      store.close();
      lock?.release();
    },
  };
}
