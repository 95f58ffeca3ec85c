/**
 * Starts the server (worker engine, a fresh run store) and Debian's chromium through
 * playwright-core for the browser tests; screenshots go to test-artifacts/ (ignored by git).
 * `useBrowser()` is the one setup every browser test file shares; the helpers below it are the
 * waits and downloads they have in common.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { packageInfo, webRoot } from "../../src/server/package-info.js";
import { startServer, type RunningServer } from "../../src/server/serve.js";
import { workerEngine } from "../../src/server/worker-engine.js";

export const ARTIFACTS = join(packageInfo().root, "test-artifacts");

export interface Harness {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(webRoot(), "index.html"))) throw new Error("web/dist is missing: run `npm run build` before the browser tests");
  const dir = mkdtempSync(join(tmpdir(), "guarantor-browser-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ engine: workerEngine, storePath: join(dir, "runs.sqlite"), port: 0 });
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  return {
    server, context, page, consoleErrors,
    async close() {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The little of the browser's globals that in-page functions use (the tests have no DOM types). */
export interface InPage {
  document: { documentElement: { scrollWidth: number }; getElementById(id: string): { textContent: string | null } | null };
  innerWidth: number;
}

/** The page's own width against the viewport's: no sideways scrolling of the page. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as InPage;
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
}

/** What a test file reads once its browser is up (inside tests and hooks, not at load time). */
export interface BrowserSession {
  readonly harness: Harness;
  readonly page: Page;
  /** the server's address, ending in "/" */
  readonly url: string;
}

/** Starts a server and chromium before the file's tests and closes both after them. */
export function useBrowser(): BrowserSession {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  });
  const harness = () => {
    if (!started) throw new Error("the browser is not started yet: read it inside a test or hook");
    return started;
  };
  return {
    get harness() {
      return harness();
    },
    get page() {
      return harness().page;
    },
    get url() {
      return harness().server.url;
    },
  };
}

/** Waits until the text of element #id matches `pattern` (a string is a prefix). */
export async function waitForText(page: Page, id: string, pattern: string | RegExp, timeout = 60_000): Promise<void> {
  const [source, flags] = typeof pattern === "string" ? [`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, ""] : [pattern.source, pattern.flags];
  await page.waitForFunction(
    ([i, s, f]) => new RegExp(s, f).test((globalThis as unknown as InPage).document.getElementById(i)?.textContent ?? ""),
    [id, source, flags] as const,
    { timeout },
  );
}

/** Clicks, and returns the file the click downloads: its suggested name, text and bytes. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}
