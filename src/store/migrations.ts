/**
 * Schema of the run store and how it evolves: an ordered list of migrations, applied in one
 * transaction each, with SQLite's `user_version` recording how many have run.
 */
import type Database from "better-sqlite3";
import { InputError } from "../errors.js";

/** Append only: never edit a migration that has shipped, add a new one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id              TEXT PRIMARY KEY,
     created_at      TEXT NOT NULL,
     finished_at     TEXT,
     scenario_name   TEXT NOT NULL,
     scenario_text   TEXT NOT NULL,
     scenario_hash   TEXT NOT NULL,
     seed            INTEGER NOT NULL,
     trajectories    INTEGER NOT NULL,
     options         TEXT,
     perspectives    TEXT,
     program_version TEXT NOT NULL,
     status          TEXT NOT NULL CHECK (status IN ('queued','running','finished','failed','interrupted')),
     error           TEXT,
     result          TEXT,
     CHECK ((status = 'finished') = (result IS NOT NULL))
   );
   CREATE INDEX runs_by_created ON runs (created_at DESC);`,
  // 2: a run can be cancelled. SQLite cannot change a CHECK constraint in place: the table is
  // rebuilt with the same columns and rows.
  `CREATE TABLE runs_v2 (
     id              TEXT PRIMARY KEY,
     created_at      TEXT NOT NULL,
     finished_at     TEXT,
     scenario_name   TEXT NOT NULL,
     scenario_text   TEXT NOT NULL,
     scenario_hash   TEXT NOT NULL,
     seed            INTEGER NOT NULL,
     trajectories    INTEGER NOT NULL,
     options         TEXT,
     perspectives    TEXT,
     program_version TEXT NOT NULL,
     status          TEXT NOT NULL CHECK (status IN ('queued','running','finished','failed','interrupted','cancelled')),
     error           TEXT,
     result          TEXT,
     CHECK ((status = 'finished') = (result IS NOT NULL))
   );
   INSERT INTO runs_v2 SELECT id, created_at, finished_at, scenario_name, scenario_text, scenario_hash, seed, trajectories,
     options, perspectives, program_version, status, error, result FROM runs ORDER BY rowid;
   DROP TABLE runs;
   ALTER TABLE runs_v2 RENAME TO runs;
   CREATE INDEX runs_by_created ON runs (created_at DESC);`,
  // 3: the job-queue jobs a run submitted (docs/SCALING.md): per specification, how many jobs and
  // how many were already finished when it was (re)submitted
  `CREATE TABLE run_jobs (
     run_id  TEXT NOT NULL,
     spec    TEXT NOT NULL,
     jobs    INTEGER NOT NULL,
     reused  INTEGER NOT NULL,
     PRIMARY KEY (run_id, spec)
   );`,
  // 4: analyses of a server on the job queue, kept so that a restarted server resumes them; as for
  // runs, "finished" goes with a result and nothing else does
  `CREATE TABLE analyses (
     id          TEXT PRIMARY KEY,
     created_at  TEXT NOT NULL,
     kind        TEXT NOT NULL,
     request     TEXT NOT NULL,
     status      TEXT NOT NULL CHECK (status IN ('queued','running','finished','failed','interrupted','cancelled')),
     error       TEXT,
     result      TEXT,
     CHECK ((status = 'finished') = (result IS NOT NULL))
   );`,
];

/** Brings the database up to the latest schema; refuses a file written by a newer guarantor. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma("user_version", { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new InputError(
      `the run store has schema version ${from}, newer than this guarantor knows (${MIGRATIONS.length})`,
    );
  }
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
