/**
 * The case library (docs/EVIDENCE.md, "The case library"): historical security-guarantee episodes,
 * one YAML file each under scenarios/cases/. A case has a `scenario` block shaped like a scenario's
 * actors and options (so the backtest can run it through the model) and a `case` block with what
 * the record says: dates, coded outcomes, sources. Loading reports every problem with file:line:column.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { InputError } from "../../errors.js";
import { readTextFileCapped } from "../../io/read-file.js";
import { crossCheck, type RawIssue } from "../../scenario/checks.js";
import { ScenarioError, describeValue, formatPath, type ScenarioIssue } from "../../scenario/issues.js";
import { didYouMean } from "../../math/suggest.js";
import { PositionFinder } from "../../scenario/positions.js";
import { fromZod } from "../../scenario/zod-issues.js";
import { scenarioSchema } from "../../scenario/schema.js";
import { packageRoot } from "./historical-cases.js";

/** Largest case file accepted (bytes). */
export const MAX_CASE_BYTES = 200_000;

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: "must be an identifier (letters, digits, - and _, starting with a letter)" });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" })
  .refine((s) => parseDate(s) !== undefined, { message: "is not a calendar date" });

/** The scenario-shaped part: the same actors and options a scenario has, so a case maps onto one. */
export const caseScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  actors: scenarioSchema.shape.actors,
  options: scenarioSchema.shape.options,
});

/** Where the protégé stood N years after the settlement (coding rules in docs/EVIDENCE.md). */
export const ALIGNMENTS = ["integrated_with_guarantors", "aligned_with_guarantors", "neutral", "contested", "absorbed_by_challenger"] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

const renewedWar = z.discriminatedUnion("occurred", [
  z.strictObject({ occurred: z.literal(false) }),
  z.strictObject({
    occurred: z.literal(true),
    date: isoDate,
    precision: z.enum(["day", "month", "year"]).default("day"),
    months_after_settlement: z.number().int().min(0),
    description: z.string().min(1),
  }),
]);

const source = z.strictObject({
  author: z.string().min(1),
  year: z.number().int().min(1800).max(2100),
  title: z.string().min(1),
  published: z.string().optional(),
  used_for: z.string().optional(),
});

/** Files of ../shared/data the cases cite row by row. */
export const DATASETS = ["cow_war_inter", "atop_alliance", "fortna_pk_pkept_old", "ucdp_acd"] as const;
const datasetRow = z.strictObject({
  dataset: z.enum(DATASETS),
  /** the rows used, as a selection on the file's id columns, e.g. "warnum=151" or "ccode1=2, ccode2=732, year 1953–2018" */
  rows: z.string().min(1),
  used_for: z.string().min(1),
});

export const caseMetaSchema = z.strictObject({
  period: z.strictObject({ start: isoDate, end: isoDate }),
  settlement: z.strictObject({
    date: isoDate,
    instrument: z.string().min(1),
    option: id,
    status: z.enum(["agreed", "proposed"]),
  }),
  /** the challenger itself was one of the guarantors or assurance-givers (Prussia 1839, Turkey 1960, Russia 1994, …) */
  challenger_was_guarantor: z.boolean(),
  arms_suppliers: z.array(id).default([]),
  spoilers: z.array(z.strictObject({ id, name: z.string().min(1), record: z.string().min(1) })).default([]),
  /** the last date the outcomes below were coded to */
  observed_to: isoDate,
  outcome: z.strictObject({
    renewed_war: renewedWar,
    guarantor_intervention: z.enum(["intervened", "did_not_intervene", "not_tested"]),
    strongest_obligation: z.enum(["defence", "enforcement", "consultation", "recognition", "none"]),
    intervention_detail: z.string().optional(),
    nuclear_use: z.boolean(),
    alignment: z.strictObject({
      at_5_years: z.enum(ALIGNMENTS).nullable(),
      at_10_years: z.enum(ALIGNMENTS).nullable(),
      at_20_years: z.enum(ALIGNMENTS).nullable(),
      note: z.string().optional(),
    }),
  }),
  sources: z.array(source).min(1),
  data: z.array(datasetRow).default([]),
  notes: z.string().optional(),
});

export const caseFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  scenario: caseScenarioSchema,
  case: caseMetaSchema,
});

export type CaseFileData = z.infer<typeof caseFileSchema>;
export interface GuaranteeCase extends CaseFileData {
  /** file name used in messages */
  file: string;
}

/** A calendar date as [year, month 1–12, day], or undefined if it is not one. */
export function parseDate(text: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? [y, mo, d] : undefined;
}

/** Whole calendar months from `from` to `to` (1839-04-19 → 1914-08-04 is 903). */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) throw new InputError(`not a date: ${a ? to : from}`);
  return (b[0] - a[0]) * 12 + (b[1] - a[1]) - (b[2] < a[2] ? 1 : 0);
}

/** The date `years` after `date` (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parseDate(date) ?? [0, 1, 1];
  const day = m === 2 && d === 29 && parseDate(`${y + years}-02-29`) === undefined ? 28 : d;
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True when the protégé ended in the challenger's sphere: the model's `p_sphere_at_horizon` event. */
export function inChallengerSphere(a: Alignment): boolean {
  return a === "absorbed_by_challenger";
}

