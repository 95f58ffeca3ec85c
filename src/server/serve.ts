/**
 * Starts the local server: opens the run store (marking runs a previous process left unfinished
 * as interrupted), loads the web app's files and the bundled scenario, and listens on loopback.
 */
import { serve } from "@hono/node-server";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { InputError } from "../errors.js";
import { RunStore } from "../store/run-store.js";
import { AnalysisJobs } from "./analysis-jobs.js";
import { createApp } from "./app.js";
import type { Engine } from "./engine.js";
import { bundledScenarioPath, packageInfo, webRoot } from "./package-info.js";
import { RunManager } from "./run-manager.js";
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
}

export interface RunningServer {
  url: string;
  runs: RunManager;
  store: RunStore;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { version } = packageInfo();
  const store = new RunStore(options.storePath);
  const runs = new RunManager(store, options.engine, { programVersion: version });
  const scenarioPath = options.defaultScenarioPath ?? bundledScenarioPath();
  const defaultScenario = {
    name: "ukraine-2025",
    text: existsSync(scenarioPath) ? readFileSync(scenarioPath, "utf8") : "",
  };
  const analyses = new AnalysisJobs();
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
      reject(
        e.code === "EADDRINUSE"
          ? new InputError(`port ${options.port} on ${host} is already in use; choose another with --port`)
          : new InputError(`cannot listen on ${host}:${options.port}: ${e.message}`),
      );
    });
  });
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    runs,
    store,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await runs.idle();
      await analyses.idle();
      store.close();
    },
  };
}
