import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { addYears, caseLibraryDir, loadCaseLibrary, loadCaseText, wholeMonthsBetween, type GuaranteeCase } from "../../../src/evidence/cases/library.js";
import { loadScenarioFile, loadScenarioText } from "../../../src/scenario/load.js";
import { ScenarioError, type ScenarioIssue } from "../../../src/scenario/issues.js";
import { commitmentSchema } from "../../../src/scenario/schema.js";

const cases = loadCaseLibrary();
const dir = caseLibraryDir();
const files = readdirSync(dir).filter((n) => n.endsWith(".yaml"));
const BELGIUM = readFileSync(join(dir, "belgium-1839.yaml"), "utf8");
const KOREA = readFileSync(join(dir, "korea-1953.yaml"), "utf8");

/** Whole months by stepping month by month: independent of the loader's arithmetic. */
function monthsByStepping(from: string, to: string): number {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  let n = 0;
  for (;;) {
    const next = new Date(start);
    next.setUTCMonth(start.getUTCMonth() + n + 1);
    if (next.getUTCDate() !== start.getUTCDate()) next.setUTCDate(0); // 31 January + 1 month = end of February
    if (next > end) return n;
    n++;
  }
}

function issuesOf(text: string, file = "case.yaml"): ScenarioIssue[] {
  try {
    loadCaseText(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error("test setup: the text loaded without problems");
}

function replaceOnce(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`test setup: "${find}" not found`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test setup: "${needle}" not found`);
  return text.slice(0, at).split("\n").length;
}

describe("the case library", () => {
  it("holds at least 15 episodes, every file loads, and ids are unique and match file names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases).toHaveLength(files.length);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(`${c.id}.yaml`).toBe(c.file.split(/[\\/]/).pop());
  });

  it("includes the episodes the evidence layer is scored on", () => {
    const ids = cases.map((c) => c.id);
    for (const required of ["belgium-1839", "finland-1948", "austria-1955", "korea-1953", "vietnam-1973", "cyprus-1960", "egypt-israel-1979", "taiwan-1979", "budapest-1994", "bosnia-safe-areas-1993", "dayton-1995", "kosovo-1999", "georgia-2008", "minsk-2014", "minsk-2015", "unifil-2006"])
      expect(ids).toContain(required);
  });

  it("is ordered by settlement date", () => {
    const dates = cases.map((c) => c.case.settlement.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it("dates are consistent: settlement inside the period, renewed war after the settlement and not after observation ends", () => {
    for (const c of cases) {
      const { period, settlement, observed_to, outcome } = c.case;
      expect(period.start <= settlement.date, c.id).toBe(true);
      expect(period.start <= period.end, c.id).toBe(true);
      expect(settlement.date <= observed_to, c.id).toBe(true);
      if (outcome.renewed_war.occurred) {
        expect(outcome.renewed_war.date > settlement.date, c.id).toBe(true);
        expect(outcome.renewed_war.date <= observed_to, c.id).toBe(true);
      }
    }
  });

  it("months to renewed war match the dates", () => {
    const wars = cases.filter((c) => c.case.outcome.renewed_war.occurred);
    expect(wars.length).toBeGreaterThanOrEqual(5);
    for (const c of wars) {
      const war = c.case.outcome.renewed_war;
      if (!war.occurred) continue;
      expect(war.months_after_settlement, c.id).toBe(monthsByStepping(c.case.settlement.date, war.date));
    }
  });

  it("alignment is coded only at horizons that lie within the observed record", () => {
    for (const c of cases) {
      const { alignment } = c.case.outcome;
      for (const [years, value] of [[5, alignment.at_5_years], [10, alignment.at_10_years], [20, alignment.at_20_years]] as const)
        if (addYears(c.case.settlement.date, years) > c.case.observed_to) expect(value, `${c.id} at ${years} years`).toBeNull();
    }
  });

  it("a guarantee counts as tested exactly when war came back", () => {
    for (const c of cases) expect(c.case.outcome.guarantor_intervention === "not_tested", c.id).toBe(!c.case.outcome.renewed_war.occurred);
  });

  it("no episode saw nuclear use", () => {
    for (const c of cases) expect(c.case.outcome.nuclear_use, c.id).toBe(false);
  });

  it("every source names its author and year", () => {
    for (const c of cases) {
      expect(c.case.sources.length, c.id).toBeGreaterThan(0);
      for (const s of c.case.sources) {
        expect(s.author.trim(), c.id).not.toBe("");
        expect(Number.isInteger(s.year) && s.year >= 1800 && s.year <= 2030, `${c.id}: ${s.author}`).toBe(true);
        expect(s.title.trim(), c.id).not.toBe("");
      }
    }
  });

  it("every design validates as scenario commitments, read from the raw YAML", () => {
    for (const name of files) {
      const raw = parse(readFileSync(join(dir, name), "utf8")) as { scenario: { options: { commitments: unknown[] }[] } };
      for (const option of raw.scenario.options)
        for (const commitment of option.commitments) {
          const result = commitmentSchema.safeParse(commitment);
          expect(result.success, `${name}: ${JSON.stringify(commitment)}`).toBe(true);
        }
    }
  });

  it("every case becomes a loadable scenario when given a horizon and the model's priors", () => {
    const bundled = loadScenarioFile(fileURLToPath(new URL("../../../scenarios/ukraine-2025.yaml", import.meta.url)));
    for (const c of cases) {
      const text = stringify({ name: c.scenario.name, horizon_years: 20, actors: c.scenario.actors, parameters: bundled.parameters, options: c.scenario.options });
      expect(() => loadScenarioText(text, `${c.id}.yaml`), c.id).not.toThrow();
    }
  });

  it("arms suppliers are declared guarantors and provide arms in the agreed design", () => {
    for (const c of cases) {
      const agreed = c.scenario.options.find((o) => o.id === c.case.settlement.option);
      const providers = agreed?.commitments.flatMap((k) => (k.type === "arms_supply" ? (k.providers ?? []) : [])) ?? [];
      for (const s of c.case.arms_suppliers) expect(providers, `${c.id}: ${s}`).toContain(s);
    }
  });
});

describe("docs/EVIDENCE.md", () => {
  it("lists every case with its settlement date and renewed-war coding", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/EVIDENCE.md", import.meta.url)), "utf8");
    for (const c of cases) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${c.id}\` |`));
      expect(row, c.id).toBeDefined();
      expect(row, c.id).toContain(`${c.case.settlement.date} → ${c.case.observed_to}`);
      const war = c.case.outcome.renewed_war;
      expect(row, c.id).toContain(war.occurred ? `${war.date}` : "| no |");
      if (war.occurred) expect(row, c.id).toContain(`, ${war.months_after_settlement} mo |`);
    }
  });

  it("states the library's summary counts as the files give them", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/EVIDENCE.md", import.meta.url)), "utf8").replace(/\s+/g, " ");
    const months = cases.flatMap((c) => (c.case.outcome.renewed_war.occurred ? [c.case.outcome.renewed_war.months_after_settlement] : [])).sort((a, b) => a - b);
    const mid = months.length / 2;
    const median = months.length % 2 ? months[Math.floor(mid)] : (months[mid - 1] + months[mid]) / 2;
    const intervened = cases.filter((c) => c.case.outcome.guarantor_intervention === "intervened").length;
    expect(doc).toContain(`in ${months.length} of the ${cases.length} cases the protégé was attacked again (${months[0]} to ${months[months.length - 1]} months after the settlement, median ${median}); a guarantor intervened in ${intervened} of those ${months.length}`);
  });
});