export function loadCaseText(text: string, file = "case.yaml"): GuaranteeCase {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { file, line, column: col, path: "", message: `YAML syntax: ${e.message.split("\n")[0]}` };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([{ file, line: 1, column: 1, path: "", message: "a case must be a mapping of keys (id, title, scenario, case)", received: describeValue(data) }]);
  }
  const parsed = caseFileSchema.safeParse(data);
  const raw: RawIssue[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZod(caseFileSchema, i, data));
  const scenarioPart = (data as Record<string, unknown>).scenario;
  raw.push(...crossCheck(scenarioPart).map((r) => ({ ...r, path: ["scenario", ...r.path] })));
  if (parsed.success) raw.push(...checkCase(parsed.data, file));
  if (raw.length > 0) {
    const positions = new PositionFinder(doc, lines);
    const issues: ScenarioIssue[] = raw.map((r) => {
      const pos = r.key !== undefined ? positions.key(r.path, r.key) : positions.value(r.path);
      const path = formatPath(r.key !== undefined ? [...r.path, r.key] : r.path);
      return { file, line: pos.line, column: pos.column, path, message: r.message, expected: r.expected, received: r.received, hint: r.hint };
    });
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ScenarioError(issues);
  }
  return { ...(parsed.data as CaseFileData), file };
}

export function loadCaseFile(path: string): GuaranteeCase {
  return loadCaseText(readTextFileCapped(path, MAX_CASE_BYTES, "case file"), path);
}

/** The bundled case library's folder. */
export function caseLibraryDir(): string {
  return join(packageRoot(), "scenarios", "cases");
}

/** Every case of a folder, ordered by settlement date; all problems of all files reported at once. */
export function loadCaseLibrary(dir = caseLibraryDir()): GuaranteeCase[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    throw new InputError(`${dir}: cannot read the case library folder`);
  }
  const cases: GuaranteeCase[] = [];
  const issues: ScenarioIssue[] = [];
  for (const name of names) {
    try {
      cases.push(loadCaseFile(join(dir, name)));
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return cases.sort((a, b) => a.case.settlement.date.localeCompare(b.case.settlement.date) || a.id.localeCompare(b.id));
}

/** Date, reference and coding-rule checks a schema cannot express (docs/EVIDENCE.md, coding rules). */
function checkCase(c: CaseFileData, file: string): RawIssue[] {
  const issues: RawIssue[] = [];
  const meta = c.case;
  const at = (...path: PropertyKey[]) => ["case", ...path];
  const stem = basename(file).replace(/\.ya?ml$/, "");
  if (file.endsWith(".yaml") && stem !== c.id) issues.push({ path: ["id"], message: `the case id "${c.id}" differs from its file name "${stem}.yaml"`, hint: `rename the file or set id: ${stem}` });

  const optionIds = c.scenario.options.map((o) => o.id);
  if (!optionIds.includes(meta.settlement.option)) {
    const guess = didYouMean(meta.settlement.option, optionIds);
    issues.push({ path: at("settlement", "option"), message: `unknown option "${meta.settlement.option}"`, expected: `one of ${optionIds.join(", ")}`, hint: guess ? `did you mean "${guess}"?` : undefined });
  }
  const guarantors = c.scenario.actors.guarantors.map((g) => g.id);
  meta.arms_suppliers.forEach((s, i) => {
    if (!guarantors.includes(s)) issues.push({ path: at("arms_suppliers", i), message: `arms supplier "${s}" is not declared under scenario.actors.guarantors`, expected: `one of ${guarantors.join(", ") || "(none declared)"}` });
  });

  const { date } = meta.settlement;
  const order = (path: PropertyKey[], later: string, earlier: string, what: string) => {
    if (later < earlier) issues.push({ path, message: what, received: later });
  };
  order(at("period", "end"), meta.period.end, meta.period.start, `the period ends before it starts (${meta.period.start})`);
  order(at("settlement", "date"), date, meta.period.start, `the settlement precedes the period's start (${meta.period.start})`);
  order(at("observed_to"), meta.observed_to, date, `outcomes are observed to a date before the settlement (${date})`);

  const war = meta.outcome.renewed_war;
  if (war.occurred) {
    if (war.date <= date) issues.push({ path: at("outcome", "renewed_war", "date"), message: `renewed war must come after the settlement (${date})`, received: war.date });
    if (war.date > meta.observed_to) issues.push({ path: at("outcome", "renewed_war", "date"), message: `renewed war is dated after observed_to (${meta.observed_to})`, received: war.date });
    const months = wholeMonthsBetween(date, war.date);
    if (months !== war.months_after_settlement)
      issues.push({ path: at("outcome", "renewed_war", "months_after_settlement"), message: `does not match the dates`, expected: `${months} (whole months from ${date} to ${war.date})`, received: String(war.months_after_settlement) });
  }
  const tested = war.occurred;
  const response = meta.outcome.guarantor_intervention;
  if (tested === (response === "not_tested"))
    issues.push({
      path: at("outcome", "guarantor_intervention"),
      message: tested ? "the protégé was attacked, so the guarantee was tested" : "no renewed war, so the guarantee was not tested",
      expected: tested ? "intervened or did_not_intervene" : "not_tested",
      received: response,
    });

  for (const years of [5, 10, 20] as const) {
    const key = `at_${years}_years` as const;
    if (meta.outcome.alignment[key] !== null && addYears(date, years) > meta.observed_to)
      issues.push({ path: at("outcome", "alignment", key), message: `${years} years after the settlement (${addYears(date, years)}) lies beyond observed_to (${meta.observed_to})`, expected: "null" });
  }
  return issues;
}

