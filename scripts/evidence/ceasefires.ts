/**
 * Derives the civil-war cease-fire cases from Fortna's "Peacekeeping and the Peacekept" data: one
 * row per cease-fire with its date, failure date (or censoring at the end of 2004) and whether
 * peacekeepers were present, with the mission type and the war's characteristics.
 */
import { csvLine } from "../../src/evidence/cases/csv.js";
import { readTable } from "./read.js";

/** Fortna observes peace to the end of 2004. */
const OBSERVED_UNTIL = "2004-12-31";
const DAYS_PER_YEAR = 365.25;

export function deriveCeasefires(sharedData: string): { csv: string; summary: string[] } {
  const table = readTable(sharedData, "fortna_pk_pkept_old.csv");
  const first = table.rows.filter((r) => r.num("firstob") === 1 && r.str("cfdate") !== "NA");
  const header = ["id", "case", "ccode", "ceasefire_date", "failure_date", "post_cold_war", "failed", "years_at_risk",
    "peacekeeping", "peacekeeping_ever", "mission_type", "mission_by", "chapter", "outcome", "partial_ceasefire",
    "past_agreement", "war_duration_years", "log_deaths", "great_power_intervention", "p5_ally", "estimated_dates", "questionable"];
  const lines = [csvLine(header)];
  const cell = (x: number) => (Number.isNaN(x) ? Number.NaN : x);
  for (const r of first.sort((a, b) => a.num("id") - b.num("id"))) {
    const failed = r.str("faildate") !== "NA";
    const end = failed ? r.str("faildate") : OBSERVED_UNTIL;
    const years = (Date.parse(end) - Date.parse(r.str("cfdate"))) / 86_400_000 / DAYS_PER_YEAR;
    lines.push(csvLine([
      r.num("id"), r.str("cname"), r.num("ccode"), r.str("cfdate"), failed ? r.str("faildate") : "NA", r.num("pcw"),
      failed ? 1 : 0, Math.round(years * 1e6) / 1e6, r.num("pk_dum"), r.num("pk_dumC"), cell(r.num("pkopC")),
      cell(r.num("pkwhoC")), cell(r.num("chapterC")), r.str("outcome"), cell(r.num("partcf")), cell(r.num("past_ag")),
      cell(r.num("wardur")), cell(r.num("logdead")), cell(r.num("gp_intvn")), cell(r.num("p5_ally")), cell(r.num("estdate")),
      cell(r.num("drop")),
    ]));
  }
  const post = first.filter((r) => r.num("pcw") === 1);
  const held = (rows: typeof first) => rows.filter((r) => r.str("faildate") === "NA").length;
  const withPk = post.filter((r) => r.num("pk_dum") === 1);
  const withoutPk = post.filter((r) => r.num("pk_dum") !== 1);
  const summary = [
    `${first.length} cease-fires with a date (${post.length} after 1989)`,
    `after 1989: peace held to 2004 in ${held(post)}/${post.length}; with peacekeepers ${held(withPk)}/${withPk.length}, without ${held(withoutPk)}/${withoutPk.length} (README check: 40/96, 19/34, 21/62)`,
  ];
  return { csv: lines.join("\n"), summary };
}
