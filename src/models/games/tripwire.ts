/**
 * Game (e): the tripwire (Schelling 1966; Fuhrmann & Sechser 2014). Forces in place make staying
 * out of a war costly for the guarantor; the challenger may attack the protégé or strike the
 * forces themselves, which is cheaper when they carry no UN mandate.
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { normalQuantile } from "../../math/distributions.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, lognormalCells, lognormalQuantileCuts, probabilityOf, pureChoice, solveSubgamePerfect, type Cell } from "./tree.js";

export const OUT_PEACE = "no attack";
export const OUT_ATTACK_DEFENDED = "attack: the guarantor intervenes";
export const OUT_ATTACK_ALONE = "attack: the protégé fights alone";
export const OUT_STRIKE_ANSWERED = "strike: the guarantor answers (direct war)";
export const OUT_STRIKE_UNANSWERED = "strike: the guarantor does not answer";
export const CHALLENGER_ACTIONS = ["refrain", "attack the protégé", "strike the forces"] as const;

export interface TripwireParameters {
  /** the guarantor's types: W above both thresholds, between them, below both; the challenger's beliefs on each */
  types: { name: string; stake: number; belief: number }[];
  /** costs of not answering an attack (a + a_F·troops) and a strike (plus a_K) */
  attackYieldCost: number;
  strikeYieldCost: number;
  guarantorWarCost: number;
  /** the challenger's stake cells */
  stakeCells: Cell[];
  strikeCost: number;
  strikeGain: number;
  forcesInPlace: boolean;
}

export interface TripwireSolution {
  /** per stake cell: the challenger's choice */
  choices: string[];
  attack: number;
  strike: number;
  directWar: number;
}

export function tripwireParameters(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS, cells = 8): TripwireParameters | null {
  if (!inp.lead) return null;
  const attackYieldCost = inp.audienceCost + inp.tripwireCost;
  const strikeYieldCost = attackYieldCost + as.strikeCasualtyFactor * inp.tripwireCost;
  const k = inp.guarantorWarCost;
  const cut = (x: number) => (x > 0 ? x : Number.MIN_VALUE);
  const [low, mid, high] = lognormalCells(inp.guarantorStakeLogMean, inp.guarantorStakeLogSd, [cut(k - strikeYieldCost), cut(k - attackYieldCost) * (1 + Number.EPSILON)]);
  const discount = inp.resolve > 0 ? inp.perceivedResolve / inp.resolve : 1;
  const types = [
    { name: "answers both", stake: high.mean, belief: high.probability * discount },
    { name: "answers a strike only", stake: mid.mean, belief: mid.probability * discount },
    { name: "answers neither", stake: low.mean, belief: 1 - (high.probability + mid.probability) * discount },
  ];
  return {
    types,
    attackYieldCost,
    strikeYieldCost,
    guarantorWarCost: k,
    stakeCells: lognormalCells(inp.stakeLogMean, inp.stakeLogSd, lognormalQuantileCuts(inp.stakeLogMean, inp.stakeLogSd, cells, normalQuantile)),
    strikeCost: as.strikeCost + (inp.unMandate ? as.strikeCostUnMandate : 0),
    strikeGain: inp.backdownShift,
    forcesInPlace: inp.troops > 0,
  };
}

function afterMove(t: TripwireParameters, inp: StrategicInputs, v: number, cell: number, strike: boolean): TreeSpec {
  const G = inp.names.guarantor;
  const war = inp.piG * v - inp.kG - (strike ? t.strikeCost : 0);
  const nobody = strike ? t.strikeGain * v - t.strikeCost : inp.piP * v - inp.kP;
  const yieldCost = strike ? t.strikeYieldCost : t.attackYieldCost;
  return chanceOf(
    t.types.map((type) => [
      type.name,
      type.belief,
      decide(G, `${G} (${type.name}) after ${strike ? "a strike" : "an attack"} by stake cell ${cell + 1}`, [
        ["fight", leaf([war, type.stake - t.guarantorWarCost], strike ? OUT_STRIKE_ANSWERED : OUT_ATTACK_DEFENDED)],
        ["stay out", leaf([nobody, -yieldCost], strike ? OUT_STRIKE_UNANSWERED : OUT_ATTACK_ALONE)],
      ]),
    ]),
  );
}

export function buildTripwire(t: TripwireParameters, inp: StrategicInputs): ExtensiveFormGame {
  const C = inp.names.challenger;
  return extensiveGame({
    title: `Tripwire: ${inp.option}`,
    comment: "The challenger's stake cell by chance; it refrains, attacks the protégé or strikes the guarantor's forces; the guarantor's type by chance (the challenger's beliefs); the guarantor fights or stays out.",
    players: [C, inp.names.guarantor],
    root: chanceOf(
      t.stakeCells.map((c, i) => {
        const moves: [string, TreeSpec][] = [
          ["refrain", leaf([0, 0], OUT_PEACE)],
          ["attack the protégé", afterMove(t, inp, c.mean, i, false)],
        ];
        if (t.forcesInPlace) moves.push(["strike the forces", afterMove(t, inp, c.mean, i, true)]);
        return [`stake in (${fmt(c.lo)}, ${fmt(c.hi)}]`, c.probability, decide(C, `${C}, stake cell ${i + 1}`, moves)];
      }),
    ),
  });
}

export function solveTripwire(t: TripwireParameters, game: ExtensiveFormGame, inp: StrategicInputs): TripwireSolution {
  const solved = solveSubgamePerfect(game);
  return {
    choices: t.stakeCells.map((_, i) => pureChoice(solved, `${inp.names.challenger}, stake cell ${i + 1}`) ?? "mixed"),
    attack: probabilityOf(solved, OUT_ATTACK_DEFENDED, OUT_ATTACK_ALONE),
    strike: probabilityOf(solved, OUT_STRIKE_ANSWERED, OUT_STRIKE_UNANSWERED),
    directWar: probabilityOf(solved, OUT_ATTACK_DEFENDED, OUT_STRIKE_ANSWERED),
  };
}

export function explainTripwire(inp: StrategicInputs, t: TripwireParameters, s: TripwireSolution): string[] {
  const C = inp.names.challenger;
  const G = inp.names.guarantor;
  const k = t.guarantorWarCost;
  const lines = [
    `${G} fights after an attack on ${inp.names.protege} if its stake exceeds ${fmt(k - t.attackYieldCost)}, after a strike on its forces if it exceeds ${fmt(k - t.strikeYieldCost)} (${inp.troops > 0 ? `${fmt(inp.troops, 5)} troops in place` : "no troops in place"}).`,
    `${C} refrains in ${fmt(1 - s.attack - s.strike)} of windows, attacks ${inp.names.protege} in ${fmt(s.attack)} and strikes the forces in ${fmt(s.strike)}; direct war with ${G}: ${fmt(s.directWar)}.`,
  ];
  if (t.forcesInPlace) lines.push(`A strike costs ${C} ${fmt(t.strikeCost)}${inp.unMandate ? " (the forces carry a UN mandate)" : " (no UN mandate)"} and wins ${fmt(t.strikeGain)} of its stake if unanswered.`);
  return lines;
}