/** The row selectors of `data:` entries name rows that exist in ../shared/data. */
const DATA_DIR = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
describe.skipIf(!existsSync(DATA_DIR))("dataset rows cited by the cases", () => {
  const column = (file: string, name: string): Set<string> => {
    const lines = readFileSync(join(DATA_DIR, file), "utf8").split("\n");
    const header = lines[0].split(",").map((h) => h.replaceAll('"', ""));
    const k = header.indexOf(name);
    return new Set(lines.slice(1).map((l) => l.split(",")[k]?.replaceAll('"', "")));
  };
  const cited = (c: GuaranteeCase, dataset: string, key: string): string[] =>
    c.case.data.filter((d) => d.dataset === dataset).flatMap((d) => [...d.rows.matchAll(new RegExp(`(?<![a-z_])${key}=([\\d, and]+)`, "g"))].flatMap((m) => m[1].split(/,| and /).map((s) => s.trim()).filter(Boolean)));

  it("COW war numbers, Fortna case ids and UCDP conflict ids exist in the data", () => {
    const wars = column("cow_war_inter.csv", "warnum");
    const fortna = column("fortna_pk_pkept_old.csv", "id");
    const ucdp = column("ucdp_acd.csv", "conflict_id");
    const refs = cases.flatMap((c) => [
      ...cited(c, "cow_war_inter", "warnum").map((w) => [`${c.id}: COW war ${w}`, wars.has(w)] as const),
      ...cited(c, "fortna_pk_pkept_old", "id").map((f) => [`${c.id}: Fortna case ${f}`, fortna.has(f)] as const),
      ...cited(c, "ucdp_acd", "conflict_id").map((u) => [`${c.id}: UCDP conflict ${u}`, ucdp.has(u)] as const),
    ]);
    expect(refs.length).toBeGreaterThanOrEqual(20);
    for (const [what, found] of refs) expect(found, what).toBe(true);
  });
});

