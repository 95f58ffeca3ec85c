/**
 * Game (a): extended deterrence with incomplete information (docs/MODEL.md §15.1; Huth 1988, Fearon
 * 1994). The challenger knows its stake V, not the guarantor's stake W; the guarantor learns of
 * the attack and decides whether to intervene. Reproduces the closed form's P(attack | window).
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { normalQuantile } from "../../math/distributions.js";
import { attackCutPoint, attackProbabilityPerWindow } from "../stage-game.js";
import type { StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, lognormalCells, lognormalQuantileCuts, probabilityOf, pureChoice, solveSubgamePerfect, type Cell } from "./tree.js";

export const OUT_INTERVENE = "war: the guarantor intervenes";
export const OUT_ALONE = "war: the protégé fights alone";
export const OUT_PEACE = "no attack";

export interface DeterrenceGame {
  game: ExtensiveFormGame;
  /** the guarantor's two types: W above / below k − a, with the challenger's belief q̂ on the first */
  guarantorTypes: GuarantorTypes | null;
  /** the challenger's stake cells (equal-probability quantiles plus the equilibrium cut point) */
  stakeCells: Cell[];
  /** V*: the stake at which the challenger is indifferent, from the guarantor's equilibrium play */
  cutPoint: number;
}

/**
 * W above k − a (resolved) or below it (irresolute), with the challenger's belief q̂ on the first.
 * When a ≥ k every guarantor fights, and the irresolute type the challenger still fears (1 − q̂)
 * is one whose promise does not bind: W below k and no cost of staying out.
 */
export interface GuarantorTypes {
  resolved: Cell;
  irresolute: Cell;
  belief: number;
  resolvedYieldCost: number;
  irresoluteYieldCost: number;
}

export interface DeterrenceSolution {
  attackProbability: number;
  interventionProbability: number;
  cutPoint: number;
  /** per stake cell, whether the challenger attacks */
  attacks: boolean[];
}

const guarantorLabel = (type: string, cell: number | null) => `guarantor ${type}${cell === null ? "" : `, after an attack by stake cell ${cell + 1}`}`;

/** The guarantor's move after an attack, one node per type (perfect information with chance). */
function afterAttack(inp: StrategicInputs, types: DeterrenceGame["guarantorTypes"], v: number, cell: number | null): TreeSpec {
  const warIntervene = inp.piG * v - inp.kG;
  const warAlone = inp.piP * v - inp.kP;
  if (!types) return leaf([warAlone, 0], OUT_ALONE);
  const node = (type: string, w: number, yieldCost: number) =>
    decide(inp.names.guarantor, guarantorLabel(type, cell), [
      ["intervene", leaf([warIntervene, w - inp.guarantorWarCost], OUT_INTERVENE)],
      ["stay out", leaf([warAlone, -yieldCost], OUT_ALONE)],
    ]);
  return chanceOf([
    ["resolved", types.belief, node("resolved", types.resolved.mean, types.resolvedYieldCost)],
    ["irresolute", 1 - types.belief, node("irresolute", types.irresolute.mean, types.irresoluteYieldCost)],
  ]);
}

function guarantorTypes(inp: StrategicInputs): GuarantorTypes | null {
  if (!inp.lead) return null;
  const yieldCost = inp.audienceCost + inp.tripwireCost;
  const binds = inp.guarantorWarCost - yieldCost > 0;
  const [irresolute, resolved] = lognormalCells(inp.guarantorStakeLogMean, inp.guarantorStakeLogSd, [binds ? inp.guarantorWarCost - yieldCost : inp.guarantorWarCost]);
  return { resolved, irresolute, belief: inp.perceivedResolve, resolvedYieldCost: yieldCost, irresoluteYieldCost: binds ? yieldCost : 0 };
}

/**
 * The guarantor's equilibrium intervention probability as the challenger believes it, solved
 * by the engine on the subgame after an attack (its choice does not depend on V).
 */
function interventionProbability(inp: StrategicInputs, types: DeterrenceGame["guarantorTypes"]): number {
  if (!types) return 0;
  const sub = extensiveGame({ players: [inp.names.challenger, inp.names.guarantor], root: afterAttack(inp, types, 1, null) });
  return probabilityOf(solveSubgamePerfect(sub), OUT_INTERVENE);
}

/** Builds the game; `cells` equal-probability stake cells, refined at the cut point V*. */
export function buildDeterrence(inp: StrategicInputs, cells = 8): DeterrenceGame {
  const types = guarantorTypes(inp);
  const q = interventionProbability(inp, types);
  const cutPoint = attackCutPoint(q, inp.piG, inp.kG, inp.piP, inp.kP);
  const cuts = [...lognormalQuantileCuts(inp.stakeLogMean, inp.stakeLogSd, cells, normalQuantile), cutPoint];
  const stakeCells = lognormalCells(inp.stakeLogMean, inp.stakeLogSd, cuts);
  const root = chanceOf(
    stakeCells.map((c, i) => [
      `stake in (${fmt(c.lo)}, ${fmt(c.hi)}]`,
      c.probability,
      decide(inp.names.challenger, `challenger, stake cell ${i + 1}`, [
        ["attack", afterAttack(inp, types, c.mean, i)],
        ["refrain", leaf([0, 0], OUT_PEACE)],
      ]),
    ]),
  );
  const game = extensiveGame({
    title: `Extended deterrence: ${inp.option}`,
    comment: "Challenger's stake cells by chance; after an attack the guarantor's type (resolved: W > k − a) by chance with the challenger's belief q̂.",
    players: [inp.names.challenger, inp.names.guarantor],
    root,
  });
  return { game, guarantorTypes: types, stakeCells, cutPoint };
}

export function solveDeterrence(d: DeterrenceGame): DeterrenceSolution {
  const solved = solveSubgamePerfect(d.game);
  const attack = probabilityOf(solved, OUT_INTERVENE, OUT_ALONE);
  return {
    attackProbability: attack,
    interventionProbability: attack > 0 ? probabilityOf(solved, OUT_INTERVENE) / attack : d.guarantorTypes?.belief ?? 0,
    cutPoint: d.cutPoint,
    attacks: d.stakeCells.map((_, i) => pureChoice(solved, `challenger, stake cell ${i + 1}`) === "attack"),
  };
}

/** The same probability from the closed form of stage-game.ts, for comparison. */
export function closedFormAttackProbability(inp: StrategicInputs): number {
  const cut = attackCutPoint(inp.lead ? inp.perceivedResolve : 0, inp.piG, inp.kG, inp.piP, inp.kP);
  return attackProbabilityPerWindow(cut, inp.stakeLogMean, inp.stakeLogSd);
}

export function explainDeterrence(inp: StrategicInputs, s: DeterrenceSolution): string[] {
  const c = inp.names.challenger;
  const lines = [`${c} attacks in a window when its stake exceeds V* = ${fmt(s.cutPoint)} (median stake ${fmt(Math.exp(inp.stakeLogMean))}): P(attack | window) = ${fmt(s.attackProbability)}.`];
  if (inp.lead) {
    const threshold = inp.guarantorWarCost - inp.audienceCost - inp.tripwireCost;
    lines.push(
      `${inp.names.guarantor} intervenes if its stake exceeds k − a = ${fmt(threshold)} (war cost ${fmt(inp.guarantorWarCost)} less ${fmt(inp.audienceCost + inp.tripwireCost)} it loses by staying out): q = ${fmt(inp.resolve)}; ${c} believes q̂ = ${fmt(s.interventionProbability)}.`,
    );
  } else lines.push(`No guarantor is committed: ${c} weighs only a war with ${inp.names.protege} alone.`);
  return lines;
}
