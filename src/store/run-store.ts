/**
 * The run store: every evaluation a user starts, with the exact inputs needed to reproduce it
 * (scenario text and hash, seed, trajectory count, selections, program version) and, once
 * finished, its results. SQLite in WAL mode; a run is marked finished in the same statement
 * that stores its results, so a crash can never leave a "finished" run without numbers.
 */
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../errors.js";
import type { RunInput, RunStatus, RunSummary } from "../contract/api.js";
import type { EvaluationResult } from "../contract/result.js";
import { describeFileError } from "./file-errors.js";
import { migrate } from "./migrations.js";

export type { RunInput, RunStatus, RunSummary };

/** One specification's jobs on the job queue, as a run submitted them (src/queue/). */
export interface QueueJobs {
  spec: string;
  jobs: number;
  reused: number;
}

/** An analysis as the store keeps it (a server on the job queue, src/server/jobs/queue-engine.ts). */
export interface StoredAnalysis {
  id: string;
  kind: string;
  status: string;
  error: string | null;
  result: unknown;
}

export interface RunRecord extends RunSummary {
  scenarioText: string;
  result: EvaluationResult | null;
}

interface RunRow {
  id: string;
  created_at: string;
  finished_at: string | null;
  scenario_name: string;
  scenario_text?: string;
  scenario_hash: string;
  seed: number;
  trajectories: number;
  options: string | null;
  perspectives: string | null;
  program_version: string;
  status: RunStatus;
  error: string | null;
  result?: string | null;
}

const SUMMARY_COLUMNS =
  "id, created_at, finished_at, scenario_name, scenario_hash, seed, trajectories, options, perspectives, program_version, status, error";

