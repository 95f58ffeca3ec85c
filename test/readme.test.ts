/**
 * Doc tests for the README's tour: every command in its `sh` blocks runs against the built CLI
 * (`npm test` builds first), and every `<!-- claim: {...} -->` comment beside the prose is checked
 * against the output of the command it names. A claim is JSON; its `kind` says what is asserted:
 *
 * - `output`: the text output `contains` strings, has `lines` lines, and the numbers captured by
 *   `numbers[].pattern` round to `numbers[].equals` (to as many decimals as written there);
 * - `compare`: `--json` has `options` options and `perspectives` perspectives, and under each
 *   perspective of `best` that option has the lowest expected loss, by more than SE₁ + SE₂;
 * - `crux`: `--json` names `parameter` as a crux, and at least `atLeast` of each perspective's
 *   prior lies where the option `lower[perspective]` has the lower loss;
 * - `backtest`: `--json` Brier scores ± SE at `horizon` years, rounded to the README's decimals,
 *   and predictors `notBetterThanBaseRate` (not better by 1.96 paired SE).
 *
 * `append` adds flags (a smaller size) where the claim does not depend on the size. When the model
 * changes, update the prose and the claim beside it; this file need not change.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "..");
const CLI = join(REPO, "dist/src/cli/main.js");
const README = readFileSync(join(REPO, "README.md"), "utf8");
/** the repository folders the tour's commands read, linked into the scratch directory */
const LINKED = ["scenarios", "test"];

/** Smaller sizes for the smoke run of each tour command, by subcommand; claims needing the default size run on their own. */
const SMALL: Record<string, string> = {
  run: "--trajectories 200",
  compare: "--trajectories 200",
  report: "--trajectories 200 --crux-trajectories 40",
  cruxes: "--trajectories 40 --grid 3",
  sensitivity: "--trajectories 50 --morris-trajectories 2",
  explain: "--trajectories 100",
  backtest: "--trajectories 500",
};

/** The commands of the tour: the lines of its `sh` blocks, without comments and the alias. */
function tourCommands(readme: string): string[] {
  const tour = readme.slice(readme.indexOf("## A five-minute tour"), readme.indexOf("## CLI reference"));
  const blocks = [...tour.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line.startsWith("guarantor "));
}

interface Claim {
  kind: "output" | "compare" | "crux" | "backtest";
  run: string;
  append?: string;
  contains?: string[];
  lines?: number;
  numbers?: { pattern: string; equals: string }[];
  options?: number;
  perspectives?: number;
  best?: Record<string, string>;
  parameter?: string;
  lower?: Record<string, string>;
  atLeast?: number;
  horizon?: number;
  brier?: Record<string, string>;
  notBetterThanBaseRate?: string[];
}

function readmeClaims(readme: string): Claim[] {
  return [...readme.matchAll(/<!-- claim: (\{[\s\S]*?\}) -->/g)].map((m) => JSON.parse(m[1]) as Claim);
}

let scratch: string;