describe("calendar arithmetic", () => {
  it("counts whole months", () => {
    expect(wholeMonthsBetween("1839-04-19", "1914-08-04")).toBe(903);
    expect(wholeMonthsBetween("2015-02-12", "2022-02-24")).toBe(84);
    expect(wholeMonthsBetween("2000-01-31", "2000-02-29")).toBe(0);
    expect(wholeMonthsBetween("2000-01-15", "2000-02-15")).toBe(1);
  });
  it("adds years, moving 29 February to 28 February in common years", () => {
    expect(addYears("2004-02-29", 5)).toBe("2009-02-28");
    expect(addYears("2004-02-29", 4)).toBe("2008-02-29");
    expect(addYears("1994-12-05", 20)).toBe("2014-12-05");
  });
});

describe("malformed cases are reported with file, line, column and path", () => {
  it("a duration that does not match its dates", () => {
    const text = replaceOnce(BELGIUM, "months_after_settlement: 903", "months_after_settlement: 900");
    const [issue] = issuesOf(text, "belgium-1839.yaml");
    expect(issue.path).toBe("case.outcome.renewed_war.months_after_settlement");
    expect(issue.line).toBe(lineOf(text, "months_after_settlement: 900"));
    expect(issue.expected).toMatch(/^903 /);
  });

  it("a renewed war dated before the settlement", () => {
    const text = replaceOnce(BELGIUM, "date: 1914-08-04", "date: 1838-08-04");
    const messages = issuesOf(text, "belgium-1839.yaml").map((i) => `${i.path}: ${i.message}`);
    expect(messages).toContain("case.outcome.renewed_war.date: renewed war must come after the settlement (1839-04-19)");
  });

  it("an impossible calendar date", () => {
    const text = replaceOnce(BELGIUM, "date: 1914-08-04", "date: 1914-02-30");
    const issue = issuesOf(text, "belgium-1839.yaml").find((i) => i.path === "case.outcome.renewed_war.date");
    expect(issue?.message).toBe("is not a calendar date");
    expect(issue?.line).toBe(lineOf(text, "date: 1914-02-30"));
  });

  it("a settlement option that the scenario block does not define", () => {
    const text = replaceOnce(KOREA, "option: armistice-and-treaty", "option: armistice-and-treatyy");
    const [issue] = issuesOf(text, "korea-1953.yaml");
    expect(issue.path).toBe("case.settlement.option");
    expect(issue.hint).toBe('did you mean "armistice-and-treaty"?');
  });

  it("an unknown commitment type, reported by the scenario schema", () => {
    const text = replaceOnce(KOREA, "type: collective_defense", "type: collective_defence");
    const [issue] = issuesOf(text, "korea-1953.yaml");
    expect(issue.path).toBe("scenario.options[0].commitments[0].type");
    expect(issue.line).toBe(lineOf(text, "collective_defence"));
  });

  it("a commitment naming an undeclared guarantor, reported by the scenario cross-checks", () => {
    const text = replaceOnce(KOREA, "guarantors: [US], ratified", "guarantors: [UK], ratified");
    const [issue] = issuesOf(text, "korea-1953.yaml");
    expect(issue.path).toBe("scenario.options[0].commitments[0].guarantors[0]");
    expect(issue.message).toBe('unknown guarantor "UK"');
  });

  it("an alignment coded beyond the observed record, and an untested guarantee coded as tested", () => {
    let text = replaceOnce(KOREA, "observed_to: 2025-01-01", "observed_to: 1965-01-01");
    text = replaceOnce(text, "guarantor_intervention: not_tested", "guarantor_intervention: did_not_intervene");
    const paths = issuesOf(text, "korea-1953.yaml").map((i) => i.path);
    expect(paths).toEqual(["case.outcome.guarantor_intervention", "case.outcome.alignment.at_20_years"]);
  });

  it("a source without a year, and an unknown key", () => {
    const text = replaceOnce(replaceOnce(KOREA, "author: William Stueck, year: 1995,", "author: William Stueck,"), "challenger_was_guarantor: false", "challenger_was_guarantor: false\n  challenger_signed: true");
    const issues = issuesOf(text, "korea-1953.yaml").map((i) => `${i.path}: ${i.message}`);
    expect(issues).toContain('case.sources[0].year: missing required key "year"');
    expect(issues).toContain('case.challenger_signed: unknown key "challenger_signed"');
  });

  it("an unknown key inside a discriminated outcome lists the keys allowed there", () => {
    const text = replaceOnce(BELGIUM, "precision: day", "precission: day");
    const [issue] = issuesOf(text, "belgium-1839.yaml");
    expect(issue.path).toBe("case.outcome.renewed_war.precission");
    expect(issue.line).toBe(lineOf(text, "precission"));
    expect(issue.expected).toBe("one of occurred, date, precision, months_after_settlement, description");
    expect(issue.hint).toBe('did you mean "precision"?');
  });

  it("a file whose name differs from its id", () => {
    const [issue] = issuesOf(KOREA, "korea.yaml");
    expect(issue.message).toBe('the case id "korea-1953" differs from its file name "korea.yaml"');
  });
});