/** SHA-256 of the scenario text, hex: two runs with the same hash evaluated the same file. */
export function scenarioHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export class RunStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the store at `path`; ":memory:" for a throwaway store. */
  constructor(path: string) {
    if (path !== ":memory:") checkStoreFolder(path);
    try {
      this.db = new Database(path);
      this.db.pragma("journal_mode = WAL");
      // FULL: a finished run survives even a power cut, not only a killed process; runs are few.
      this.db.pragma("synchronous = FULL");
      this.db.pragma("busy_timeout = 5000");
      migrate(this.db);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(describeStoreError(e, path));
    }
  }

  close(): void {
    this.db.close();
  }

  /**
   * A run left queued or running by a process that died cannot finish any more: mark it
   * interrupted. Call once when a server takes ownership of the store. Returns how many.
   */
  markInterrupted(except: readonly string[] = []): number {
    const info = this.db
      .prepare("UPDATE runs SET status = 'interrupted', error = ? WHERE status IN ('queued', 'running') AND id NOT IN (SELECT value FROM json_each(?))")
      .run("the server stopped before this run finished", JSON.stringify(except));
    return info.changes;
  }

  /** Runs left queued or running by a process that stopped, oldest first: a server on a job queue resumes them. */
  unfinished(): string[] {
    const rows = this.db.prepare("SELECT id FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, rowid").all() as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Puts a resumed run back in the queue's first state. */
  markQueued(id: string): void {
    this.db.prepare("UPDATE runs SET status = 'queued' WHERE id = ? AND status IN ('queued', 'running')").run(id);
  }

  /** Records that the run submitted `jobs` jobs of the specification `spec` to the job queue, `reused` of them already finished. */
  recordJobs(id: string, submitted: QueueJobs): void {
    this.db
      .prepare("INSERT INTO run_jobs (run_id, spec, jobs, reused) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, spec) DO UPDATE SET jobs = excluded.jobs, reused = excluded.reused")
      .run(id, submitted.spec, submitted.jobs, submitted.reused);
  }

  /** The job-queue submissions of a run (none for a run evaluated on this machine). */
  jobsOf(id: string): QueueJobs[] {
    return this.db.prepare("SELECT spec, jobs, reused FROM run_jobs WHERE run_id = ? ORDER BY rowid").all(id) as QueueJobs[];
  }

  create(input: RunInput): RunSummary {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO runs (id, created_at, scenario_name, scenario_text, scenario_hash, seed, trajectories,
           options, perspectives, program_version, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued')`,
      )
      .run(
        id,
        createdAt,
        input.scenarioName,
        input.scenarioText,
        scenarioHash(input.scenarioText),
        input.seed,
        input.trajectories,
        input.options === null ? null : JSON.stringify(input.options),
        input.perspectives === null ? null : JSON.stringify(input.perspectives),
        input.programVersion,
      );
    return this.summary(id) as RunSummary;
  }

  markRunning(id: string): void {
    this.db.prepare("UPDATE runs SET status = 'running' WHERE id = ? AND status = 'queued'").run(id);
  }

  /** Stores the results and the finished status in one statement (atomic). */
  finish(id: string, result: EvaluationResult): void {
    this.db
      .prepare("UPDATE runs SET status = 'finished', result = ?, finished_at = ?, error = NULL WHERE id = ?")
      .run(JSON.stringify(result), new Date().toISOString(), id);
  }

  fail(id: string, message: string): void {
    this.db
      .prepare("UPDATE runs SET status = 'failed', error = ?, finished_at = ? WHERE id = ?")
      .run(message, new Date().toISOString(), id);
  }

  /** A run stopped on request: never finished, kept with the reason. */
  cancel(id: string, message: string): void {
    this.db
      .prepare("UPDATE runs SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')")
      .run(message, new Date().toISOString(), id);
  }

  get(id: string): RunRecord | null {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
    if (!row) return null;
    return {
      ...toSummary(row),
      scenarioText: row.scenario_text ?? "",
      result: row.result ? (JSON.parse(row.result) as EvaluationResult) : null,
    };
  }

  /** The stored results as the JSON text they were saved as (no parse): for serving them as they are. */
  resultJson(id: string): string | null {
    const row = this.db.prepare("SELECT result FROM runs WHERE id = ?").get(id) as { result: string | null } | undefined;
    return row?.result ?? null;
  }

  scenarioText(id: string): string | null {
    const row = this.db.prepare("SELECT scenario_text FROM runs WHERE id = ?").get(id) as { scenario_text: string } | undefined;
    return row?.scenario_text ?? null;
  }

  summary(id: string): RunSummary | null {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** Newest first. */
  list(limit = 200): RunSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(limit) as RunRow[];
    return rows.map(toSummary);
  }

  /** Records an analysis as queued, with the request that repeats it. */
  createAnalysis(id: string, kind: string, request: unknown): void {
    this.db
      .prepare("INSERT INTO analyses (id, created_at, kind, request, status) VALUES (?, ?, ?, ?, 'queued')")
      .run(id, new Date().toISOString(), kind, JSON.stringify(request));
  }

  /** A new status of an analysis; its result (JSON) goes in the same statement as "finished". */
  updateAnalysis(id: string, status: string, error: string | null, result: unknown): void {
    this.db
      .prepare("UPDATE analyses SET status = ?, error = ?, result = ? WHERE id = ?")
      .run(status, error, result === null || result === undefined ? null : JSON.stringify(result), id);
  }

  analysis(id: string): StoredAnalysis | null {
    const row = this.db.prepare("SELECT id, kind, status, error, result FROM analyses WHERE id = ?").get(id) as
      | { id: string; kind: string; status: string; error: string | null; result: string | null }
      | undefined;
    return row ? { id: row.id, kind: row.kind, status: row.status, error: row.error, result: row.result === null ? null : (JSON.parse(row.result) as unknown) } : null;
  }

  /** Analyses left queued or running by a process that stopped, oldest first, with their requests. */
  unfinishedAnalyses(): { id: string; request: unknown }[] {
    const rows = this.db.prepare("SELECT id, request FROM analyses WHERE status IN ('queued', 'running') ORDER BY created_at, rowid").all() as { id: string; request: string }[];
    return rows.map((r) => ({ id: r.id, request: JSON.parse(r.request) as unknown }));
  }

  /** Analyses left unfinished that will not be resumed: interrupted. */
  markAnalysesInterrupted(except: readonly string[] = []): number {
    return this.db
      .prepare("UPDATE analyses SET status = 'interrupted', error = ? WHERE status IN ('queued', 'running') AND id NOT IN (SELECT value FROM json_each(?))")
      .run("the server stopped before this analysis finished", JSON.stringify(except)).changes;
  }

  /** Returns false when there was no such run. */
  delete(id: string): boolean {
    this.db.prepare("DELETE FROM run_jobs WHERE run_id = ?").run(id);
    return this.db.prepare("DELETE FROM runs WHERE id = ?").run(id).changes > 0;
  }
}

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    scenarioName: row.scenario_name,
    scenarioHash: row.scenario_hash,
    seed: row.seed,
    trajectories: row.trajectories,
    options: row.options === null ? null : (JSON.parse(row.options) as string[]),
    perspectives: row.perspectives === null ? null : (JSON.parse(row.perspectives) as string[]),
    programVersion: row.program_version,
    status: row.status,
    error: row.error,
  };
}

/** The store's folder must exist (it is created) and be writable: SQLite writes its journal beside the file. */
export function checkStoreFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new InputError(describeFileError(e, dirname(path), "create the folder of the run store"));
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    throw new InputError(describeFileError(e, path, "open the run store"));
  }
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_READONLY: "the file is read-only for this user (the store needs read and write permission on the file and its folder)",
  SQLITE_CANTOPEN: "the file cannot be opened (the store needs read and write permission on the file and its folder)",
  SQLITE_FULL: "no space left on the device",
  SQLITE_NOTADB: "the file is not a SQLite database",
  SQLITE_CORRUPT: "the file is damaged",
  SQLITE_BUSY: "another process holds the database locked",
};

function describeStoreError(e: unknown, path: string): string {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  const known = Object.keys(SQLITE_REASONS).find((k) => code === k || code.startsWith(`${k}_`));
  if (known) return `cannot open the run store ${path}: ${SQLITE_REASONS[known]} (${code})`;
  if (code.startsWith("SQLITE_IOERR")) return `cannot open the run store ${path}: the disk refused a read or write (${code})`;
  return describeFileError(e, path, "open the run store");
}
