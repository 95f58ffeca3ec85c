import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RunStore } from "../../src/store/run-store.js";
import { StoreLock } from "../../src/store/store-lock.js";
import { startServer } from "../../src/server/serve.js";
import { FAKE_SCENARIO, fakeEngine } from "../server/fake-engine.js";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempStore(): string {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-lock-"));
  dirs.push(dir);
  return join(dir, "runs.sqlite");
}

/** Starts the child server; resolves with its URL, or with its exit code and stderr if it refuses to start. */
function startChild(storePath: string): Promise<{ child: ChildProcess; url?: string; code?: number; err: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures", "child-server.ts"), storePath], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\S+/.exec(out)?.[0];
      if (url) resolve({ child, url, err });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => resolve({ child, code: code ?? -1, err }));
  });
}

describe("one server per store", () => {
  it("a second server on the same store refuses to start, naming the first's pid and URL, and leaves its runs alone", async () => {
    const storePath = tempStore();
    const first = await startChild(storePath);
    expect(first.url).toBeDefined();
    const res = await fetch(`${first.url}api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: FAKE_SCENARIO, seed: 5, trajectories: 1000 }) });
    const { id } = (await res.json()) as { id: string };

    const second = await startChild(storePath);
    expect(second.code).toBe(1);
    expect(second.err).toContain(`the run store ${storePath} is in use by another guarantor server (pid ${first.child.pid} at ${first.url})`);
    expect(second.err).not.toMatch(/internal error|at .*\.ts:\d+/);

    // the first server's run is still running, not marked interrupted by the second
    const run = (await (await fetch(`${first.url}api/runs/${id}`)).json()) as { status: string };
    expect(["queued", "running"]).toContain(run.status);

    // once the first is killed outright its lock is stale: a new server takes the store over
    const exited = new Promise((resolve) => first.child.on("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;
    const third = await startChild(storePath);
    expect(third.url).toBeDefined();
    const runs = (await (await fetch(`${third.url}api/runs`)).json()) as { runs: { id: string; status: string }[] };
    expect(runs.runs.find((r) => r.id === id)?.status).toBe("interrupted");
  });

  it("a server stopped with SIGTERM removes its lock", async () => {
    const storePath = tempStore();
    const server = await startChild(storePath);
    expect(existsSync(`${storePath}.lock`)).toBe(true);
    expect(JSON.parse(readFileSync(`${storePath}.lock`, "utf8"))).toMatchObject({ pid: server.child.pid, url: server.url });
    const exited = new Promise((resolve) => server.child.on("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
    expect(existsSync(`${storePath}.lock`)).toBe(false);
  });

  it("a first start creates the store's folder, then the lock and the store in it", async () => {
    const storePath = join(tempStore(), "..", "new", "folder", "runs.sqlite");
    const server = await startServer({ storePath, port: 0, webRoot: "/nonexistent", engine: fakeEngine() });
    try {
      expect(existsSync(`${storePath}.lock`)).toBe(true);
      expect(existsSync(storePath)).toBe(true);
    } finally {
      await server.close();
    }
    expect(existsSync(`${storePath}.lock`)).toBe(false);
  });

  it("a lock naming a dead process or holding garbage is taken over", () => {
    const storePath = tempStore();
    writeFileSync(`${storePath}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, url: "http://127.0.0.1:1/" }));
    const lock = StoreLock.acquire(storePath);
    lock.release();
    writeFileSync(`${storePath}.lock`, "not json");
    StoreLock.acquire(storePath).release();
    expect(existsSync(`${storePath}.lock`)).toBe(false);
  });
});

describe("a store that cannot be opened gets a message naming the path and the problem", () => {
  it("a store path below a file", () => {
    const storePath = tempStore();
    writeFileSync(storePath, "x");
    expect(() => new RunStore(join(storePath, "runs.sqlite"))).toThrow(`cannot create the folder of the run store ${storePath}: a file is in the way where a folder is needed (EEXIST)`);
  });

  it.runIf(process.platform === "linux" && existsSync("/sys/kernel"))("a folder that cannot be created (permission)", () => {
    expect(() => new RunStore("/sys/guarantor-store/runs.sqlite")).toThrow(/^cannot create the folder of the run store \/sys\/guarantor-store: operation not permitted: this user needs write permission on \/sys .*\(EPERM\)$/);
  });

  it("a file that is not a database", () => {
    const storePath = tempStore();
    writeFileSync(storePath, "this is not a database, it is a long enough text file to be read as one".repeat(20));
    expect(() => new RunStore(storePath)).toThrow(`cannot open the run store ${storePath}: the file is not a SQLite database (SQLITE_NOTADB)`);
  });
});
