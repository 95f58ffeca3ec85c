/**
 * Each historical case's own model inputs, read from its covariates (docs/EVIDENCE.md §4, "Case
 * inputs"): which commitments it had (a major-power pact, a peacekeeping force), whether armed
 * factions outside the agreement were there to spoil it (civil-war cease-fires), and how much the
 * side that might resume the war had at stake (rivalry, a decisive outcome, a truce). Every mapping
 * here is an `assumption`, stated in that section. The backtest's model predictor turns the inputs
 * into options (commitments) and perspectives (parameter shifts) of one generated scenario.
 */
import type { CaseSetName, HistoricalCase } from "../cases/historical-cases.js";

/** A change to one parameter's prior: `add` to a normal prior's mean, or `times` a positive prior's mean and sd. */
export type PriorShift = { parameter: string; add: number } | { parameter: string; times: number };

export interface CaseInputs {
  /** option id of the generated scenario: cases with the same commitments share it */
  option: string;
  optionLabel: string;
  commitments: Record<string, unknown>[];
  /** perspective id of the generated scenario: cases with the same shifts share it */
  profile: string;
  profileLabel: string;
  shifts: PriorShift[];
  /** spoiler actors of the generated scenario (the same for every case of a set) */
  spoilers: { id: string; name: string; base_rate_per_year: number }[];
}

/** Sizes of the shifts (all `assumption`, docs/EVIDENCE.md §4). */
export const CASE_INPUT_ASSUMPTIONS = {
  /** a rivalry raises the log-mean of the challenger's stake by this much (stake × e^0.5 ≈ 1.65) */
  rivalryStakeShift: 0.5,
  /** a decisive outcome (or a victory in a civil war) lowers it by this much: the loser knows the balance */
  decisiveStakeShift: -0.5,
  /** a truce without a political agreement multiplies the spoilers' rate by this */
  truceSpoilerFactor: 2,
  /** troops of the peacekeeping force of a cease-fire with peacekeepers */
  peacekeepingTroops: 5000,
  /** rate per year of incidents by armed factions outside a civil-war cease-fire, before spoiler_rate_scale */
  civilWarSpoilerRatePerYear: 1,
} as const;

const A = CASE_INPUT_ASSUMPTIONS;
const GUARANTOR = "GP";

/** The inputs of one inter-state war dyad. */
function interstateInputs(c: HistoricalCase): CaseInputs {
  const pact = c.covariates.major_power_pact === 1;
  const rivalry = c.covariates.rivalry === 1;
  const decisive = c.covariates.decisive_outcome === 1;
  const stake = (rivalry ? A.rivalryStakeShift : 0) + (decisive ? A.decisiveStakeShift : 0);
  return {
    option: pact ? "major-power-pact" : "no-pact",
    optionLabel: pact ? "defence pact with a third-party major power" : "no third-party defence pact",
    commitments: pact ? [{ type: "collective_defense", guarantors: [GUARANTOR], ratified: true }] : [],
    profile: `rivalry${rivalry ? 1 : 0}-decisive${decisive ? 1 : 0}`,
    profileLabel: `${rivalry ? "rivals" : "not rivals"}, ${decisive ? "decisive outcome" : "no decisive outcome"}`,
    shifts: stake === 0 ? [] : [{ parameter: "challenger_stake_log_mean", add: stake }],
    // the inter-state data say nothing of armed groups outside the war's states
    spoilers: [],
  };
}

/** The inputs of one civil-war cease-fire. */
function ceasefireInputs(c: HistoricalCase): CaseInputs {
  const peacekeeping = c.covariates.peacekeeping === 1;
  const enforcement = peacekeeping && c.covariates.enforcement_mission === 1;
  const truce = c.covariates.truce === 1;
  const victory = c.covariates.victory === 1;
  const shifts: PriorShift[] = [];
  if (truce) shifts.push({ parameter: "spoiler_rate_scale", times: A.truceSpoilerFactor });
  if (victory) shifts.push({ parameter: "challenger_stake_log_mean", add: A.decisiveStakeShift });
  const option = !peacekeeping ? "no-peacekeepers" : enforcement ? "enforcement-mission" : "consent-mission";
  const commitments: Record<string, unknown>[] = !peacekeeping
    ? []
    : enforcement
      ? [{ type: "reassurance_force", contributors: [GUARANTOR], troops: A.peacekeepingTroops, deployment: "front", un_mandate: true }]
      : [{ type: "un_mandate", troops: A.peacekeepingTroops }];
  return {
    option,
    optionLabel: { "no-peacekeepers": "cease-fire without peacekeepers", "consent-mission": "consent-based peacekeeping force (UN mandate)", "enforcement-mission": "enforcement mission (UN-mandated force at the line)" }[option],
    commitments,
    profile: truce ? "truce" : victory ? "victory" : "settlement",
    profileLabel: truce ? "truce (no political agreement)" : victory ? "victory of one side" : "negotiated settlement",
    shifts,
    spoilers: [{ id: "factions", name: "Armed factions outside the cease-fire", base_rate_per_year: A.civilWarSpoilerRatePerYear }],
  };
}

/** The model inputs of a case (the mapping is an assumption, docs/EVIDENCE.md §4). */
export function caseInputs(caseSet: CaseSetName, c: HistoricalCase): CaseInputs {
  return caseSet === "interstate" ? interstateInputs(c) : ceasefireInputs(c);
}