/** Runs one README command line (with shell redirections) in the scratch directory. */
function sh(command: string, append = ""): string {
  const script = `guarantor() { node ${JSON.stringify(CLI)} "$@"; }\n${command} ${append}`;
  const run = spawnSync("bash", ["-c", script], { cwd: scratch, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`"${command} ${append}" exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

const json = <T>(command: string, append = ""): T => JSON.parse(sh(`${command} --json`, append)) as T;
const decimals = (written: string): number => written.split(".")[1]?.length ?? 0;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "guarantor-tour-"));
  for (const name of LINKED) symlinkSync(join(REPO, name), join(scratch, name));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the README's tour", () => {
  const commands = tourCommands(README);

  it("has commands and claims to check", () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(readmeClaims(README).length).toBeGreaterThanOrEqual(8);
  });

  it("runs every command, and writes only files git ignores", { timeout: 300_000 }, () => {
    for (const command of commands) {
      const subcommand = command.split(/\s+/)[1];
      sh(command, SMALL[subcommand] ?? "");
    }
    const written = readdirSync(scratch).filter((name) => !LINKED.includes(name));
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) {
      const path = statSync(join(scratch, name)).isDirectory() ? `${name}/` : name;
      const ignored = spawnSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: REPO });
      expect(ignored.status, `${name} is written by the tour but not ignored by git`).toBe(0);
    }
  });

  for (const claim of readmeClaims(README)) {
    it(`${claim.kind}: ${claim.run}`, { timeout: 240_000 }, () => {
      expect(claim.run, "a claim names the guarantor command whose output backs it").toMatch(/^guarantor \S/);
      CHECKS[claim.kind](claim);
    });
  }
});

const CHECKS: Record<Claim["kind"], (claim: Claim) => void> = {
  output(claim) {
    const out = sh(claim.run, claim.append);
    for (const text of claim.contains ?? []) expect(out).toContain(text);
    if (claim.lines !== undefined) expect(out.trimEnd().split("\n")).toHaveLength(claim.lines);
    for (const { pattern, equals } of claim.numbers ?? []) {
      const found = new RegExp(pattern).exec(out);
      expect(found, `${pattern} in the output`).not.toBeNull();
      expect(Number(found![1]).toFixed(decimals(equals))).toBe(equals);
    }
  },

  compare(claim) {
    type Est = { mean: number; se: number };
    const result = json<{ options: unknown[]; perspectives: unknown[]; results: { option: string; perspective: string; outcomes: { loss: Est } }[] }>(claim.run, claim.append);
    if (claim.options !== undefined) expect(result.options).toHaveLength(claim.options);
    if (claim.perspectives !== undefined) expect(result.perspectives).toHaveLength(claim.perspectives);
    for (const [perspective, option] of Object.entries(claim.best ?? {})) {
      const ranked = result.results.filter((r) => r.perspective === perspective).sort((a, b) => a.outcomes.loss.mean - b.outcomes.loss.mean);
      expect(ranked[0].option, `lowest loss under ${perspective}`).toBe(option);
      const [first, second] = [ranked[0].outcomes.loss, ranked[1].outcomes.loss];
      expect(second.mean - first.mean, `lead under ${perspective} beyond SE₁ + SE₂`).toBeGreaterThan(first.se + second.se);
    }
  },

  crux(claim) {
    type Region = { lower: string; shares: Record<string, number> };
    const result = json<{ cruxes: { parameter: string; regions: Region[] }[] }>(claim.run, claim.append);
    const crux = result.cruxes.find((c) => c.parameter === claim.parameter);
    expect(crux, `${claim.parameter} among the cruxes`).toBeDefined();
    for (const [perspective, option] of Object.entries(claim.lower ?? {})) {
      const share = crux!.regions.filter((r) => r.lower === option).reduce((sum, r) => sum + r.shares[perspective], 0);
      expect(share, `${perspective}'s prior where ${option} is lower`).toBeGreaterThanOrEqual(claim.atLeast ?? 0.95);
    }
  },

  backtest(claim) {
    type Score = { predictor: string; score: { brier: number; brierStdErr: number }; differenceVsReference: { mean: number; stdErr: number } };
    const result = json<{ horizons: { years: number; scores: Score[] }[] }>(claim.run, claim.append);
    const horizon = result.horizons.find((h) => h.years === claim.horizon);
    expect(horizon, `horizon ${claim.horizon}`).toBeDefined();
    const score = (id: string) => horizon!.scores.find((s) => s.predictor === id)!;
    for (const [id, written] of Object.entries(claim.brier ?? {})) {
      const [mean, se] = written.split(" ± ");
      const { brier, brierStdErr } = score(id).score;
      expect(`${brier.toFixed(decimals(mean))} ± ${brierStdErr.toFixed(decimals(se))}`, id).toBe(written);
    }
    for (const id of claim.notBetterThanBaseRate ?? []) {
      const d = score(id).differenceVsReference;
      expect(d.mean + 1.96 * d.stdErr, `${id} not better than the base rate`).toBeGreaterThan(0);
    }
  },
};
