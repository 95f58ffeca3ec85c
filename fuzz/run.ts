/**
 * `npm run fuzz`: the long run of the fuzz targets listed in test/fuzz/targets.ts. Each case runs
 * in a worker thread with a deadline; a case past it is a hang (the worker is replaced). Prints,
 * per target, the cases tried, accepted, refused, crashed and hung, and writes every crashing or
 * hanging case to test-artifacts/fuzz/ to replay. Exit code 1 if anything crashed or hung, 2 if
 * the command line or a target's case generator was wrong.
 *
 *   npm run fuzz -- [--runs N] [--seconds S] [--timeout MS] [--seed N] [target …]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { TARGET_MODULES } from "../test/fuzz/targets.js";
import type { FuzzTarget } from "../test/fuzz/target.js";

interface Settings {
  runs: number;
  seconds: number;
  timeoutMs: number;
  seed: number;
  targets: string[];
}

interface Counts {
  tried: number;
  accepted: number;
  refused: number;
  crashed: number;
  hung: number;
}

type Outcome = { verdict: "accepted" | "refused" } | { crash: string } | { hung: true };

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run fuzz -- [--runs N] [--seconds S] [--timeout MS] [--seed N] [target …]\ntargets: ${Object.keys(TARGET_MODULES).join(", ")}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Settings {
  const s: Settings = { runs: 1000, seconds: Infinity, timeoutMs: 20_000, seed: Date.now() % 2 ** 31, targets: [] };
  const positive = (flag: string, raw: string | undefined): number => {
    if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) <= 0) usage(`${flag} expects a positive integer, got "${raw ?? ""}"`);
    return Number(raw);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") s.runs = positive(a, argv[++i]);
    else if (a === "--seconds") s.seconds = positive(a, argv[++i]);
    else if (a === "--timeout") s.timeoutMs = positive(a, argv[++i]);
    else if (a === "--seed") s.seed = positive(a, argv[++i]);
    else if (a.startsWith("-")) usage(`unknown flag ${a}`);
    else if (!(a in TARGET_MODULES)) usage(`unknown target "${a}"`);
    else s.targets.push(a);
  }
  if (s.targets.length === 0) s.targets = Object.keys(TARGET_MODULES);
  return s;
}

/** One worker at a time per target; replaced when a case hangs. */
class CaseRunner {
  private worker: Worker | undefined;
  constructor(
    private readonly moduleUrl: string,
    private readonly timeoutMs: number,
  ) {}

  private spawn(): Worker {
    // worker.mjs registers tsx in the thread, then loads worker.ts
    this.worker ??= new Worker(new URL("./worker.mjs", import.meta.url));
    this.worker.unref();
    return this.worker;
  }

  run(testCase: unknown): Promise<Outcome> {
    const worker = this.spawn();
    return new Promise((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve(o);
      };
      const onMessage = (m: Outcome) => done(m);
      const onError = (e: Error) => {
        this.worker = undefined;
        done({ crash: `the worker died: ${e.message}` });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done({ hung: true });
      }, this.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ module: this.moduleUrl, case: testCase });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

async function fuzzTarget(name: string, s: Settings, deadline: number): Promise<Counts> {
  const moduleUrl = new URL(TARGET_MODULES[name], new URL("../test/fuzz/targets.ts", import.meta.url)).href;
  const { target } = (await import(moduleUrl)) as { target: FuzzTarget<unknown> };
  const runner = new CaseRunner(moduleUrl, s.timeoutMs);
  const counts: Counts = { tried: 0, accepted: 0, refused: 0, crashed: 0, hung: 0 };
  const batch = 100;
  try {
    for (let round = 0; counts.tried < s.runs && Date.now() < deadline; round++) {
      let cases: unknown[];
      try {
        cases = fc.sample(target.cases, { numRuns: Math.min(batch, s.runs - counts.tried), seed: s.seed + round });
      } catch (e) {
        // a bug of the target's generator, not of the code under test: say so and stop this target
        process.stderr.write(`${name}: the case generator failed (seed ${s.seed + round}): ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
        break;
      }
      for (const c of cases) {
        if (Date.now() >= deadline) break;
        const outcome = await runner.run(c);
        counts.tried++;
        if ("verdict" in outcome) counts[outcome.verdict]++;
        else {
          const kind = "hung" in outcome ? "hung" : "crashed";
          counts[kind]++;
          const file = `test-artifacts/fuzz/${name}-${kind}-${s.seed}-${counts.tried}.json`;
          mkdirSync("test-artifacts/fuzz", { recursive: true });
          writeFileSync(file, JSON.stringify({ target: name, seed: s.seed, outcome, case: c }, null, 1));
          process.stderr.write(`${name}: case ${counts.tried} ${kind}${"crash" in outcome ? `: ${outcome.crash.split("\n")[0]}` : ""} (saved to ${file})\n`);
        }
        if (counts.tried % 100 === 0) process.stderr.write(`${name}: ${counts.tried} cases…\n`);
      }
    }
  } finally {
    await runner.close();
  }
  return counts;
}

async function main(): Promise<void> {
  const s = parseArgs(process.argv.slice(2));
  const start = Date.now();
  process.stdout.write(`fuzz: seed ${s.seed}, up to ${s.runs} cases per target${Number.isFinite(s.seconds) ? `, ${s.seconds} s per target` : ""}, ${s.timeoutMs} ms per case\n`);
  const rows: string[] = [];
  let bad = 0;
  for (const name of s.targets) {
    const c = await fuzzTarget(name, s, Date.now() + s.seconds * 1000);
    bad += c.crashed + c.hung;
    rows.push(`${name.padEnd(12)} ${[c.tried, c.accepted, c.refused, c.crashed, c.hung].map((n) => String(n).padStart(9)).join("")}`);
  }
  process.stdout.write(`${"target".padEnd(12)}${["tried", "accepted", "refused", "crashed", "hung"].map((h) => h.padStart(9)).join("")}\n${rows.join("\n")}\n`);
  process.stdout.write(`${((Date.now() - start) / 1000).toFixed(0)} s\n`);
  if (bad > 0) process.exitCode = 1;
}

await main();
