/**
 * Game (b): the crisis game (docs/MODEL.md §15.2; Schelling 1966). A
 * crisis is a window: chance draws the challenger's stake V ~ LogNormal(μ_V, σ_V) into cells; the
 * challenger, knowing V, decides whether to attack outright and, if not, whether to press or back
 * down at once. Pressing risks war with probability e (the crisis slips out of control) and
 * otherwise wins the concession Δ_b·V if the defending side yields, which the challenger expects
 * with probability 1 − ĥ. Its equilibrium is the crisis law of src/models/crisis.ts on the same
 * numbers, so the strategic layer `games` and the closed form give the same results.
 *
 * The challenger's two decisions are two agents (the agent form): the war agent compares a
 * deliberate attack π̄'V − k̄ with the status quo 0, the crisis agent compares pressing with
 * backing down. This is the crisis law's assumption that a deliberate attack is decided against
 * the status quo, before the crisis is played (a single agent choosing among all three would
 * press instead of attacking while (1 − ĥ)Δ_b·V > π̄'V − k̄).
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { CRISIS_ATTACK, CRISIS_DEFENDER_HELD, CRISIS_NOT_PRESSED, CRISIS_PRESS_OR_ATTACK, CRISIS_PROTEGE_YIELDS, CRISIS_SLOTS, CRISIS_WAR, pressCutPoint, type CrisisLawArguments } from "../crisis.js";
import { normalQuantile } from "../../math/distributions.js";
import type { StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, lognormalCells, lognormalQuantileCuts, solveSubgamePerfect, type Cell, type SolvedGame } from "./tree.js";

export const OUT_ATTACK = "deliberate attack";
export const OUT_ESCALATION = "the crisis slips into war";
export const OUT_DEFENDER_HOLDS = "the defending side holds";
export const OUT_PROTEGE_YIELDS = "the protégé's side yields";
export const OUT_NOT_PRESSED = "the challenger backs down at once";

/** The numbers of the crisis law (the arguments of `crisisOutcome`, src/models/crisis.ts). */
export type CrisisGameParameters = CrisisLawArguments;

export interface CrisisGameSolution {
  /** the crisis law's slots (CRISIS_WAR …, src/models/crisis.ts), from the equilibrium and the actual h */
  law: Float64Array;
  /** V* = k̄/π̄' and V_c: the attack and press cut points */
  attackCut: number;
  pressCut: number;
  solved: SolvedGame;
}

/** Quantile cells of the stake shown in the game besides the two cut points (exposition only). */
const STAKE_CELLS = 6;

/** The crisis law's inputs from the games' inputs: one lead guarantor, q̂ = q(1 − d) (model v1's stage game). */
export function brinkmanshipParameters(inp: StrategicInputs): CrisisGameParameters {
  const qHat = inp.perceivedResolve;
  return {
    stakeLogMean: inp.stakeLogMean,
    stakeLogSd: inp.stakeLogSd,
    expectedGain: qHat * inp.piG + (1 - qHat) * inp.piP,
    expectedCost: qHat * inp.kG + (1 - qHat) * inp.kP,
    escalationRisk: inp.escalationRisk,
    perceivedHold: holds(qHat, inp.piP),
    actualHold: holds(inp.resolve, inp.piP),
    concession: inp.backdownShift,
  };
}

/** h = Q + (1 − Q)(1 − π_P): the coalition holds, or failing it the protégé alone unless it would lose. */
function holds(coalition: number, piP: number): number {
  return coalition + (1 - coalition) * (1 - piP);
}

function cutPoints(b: CrisisGameParameters): { attackCut: number; pressCut: number } {
  const attackCut = b.expectedGain > 0 ? b.expectedCost / b.expectedGain : Infinity;
  return { attackCut, pressCut: pressCutPoint(b.escalationRisk, b.expectedGain, b.expectedCost, b.perceivedHold, b.concession) };
}

/** Cells of the stake: quantile cells refined at V_c and V* (payoffs are linear in V, so each cell's choice is its mean's). */
export function crisisCells(b: CrisisGameParameters): Cell[] {
  const { attackCut, pressCut } = cutPoints(b);
  const cuts = [...lognormalQuantileCuts(b.stakeLogMean, b.stakeLogSd, STAKE_CELLS, normalQuantile), pressCut, attackCut];
  return lognormalCells(b.stakeLogMean, b.stakeLogSd, cuts).filter((c) => c.probability > 0);
}

