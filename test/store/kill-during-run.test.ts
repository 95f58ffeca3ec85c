import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RunStore } from "../../src/store/run-store.js";
import { FAKE_SCENARIO, fakeResult } from "../server/fake-engine.js";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts test/store/fixtures/child-server.ts under tsx and resolves with its URL. */
function startChild(storePath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures", "child-server.ts"), storePath], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\S+/.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`child server exited (${code}): ${err}`)));
  });
}

async function postRun(url: string, trajectories: number): Promise<string> {
  const res = await fetch(`${url}api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario: FAKE_SCENARIO, seed: 11, trajectories }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

/** Reads the SSE stream until `stop` says enough. */
async function watch(url: string, id: string, stop: (text: string) => boolean): Promise<void> {
  const res = await fetch(`${url}api/runs/${id}/events`);
  const reader = res.body!.getReader();
  let text = "";
  while (!stop(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
}

describe("a server killed with SIGKILL during a run", () => {
  it("loses no finished run and leaves no unfinished run marked finished", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-kill-"));
    dirs.push(dir);
    const storePath = join(dir, "runs.sqlite");
    const { child, url } = await startChild(storePath);

    const finished = await postRun(url, 10);
    await watch(url, finished, (text) => text.includes("event: end"));
    const unfinished = await postRun(url, 1000);
    const queuedBehind = await postRun(url, 10);
    await watch(url, unfinished, (text) => /"done":[1-9]/.test(text));

    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    // what is on disk right after the kill, before anyone tidies up
    const onDisk = new RunStore(storePath);
    expect(onDisk.get(finished)?.status).toBe("finished");
    expect(onDisk.get(finished)?.result).toEqual(fakeResult(11, 10));
    expect(onDisk.get(unfinished)?.status).toBe("running");
    expect(onDisk.get(unfinished)?.result).toBeNull();
    onDisk.close();

    // a new server takes over the store and marks what cannot finish any more
    const second = await startChild(storePath);
    const listed = (await (await fetch(`${second.url}api/runs`)).json()) as { runs: { id: string; status: string }[] };
    const statusOf = (id: string) => listed.runs.find((r) => r.id === id)?.status;
    expect(statusOf(finished)).toBe("finished");
    expect(statusOf(unfinished)).toBe("interrupted");
    expect(statusOf(queuedBehind)).toBe("interrupted");
    const rerun = await fetch(`${second.url}api/runs/${finished}/rerun`, { method: "POST" });
    const again = ((await rerun.json()) as { id: string }).id;
    await watch(second.url, again, (text) => text.includes("event: end"));
    const reread = (await (await fetch(`${second.url}api/runs/${again}`)).json()) as { result: unknown };
    expect(reread.result).toEqual(fakeResult(11, 10));
  });
});
