/**
 * Derives the inter-state war recurrence cases: one row per pair of states on opposite sides of a
 * COW inter-state war, with the time from the war's last year to the pair's next, different war
 * (or censoring), and covariates at the war's end (ATOP defence pacts with major powers, rivalry).
 */
import { csvLine } from "../../src/evidence/cases/csv.js";
import { readTable, type Table } from "./read.js";

/** COW inter-state war numbers of the two World Wars. */
const WORLD_WARS = new Set([106, 139]);
/** COW wars end in 2007: peace is observed to the start of 2008. */
const OBSERVATION_END = 2008;

interface WarDyad {
  war: number;
  a: number;
  b: number;
  startYear: number;
  endYear: number;
  outcomeA: number;
  deathsA: number;
  deathsB: number;
}

export function deriveInterstate(sharedData: string): { csv: string; summary: string[] } {
  const wars = readTable(sharedData, "cow_war_inter.csv");
  const atop = readTable(sharedData, "atop_alliance.csv");
  const majors = readTable(sharedData, "cow_majors.csv");
  const states = readTable(sharedData, "cow_states.csv");
  const rivalries = readTable(sharedData, "td_rivalries.csv");

  const dyads = warDyads(wars);
  const isMajor = (ccode: number, year: number) =>
    majors.rows.some((r) => r.num("ccode") === ccode && r.num("styear") <= year && year <= r.num("endyear"));
  const defencePartners = new Map<string, number[]>();
  for (const r of atop.rows) {
    if (r.num("atop_defense") !== 1) continue;
    const key = `${r.num("ccode1")}|${r.num("year")}`;
    const list = defencePartners.get(key) ?? [];
    list.push(r.num("ccode2"));
    defencePartners.set(key, list);
  }
  const hasMajorPact = (state: number, opponent: number, year: number) =>
    (defencePartners.get(`${state}|${year}`) ?? []).some((m) => m !== opponent && isMajor(m, year));
  const abbreviation = new Map(states.rows.map((r) => [r.num("ccode"), r.str("stateabb")]));
  const exitYear = (ccode: number, year: number): number => {
    const spell = states.rows.find((r) => r.num("ccode") === ccode && r.num("styear") <= year && year <= r.num("endyear"));
    return spell ? spell.num("endyear") + (spell.num("endmonth") - 0.5) / 12 : OBSERVATION_END;
  };
  const inRivalry = (a: number, b: number, year: number) =>
    rivalries.rows.some((r) => r.num("ccode1") === Math.min(a, b) && r.num("ccode2") === Math.max(a, b)
      && r.num("styear") <= year && year <= r.num("endyear"));

  const header = ["war", "ccode_a", "ccode_b", "state_a", "state_b", "start_year", "end_year", "outcome_a", "decisive_outcome",
    "world_war", "major_power_belligerent", "major_power_pact", "pact_between", "rivalry", "battle_deaths", "recurred",
    "next_war", "years_at_risk"];
  const lines = [csvLine(header)];
  let recurred = 0;
  let anyLater = 0;
  for (const d of dyads) {
    const next = dyads
      .filter((o) => o.a === d.a && o.b === d.b && o.war !== d.war && o.startYear > d.endYear)
      .sort((x, y) => x.startYear - y.startYear)[0];
    const censorAt = Math.min(OBSERVATION_END, exitYear(d.a, d.endYear), exitYear(d.b, d.endYear)) - (d.endYear + 0.5);
    const eventAt = next ? next.startYear - d.endYear : Infinity;
    const event = next !== undefined && eventAt <= censorAt;
    recurred += event ? 1 : 0;
    anyLater += next ? 1 : 0;
    const deaths = d.deathsA >= 0 && d.deathsB >= 0 ? d.deathsA + d.deathsB : Number.NaN;
    lines.push(csvLine([
      d.war, d.a, d.b, abbreviation.get(d.a) ?? "", abbreviation.get(d.b) ?? "", d.startYear, d.endYear, outcomeName(d.outcomeA),
      d.outcomeA === 1 || d.outcomeA === 2 ? 1 : 0, WORLD_WARS.has(d.war) ? 1 : 0,
      isMajor(d.a, d.endYear) || isMajor(d.b, d.endYear) ? 1 : 0,
      hasMajorPact(d.a, d.b, d.endYear) || hasMajorPact(d.b, d.a, d.endYear) ? 1 : 0,
      (defencePartners.get(`${d.a}|${d.endYear}`) ?? []).includes(d.b) ? 1 : 0,
      inRivalry(d.a, d.b, d.endYear) ? 1 : 0, deaths, event ? 1 : 0, event ? next.war : Number.NaN,
      round(event ? eventAt : Math.max(0, censorAt)),
    ]));
  }
  const summary = [
    `${dyads.length} war-dyads from ${new Set(dyads.map((d) => d.war)).size} wars`,
    `${anyLater} have a later, different war between the same pair before 2008 (README check: 82)`,
    `${recurred} of them recur while both states are continuously in the state system (the event used here)`,
  ];
  return { csv: lines.join("\n"), summary };
}

function warDyads(wars: Table): WarDyad[] {
  const byKey = new Map<string, WarDyad>();
  for (const r of wars.rows) {
    const a = r.num("ccode1");
    const b = r.num("ccode2");
    if (a > b) continue; // each undirected pair once
    const key = `${r.num("warnum")}|${a}|${b}`;
    const year = r.num("year");
    const existing = byKey.get(key);
    if (existing) {
      existing.startYear = Math.min(existing.startYear, year);
      existing.endYear = Math.max(existing.endYear, year);
    } else {
      byKey.set(key, {
        war: r.num("warnum"), a, b, startYear: year, endYear: year, outcomeA: r.num("outcome1"),
        deathsA: r.num("batdeath1"), deathsB: r.num("batdeath2"),
      });
    }
  }
  return [...byKey.values()].sort((x, y) => x.war - y.war || x.a - y.a || x.b - y.b);
}

function outcomeName(code: number): string {
  return ({ 1: "winner", 2: "loser", 3: "compromise", 4: "transformed", 6: "stalemate", 7: "below-war", 8: "changed-sides" } as Record<number, string>)[code] ?? "unknown";
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
