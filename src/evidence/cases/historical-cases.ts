/**
 * The historical cases shipped in data/ (derived by scripts/derive-data.ts): inter-state war
 * recurrence by pair and civil-war cease-fire survival. Loaded once into plain typed records that
 * the survival statistics, the priors and the backtest read.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CaseSetName } from "../../contract/evidence.js";
import { InputError } from "../../errors.js";
import { column, numberCell, parseCsv, type CsvTable } from "./csv.js";

/** One case as the statistics see it: time at risk, whether the war came back, covariates, a date for time splits. */
export interface HistoricalCase {
  id: string;
  label: string;
  /** year the peace started (war end year, or cease-fire year) */
  year: number;
  yearsAtRisk: number;
  /** 1 if war resumed at yearsAtRisk, 0 if censored then */
  event: 0 | 1;
  covariates: Record<string, number>;
}

export type { CaseSetName };

export interface CaseSet {
  name: CaseSetName;
  title: string;
  /** the "# " provenance lines of the data file */
  provenance: string[];
  /** covariates every case carries, 0/1 unless said otherwise */
  covariateNames: string[];
  cases: HistoricalCase[];
}

const FILES: Record<CaseSetName, string> = {
  interstate: "interstate-war-recurrence.csv",
  ceasefires: "ceasefire-survival.csv",
};

/** The package root: the nearest folder above this module with guarantor's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "guarantor") return dir;
    dir = dirname(dir);
  }
  throw new InputError("cannot find guarantor's package root (package.json) above the evidence module");
}

const cache = new Map<CaseSetName, CaseSet>();

/** Load a bundled case set (cached). */
export function loadCaseSet(name: CaseSetName): CaseSet {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = join(packageRoot(), "data", FILES[name]);
  if (!existsSync(file)) throw new InputError(`bundled data file ${file} is missing; run npx tsx scripts/derive-data.ts`);
  const table = parseCsv(readFileSync(file, "utf8"), FILES[name]);
  const set = name === "interstate" ? interstateCases(table) : ceasefireCases(table);
  cache.set(name, set);
  return set;
}

function reader(table: CsvTable, source: string) {
  return (row: string[], name: string) => numberCell(row[column(table, name, source)]);
}

function interstateCases(table: CsvTable): CaseSet {
  const num = reader(table, FILES.interstate);
  const text = (row: string[], name: string) => row[column(table, name, FILES.interstate)];
  const covariateNames = ["major_power_pact", "decisive_outcome", "rivalry", "world_war", "major_power_belligerent", "pact_between"];
  return {
    name: "interstate",
    title: "Inter-state war recurrence between the same pair of states (COW wars 1823–2003, to 2008)",
    provenance: table.comments,
    covariateNames,
    cases: table.rows.map((row) => ({
      id: `war${num(row, "war")}:${text(row, "state_a")}-${text(row, "state_b")}`,
      label: `COW war ${num(row, "war")}: ${text(row, "state_a")} vs ${text(row, "state_b")}, ended ${num(row, "end_year")}`,
      year: num(row, "end_year"),
      yearsAtRisk: num(row, "years_at_risk"),
      event: num(row, "recurred") === 1 ? 1 : 0,
      covariates: Object.fromEntries(covariateNames.map((c) => [c, num(row, c)])),
    })),
  };
}

function ceasefireCases(table: CsvTable): CaseSet {
  const num = reader(table, FILES.ceasefires);
  const text = (row: string[], name: string) => row[column(table, name, FILES.ceasefires)];
  const covariateNames = ["peacekeeping", "truce", "victory", "post_cold_war", "consent_mission", "enforcement_mission"];
  return {
    name: "ceasefires",
    title: "Civil-war cease-fires 1947–1999 and their failure, observed to 2004 (Fortna)",
    provenance: table.comments,
    covariateNames,
    cases: table.rows.map((row) => ({
      id: `cf${num(row, "id")}`,
      label: `${text(row, "case")}, cease-fire ${text(row, "ceasefire_date")}`,
      year: Number(text(row, "ceasefire_date").slice(0, 4)),
      yearsAtRisk: num(row, "years_at_risk"),
      event: num(row, "failed") === 1 ? 1 : 0,
      covariates: {
        peacekeeping: num(row, "peacekeeping"),
        truce: text(row, "outcome") === "Truce" ? 1 : 0,
        victory: text(row, "outcome").startsWith("Victory") ? 1 : 0,
        post_cold_war: num(row, "post_cold_war"),
        consent_mission: num(row, "chapter") === 1 ? 1 : 0,
        enforcement_mission: num(row, "chapter") === 2 ? 1 : 0,
      },
    })),
  };
}
