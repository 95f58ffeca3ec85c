/**
 * Server benchmarks: latency and throughput of reading a stored run's results under 50
 * concurrent clients on loopback (autocannon, 5 s per route), and the time from pressing "Run"
 * in the browser to the first chart drawn (Debian's chromium, when installed).
 */
import autocannon from "autocannon";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { bundledScenarioPath } from "../../src/server/package-info.js";
import { startServer, type RunningServer } from "../../src/server/serve.js";
import { workerEngine } from "../../src/server/worker-engine.js";

const CONNECTIONS = 50;
const SECONDS = 5;
const CHROMIUM = "/usr/bin/chromium";

async function storedRun(server: RunningServer, trajectories: number): Promise<{ id: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${server.url}api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario: readFileSync(bundledScenarioPath(), "utf8"), seed: 1, trajectories }),
  });
  const { id } = (await res.json()) as { id: string };
  await server.runs.idle();
  await (await fetch(`${server.url}api/runs/${id}`)).arrayBuffer();
  return { id, ms: performance.now() - started };
}

async function load(name: string, url: string): Promise<void> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const kib = result.throughput.average / 1024;
  console.log(
    `${name.padEnd(28)} ${result.requests.average.toFixed(0).padStart(6)} req/s  ${kib.toFixed(0).padStart(7)} KiB/s  ` +
      `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms  ` +
      `(${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
  );
}

async function runToFirstChart(server: RunningServer, trajectories: number): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), "guarantor-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForSelector("#validation.ok");
    await page.fill("#trajectories", String(trajectories));
    const started = performance.now();
    await page.click("#run-button");
    await page.waitForSelector("#figure-survival svg .mark-line", { timeout: 600_000 });
    return performance.now() - started;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-bench-server-"));
  const server = await startServer({ engine: workerEngine, storePath: join(dir, "runs.sqlite"), port: 0 });
  try {
    const stored = await storedRun(server, 1024);
    const size = (await (await fetch(`${server.url}api/runs/${stored.id}`)).arrayBuffer()).byteLength;
    console.log(`stored run: bundled scenario, 10 options × 4 perspectives × 1024 trajectories, ${(size / 1024).toFixed(0)} KiB of JSON; run via API in ${stored.ms.toFixed(0)} ms`);
    console.log(`${CONNECTIONS} concurrent clients, ${SECONDS} s per route, loopback:`);
    await load("GET /api/runs/:id (results)", `${server.url}api/runs/${stored.id}`);
    await load("GET /api/runs/:id/export.csv", `${server.url}api/runs/${stored.id}/export.csv`);
    await load("GET /api/runs (list)", `${server.url}api/runs`);
    if (!existsSync(CHROMIUM)) {
      console.log(`run → first chart: skipped (${CHROMIUM} not installed)`);
      return;
    }
    for (const trajectories of [1024, 10_000]) {
      const ms = await runToFirstChart(server, trajectories);
      console.log(`run → first chart in chromium, ${trajectories} trajectories × 40 option-perspectives: ${(ms / 1000).toFixed(2)} s`);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
