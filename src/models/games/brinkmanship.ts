/**
 * Game (b): brinkmanship in a crisis (Schelling 1966; Powell 1990). For up to R rounds the
 * challenger presses, running a rising risk of war it does not control, and the guarantor holds
 * or backs down. Forces in place raise the risk of each press and the guarantor's cost of yielding.
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, lognormalCells, probabilityOf, solveSubgamePerfect } from "./tree.js";

export const OUT_CHALLENGER_YIELDS = "the challenger backs down";
export const OUT_GUARANTOR_YIELDS = "the guarantor backs down";
export const OUT_WAR = "war";

export interface BrinkmanshipParameters {
  /** V: the challenger's (median) stake; k_G its cost of war with the guarantor */
  challengerStake: number;
  challengerWarCost: number;
  /** S = W̄ + a + a_F·troops per guarantor type, k its cost of war; P(resolved) = q */
  resolvedStake: number;
  irresoluteStake: number;
  guarantorWarCost: number;
  resolve: number;
  /** r_i = min(1, i·r₁·(1 + τ·[troops])), i = 1 … R */
  risks: number[];
}

export interface BrinkmanshipSolution {
  guarantorBacksDown: number;
  challengerBacksDown: number;
  war: number;
  /** r̄ = V/(V + k_G): the largest risk the challenger runs to win */
  riskTolerance: number;
}

export function brinkmanshipParameters(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS): BrinkmanshipParameters | null {
  if (!inp.lead) return null;
  const yieldCost = inp.audienceCost + inp.tripwireCost;
  const threshold = inp.guarantorWarCost - yieldCost;
  const [irresolute, resolved] = lognormalCells(inp.guarantorStakeLogMean, inp.guarantorStakeLogSd, [threshold > 0 ? threshold : Number.MIN_VALUE]);
  const r1 = as.brinkmanshipRiskPerRound * (1 + (inp.troops > 0 ? as.troopsRiskFactor : 0));
  return {
    challengerStake: Math.exp(inp.stakeLogMean),
    challengerWarCost: inp.kG,
    resolvedStake: resolved.mean + yieldCost,
    irresoluteStake: irresolute.mean + yieldCost,
    guarantorWarCost: inp.guarantorWarCost,
    resolve: inp.resolve,
    risks: Array.from({ length: as.brinkmanshipRounds }, (_, i) => Math.min(1, (i + 1) * r1)),
  };
}

/** Round i of the crisis against a guarantor of the given type (its stake S known to both). */
function round(b: BrinkmanshipParameters, names: StrategicInputs["names"], type: string, stake: number, i: number): TreeSpec {
  const war = leaf([-b.challengerWarCost, -b.guarantorWarCost], OUT_WAR);
  const last = i === b.risks.length - 1;
  const guarantor = decide(names.guarantor, `guarantor ${type}, round ${i + 1}`, [
    ["hold", last ? war : round(b, names, type, stake, i + 1)],
    ["back down", leaf([b.challengerStake, -stake], OUT_GUARANTOR_YIELDS)],
  ]);
  return decide(names.challenger, `challenger vs ${type} guarantor, round ${i + 1}`, [
    ["press", chanceOf([["disaster", b.risks[i], war], ["no disaster", 1 - b.risks[i], guarantor]])],
    ["back down", leaf([0, 0], OUT_CHALLENGER_YIELDS)],
  ]);
}

export function buildBrinkmanship(b: BrinkmanshipParameters, inp: StrategicInputs): ExtensiveFormGame {
  return extensiveGame({
    title: `Brinkmanship: ${inp.option}`,
    comment: "The guarantor's type (resolved: S > k) by chance, then revealed; the challenger presses (risk r_i of war) or backs down, the guarantor holds or backs down.",
    players: [inp.names.challenger, inp.names.guarantor],
    root: chanceOf([
      ["resolved", b.resolve, round(b, inp.names, "resolved", b.resolvedStake, 0)],
      ["irresolute", 1 - b.resolve, round(b, inp.names, "irresolute", b.irresoluteStake, 0)],
    ]),
  });
}

export function solveBrinkmanship(b: BrinkmanshipParameters, game: ExtensiveFormGame): BrinkmanshipSolution {
  const solved = solveSubgamePerfect(game);
  return {
    guarantorBacksDown: probabilityOf(solved, OUT_GUARANTOR_YIELDS),
    challengerBacksDown: probabilityOf(solved, OUT_CHALLENGER_YIELDS),
    war: probabilityOf(solved, OUT_WAR),
    riskTolerance: b.challengerStake / (b.challengerStake + b.challengerWarCost),
  };
}

export function explainBrinkmanship(inp: StrategicInputs, b: BrinkmanshipParameters, s: BrinkmanshipSolution): string[] {
  const c = inp.names.challenger;
  const g = inp.names.guarantor;
  const final = b.risks[b.risks.length - 1];
  return [
    `${c} runs a risk of war up to r̄ = V/(V + k_G) = ${fmt(s.riskTolerance)}; the last round's risk is ${fmt(final)}, so it ${final < s.riskTolerance ? "presses against a guarantor it knows will yield" : "backs down at once: it cannot carry the crisis to its end"}.`,
    `${g} holds to the end when its stake plus the cost of yielding exceeds its war cost ${fmt(b.guarantorWarCost)} (probability ${fmt(b.resolve)}); a resolved guarantor makes ${c} back down at once.`,
    `Outcome: ${g} backs down ${fmt(s.guarantorBacksDown)}, ${c} backs down ${fmt(s.challengerBacksDown)}, war ${fmt(s.war)}.`,
  ];
}