const label = (c: Cell) => `V in (${fmt(c.lo)}, ${fmt(c.hi)}]`;

function cellTree(b: CrisisGameParameters, names: StrategicInputs["names"], c: Cell): TreeSpec {
  const war = b.expectedGain * c.mean - b.expectedCost;
  const yieldShare = (1 - b.escalationRisk) * (1 - b.perceivedHold);
  const crisis = decide(`${names.challenger} (crisis)`, `press? ${label(c)}`, [
    ["back down", leaf([0, 0], OUT_NOT_PRESSED)],
    [
      "press",
      chanceOf([
        ["escalation", b.escalationRisk, leaf([0, war], OUT_ESCALATION)],
        ["holds", (1 - b.escalationRisk) * b.perceivedHold, leaf([0, 0], OUT_DEFENDER_HOLDS)],
        ["yields", yieldShare, leaf([0, b.concession * c.mean], OUT_PROTEGE_YIELDS)],
      ]),
    ],
  ]);
  return decide(`${names.challenger} (war)`, `attack? ${label(c)}`, [
    ["no attack", crisis],
    ["attack", leaf([war, war], OUT_ATTACK)],
  ]);
}

export function buildBrinkmanship(b: CrisisGameParameters, inp: Pick<StrategicInputs, "option" | "names">): ExtensiveFormGame {
  return extensiveGame({
    title: `Crisis: ${inp.option}`,
    comment: "Chance draws the challenger's stake V; its war agent attacks outright or not, its crisis agent presses (risk e of war, concession Δ_b·V if the defending side yields, believed 1 − ĥ) or backs down.",
    players: [`${inp.names.challenger} (war)`, `${inp.names.challenger} (crisis)`],
    root: chanceOf(crisisCells(b).map((c) => [label(c), c.probability, cellTree(b, inp.names, c)] as [string, number, TreeSpec])),
  });
}

/**
 * Solves the game and reads the crisis law off its equilibrium: per cell the war agent's and the
 * crisis agent's choices, then the outcome shares with the actual h (the game's chance move uses
 * the challenger's belief ĥ, which is what its choices rest on).
 */
export function solveBrinkmanship(b: CrisisGameParameters, game: ExtensiveFormGame): CrisisGameSolution {
  const solved = solveSubgamePerfect(game);
  let attack = 0;
  let press = 0;
  for (const c of crisisCells(b)) {
    const attacks = solved.choices.get(`attack? ${label(c)}`)?.get("attack") ?? 0;
    const presses = solved.choices.get(`press? ${label(c)}`)?.get("press") ?? 0;
    attack += c.probability * attacks;
    press += c.probability * (1 - attacks) * presses;
  }
  const law = new Float64Array(CRISIS_SLOTS);
  const e = b.escalationRisk;
  law[CRISIS_WAR] = attack + press * e;
  law[CRISIS_PROTEGE_YIELDS] = press * (1 - e) * (1 - b.actualHold);
  law[CRISIS_DEFENDER_HELD] = press * (1 - e) * b.actualHold;
  law[CRISIS_NOT_PRESSED] = 1 - attack - press;
  law[CRISIS_ATTACK] = attack;
  law[CRISIS_PRESS_OR_ATTACK] = attack + press;
  return { law, ...cutPoints(b), solved };
}

export function explainBrinkmanship(inp: StrategicInputs, b: CrisisGameParameters, s: CrisisGameSolution): string[] {
  const c = inp.names.challenger;
  return [
    `${c} attacks outright when its stake V exceeds V* = k̄/π̄' = ${fmt(s.attackCut)} (probability ${fmt(s.law[CRISIS_ATTACK])}); it presses when V exceeds V_c = e·k̄/(e·π̄' + (1 − e)(1 − ĥ)Δ_b) = ${fmt(s.pressCut)}, with e = ${fmt(b.escalationRisk)} and believed hold ĥ = ${fmt(b.perceivedHold)}.`,
    `A pressed crisis slips into war with probability e; otherwise the defending side holds with the actual probability h = ${fmt(b.actualHold)} (the coalition, or the protégé alone unless it would lose).`,
    `Outcome per crisis: war ${fmt(s.law[CRISIS_WAR])}, the protégé's side yields ${fmt(s.law[CRISIS_PROTEGE_YIELDS])}, the defending side holds ${fmt(s.law[CRISIS_DEFENDER_HELD])}, ${c} backs down at once ${fmt(s.law[CRISIS_NOT_PRESSED])} — the crisis law of the closed form on the same numbers.`,
  ];
}
