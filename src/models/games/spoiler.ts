/**
 * Game (f): the spoiler and moral hazard (docs/MODEL.md §15.6; Stedman 1997 on spoilers, Kuperman 2008
 * on moral hazard). A faction that gains from renewed war provokes an incident; the challenger
 * retaliates or absorbs it; a guarantee raises the faction's payoff from a war, unless it deters retaliation.
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, probabilityOf, pureChoice, solveSubgamePerfect } from "./tree.js";

export const OUT_QUIET = "no incident";
export const OUT_FIZZLE = "incident, no crisis";
export const OUT_ABSORBED = "crisis absorbed";
export const OUT_WAR_DEFENDED = "war: the guarantor intervenes";
export const OUT_WAR_ALONE = "war: the protégé fights alone";

export interface SpoilerParameters {
  /** c: P(incident becomes a crisis); q: P(the guarantor intervenes) as both sides know it */
  crisisProbability: number;
  resolve: number;
  /** b₀, B, L: incident gain, gain from a defended war, loss from an undefended one; cost κ ~ U(0, κ̄) */
  incidentGain: number;
  warGain: number;
  warLoss: number;
  costMax: number;
  /** the challenger's payoff from war at its median stake, with and without intervention, and from absorbing */
  challengerWarDefended: number;
  challengerWarAlone: number;
  absorbCost: number;
  /** the spoiler's cost cells: boundaries on [0, κ̄] */
  costCuts: number[];
}

export interface SpoilerSolution {
  retaliates: boolean;
  /** P(provoke) = min(1, max(0, G/κ̄)), G the expected gain from an incident */
  provokeProbability: number;
  expectedGain: number;
  /** 1 + m·q: provocation relative to no guarantee (m from the game) */
  moralHazardFactor: number;
}

export function spoilerParameters(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS, cells = 8): SpoilerParameters {
  const v = Math.exp(inp.stakeLogMean);
  const q = inp.lead ? inp.resolve : 0;
  return {
    crisisProbability: inp.incidentCrisisProbability,
    resolve: q,
    incidentGain: as.spoilerIncidentGain,
    warGain: as.spoilerWarGain,
    warLoss: as.spoilerWarLoss,
    costMax: as.spoilerCostMax,
    challengerWarDefended: inp.piG * v - inp.kG,
    challengerWarAlone: inp.piP * v - inp.kP,
    absorbCost: as.absorbCost,
    costCuts: Array.from({ length: cells - 1 }, (_, i) => ((i + 1) * as.spoilerCostMax) / cells),
  };
}

/** The challenger retaliates iff q(π_G V − k_G) + (1 − q)(π_P V − k_P) > −h. */
export const retaliates = (s: SpoilerParameters) => s.resolve * s.challengerWarDefended + (1 - s.resolve) * s.challengerWarAlone > -s.absorbCost;

/** G = b₀ + c·[retaliation]·(qB − (1 − q)L): the spoiler's expected gain from an incident. */
export const spoilerGain = (s: SpoilerParameters, q = s.resolve) => s.incidentGain + s.crisisProbability * (retaliates({ ...s, resolve: q }) ? q * s.warGain - (1 - q) * s.warLoss : 0);

export function buildSpoiler(s: SpoilerParameters, inp: StrategicInputs): ExtensiveFormGame {
  const C = inp.names.challenger;
  const gain = spoilerGain(s);
  const cuts = [...s.costCuts, gain].filter((x) => x > 0 && x < s.costMax).sort((a, b) => a - b);
  const bounds = [0, ...cuts, s.costMax];
  const cells = bounds.slice(1).map((hi, i) => ({ lo: bounds[i], hi, mean: (bounds[i] + hi) / 2, probability: (hi - bounds[i]) / s.costMax }));
  const afterIncident = (cost: number, i: number): TreeSpec =>
    chanceOf([
      [
        "crisis",
        s.crisisProbability,
        decide(C, `${C}, crisis from spoiler cell ${i + 1}`, [
          [
            "retaliate",
            chanceOf([
              ["guarantor intervenes", s.resolve, leaf([s.incidentGain + s.warGain - cost, s.challengerWarDefended], OUT_WAR_DEFENDED)],
              ["guarantor stays out", 1 - s.resolve, leaf([s.incidentGain - s.warLoss - cost, s.challengerWarAlone], OUT_WAR_ALONE)],
            ]),
          ],
          ["absorb", leaf([s.incidentGain - cost, -s.absorbCost], OUT_ABSORBED)],
        ]),
      ],
      ["no crisis", 1 - s.crisisProbability, leaf([s.incidentGain - cost, 0], OUT_FIZZLE)],
    ]);
  return extensiveGame({
    title: `Spoiler and moral hazard: ${inp.option}`,
    comment: "The spoiler's cost of provoking by chance (uniform cells); it provokes or not; the incident becomes a crisis with probability c; the challenger retaliates or absorbs; the guarantor intervenes with probability q.",
    players: ["Spoiler", C],
    root: chanceOf(
      cells.map((c, i) => [
        `cost in (${fmt(c.lo)}, ${fmt(c.hi)}]`,
        c.probability,
        decide("Spoiler", `spoiler, cost cell ${i + 1}`, [["provoke", afterIncident(c.mean, i)], ["refrain", leaf([0, 0], OUT_QUIET)]]),
      ]),
    ),
  });
}

export function solveSpoiler(s: SpoilerParameters, game: ExtensiveFormGame, inp: StrategicInputs): SpoilerSolution {
  const solved = solveSubgamePerfect(game);
  const noGuarantee = spoilerGain(s, 0);
  const gain = spoilerGain(s);
  return {
    retaliates: pureChoice(solved, `${inp.names.challenger}, crisis from spoiler cell 1`) === "retaliate",
    provokeProbability: 1 - probabilityOf(solved, OUT_QUIET),
    expectedGain: gain,
    moralHazardFactor: noGuarantee > 0 ? Math.max(0, gain) / noGuarantee : NaN,
  };
}

export function explainSpoiler(inp: StrategicInputs, s: SpoilerParameters, sol: SpoilerSolution): string[] {
  const C = inp.names.challenger;
  return [
    `${C} ${sol.retaliates ? "retaliates" : "absorbs"} when an incident becomes a crisis (probability ${fmt(s.crisisProbability)}): war is worth ${fmt(s.resolve * s.challengerWarDefended + (1 - s.resolve) * s.challengerWarAlone)} to it against ${fmt(-s.absorbCost)} for absorbing.`,
    `A spoiler expects ${fmt(sol.expectedGain)} from an incident and provokes when its cost is lower: P(provoke) = ${fmt(sol.provokeProbability)}.`,
    `Moral hazard: the guarantee (q = ${fmt(s.resolve)}) multiplies provocation by ${fmt(sol.moralHazardFactor)} relative to no guarantee${sol.retaliates ? "" : ` (${C} does not retaliate, so incidents cannot draw the guarantor into a war)`}.`,
  ];
}
