/**
 * Game (c): bargaining under shifting power, the commitment problem (Fearon 1995; Powell 2006).
 * The settlement shifts the balance of power against the challenger (arms, guarantees); the
 * protégé cannot promise today not to use tomorrow's power, so a large shift can make war pay now.
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { fmt, probabilityOf, pureChoice, solveSubgamePerfect } from "./tree.js";

export const OUT_WAR_NOW = "preventive war in period 1";
export const OUT_WAR_LATER = "war in period 2";
export const OUT_PEACE = "peace in both periods";

export interface BargainingParameters {
  /** p₁: the challenger's chance in a war today; p₂: after the settlement has shifted power */
  powerNow: number;
  powerLater: number;
  /** costs of war as shares of the stake: c_C = k_P/V, c_D */
  challengerCost: number;
  protegeCost: number;
  /** δ between the two periods; offers on a grid of 1/M */
  discount: number;
  grid: number;
}

export interface BargainingSolution {
  preventiveWar: boolean;
  /** equilibrium offers to the challenger (shares of the stake), NaN where not reached */
  offerNow: number;
  offerLater: number;
  /** δ(p₁ − p₂) against 1 − p₁ + c_C: war comes when the shift exceeds what can be paid now */
  shift: number;
  room: number;
}

/** p₂ = q̂π_G + (1 − q̂)π_P: the challenger's prospects once the option's guarantees and arms hold. */
export function bargainingParameters(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS): BargainingParameters {
  const q = inp.lead ? inp.perceivedResolve : 0;
  return {
    powerNow: inp.piPNow,
    powerLater: q * inp.piG + (1 - q) * inp.piP,
    challengerCost: inp.kP / Math.exp(inp.stakeLogMean),
    protegeCost: as.protegeWarCost,
    discount: as.bargainingDiscount,
    grid: as.offerGrid,
  };
}

const offerName = (i: number, m: number) => `offer ${i}/${m}`;

export function buildBargaining(b: BargainingParameters, inp: StrategicInputs): ExtensiveFormGame {
  const { powerNow: p1, powerLater: p2, challengerCost: cC, protegeCost: cD, discount: d, grid: m } = b;
  const offers = Array.from({ length: m + 1 }, (_, i) => i);
  const warNow = leaf([(p1 - cC) * (1 + d), (1 - p1 - cD) * (1 + d)], OUT_WAR_NOW);
  const later = (x1: number, i1: number) =>
    decide(
      inp.names.protege,
      `${inp.names.protege}, period 2 after offer ${i1}/${m}`,
      offers.map((i2): [string, TreeSpec] => [
        offerName(i2, m),
        decide(inp.names.challenger, `${inp.names.challenger}, period 2, offers ${i1}/${m} then ${i2}/${m}`, [
          ["accept", leaf([x1 + d * (i2 / m), 1 - x1 + d * (1 - i2 / m)], OUT_PEACE)],
          ["war", leaf([x1 + d * (p2 - cC), 1 - x1 + d * (1 - p2 - cD)], OUT_WAR_LATER)],
        ]),
      ]),
    );
  return extensiveGame({
    title: `Bargaining with shifting power: ${inp.option}`,
    comment: "Two periods; the protégé offers the challenger a share of the stake; war is a costly lottery at the period's balance of power and ends bargaining.",
    players: [inp.names.challenger, inp.names.protege],
    root: decide(
      inp.names.protege,
      `${inp.names.protege}, period 1`,
      offers.map((i1): [string, TreeSpec] => [offerName(i1, m), decide(inp.names.challenger, `${inp.names.challenger}, period 1, offer ${i1}/${m}`, [["accept", later(i1 / m, i1)], ["war", warNow]])]),
    ),
  });
}

export function solveBargaining(b: BargainingParameters, game: ExtensiveFormGame, inp: StrategicInputs): BargainingSolution {
  const solved = solveSubgamePerfect(game);
  const first = pureChoice(solved, `${inp.names.protege}, period 1`);
  const i1 = first ? Number(first.split(" ")[1].split("/")[0]) : NaN;
  const preventiveWar = probabilityOf(solved, OUT_WAR_NOW) === 1;
  const second = Number.isFinite(i1) ? pureChoice(solved, `${inp.names.protege}, period 2 after offer ${i1}/${b.grid}`) : undefined;
  const i2 = second ? Number(second.split(" ")[1].split("/")[0]) : NaN;
  return {
    preventiveWar,
    offerNow: preventiveWar ? NaN : i1 / b.grid,
    offerLater: preventiveWar ? NaN : i2 / b.grid,
    shift: b.discount * (b.powerNow - b.powerLater),
    room: 1 - b.powerNow + b.challengerCost,
  };
}

export function explainBargaining(inp: StrategicInputs, b: BargainingParameters, s: BargainingSolution): string[] {
  const c = inp.names.challenger;
  const lines = [
    `The settlement moves ${c}'s chance in a war from p₁ = ${fmt(b.powerNow)} today to p₂ = ${fmt(b.powerLater)}; its cost of war is ${fmt(b.challengerCost)} of the stake.`,
    `Discounted shift δ(p₁ − p₂) = ${fmt(s.shift)} against room 1 − p₁ + c_C = ${fmt(s.room)}: ${s.shift > s.room ? "the shift is larger, so no offer today can buy peace" : "the shift is smaller, so peace can be bought"}.`,
  ];
  lines.push(
    s.preventiveWar
      ? `${c} fights a preventive war now (the commitment problem).`
      : `${inp.names.protege} offers ${fmt(s.offerNow)} of the stake now and ${fmt(s.offerLater)} later; ${c} accepts both: the settlement is self-enforcing.`,
  );
  return lines;
}
