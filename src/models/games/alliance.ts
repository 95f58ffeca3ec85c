/**
 * Game (d): the alliance security dilemma, abandonment against entrapment (Snyder 1984; Benson
 * 2012). The guarantor chooses how conditional its commitment is, the protégé whether to provoke,
 * the challenger's attack follows (from the stage game's closed form), and the guarantor defends or not.
 */
import { decide, extensiveGame, leaf, type TreeSpec } from "../../games/builder.js";
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { attackCutPoint, attackProbabilityPerWindow } from "../stage-game.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { chanceOf, fmt, probabilityOf, pureChoice, solveSubgamePerfect } from "./tree.js";

export const COMMITMENTS = ["none", "conditional", "unconditional"] as const;
export type CommitmentKind = (typeof COMMITMENTS)[number];
export const OUT_DEFENDED = "war: the guarantor defends";
export const OUT_ABANDONED = "war: the guarantor abandons";
export const OUT_PEACE = "no war";

export interface AllianceParameters {
  /** W (median stake), k, a (what breaking the promise costs) */
  guarantorStake: number;
  guarantorWarCost: number;
  audienceCost: number;
  /** b, L_D, L_A: the protégé's gain from provoking and its losses in a war defended / alone */
  provocationGain: number;
  lossDefended: number;
  lossAlone: number;
  /** P(war) in a window by [provoked][defended], from the stage game at q̂ ∈ {0, 1} */
  warProbability: [[number, number], [number, number]];
}

export interface AllianceSolution {
  commitment: CommitmentKind;
  provokes: boolean;
  war: number;
  abandonment: number;
  entrapment: number;
}

export function allianceParameters(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS): AllianceParameters | null {
  if (!inp.lead) return null;
  const war = (provoked: boolean, defended: boolean) =>
    attackProbabilityPerWindow(attackCutPoint(defended ? 1 : 0, inp.piG, inp.kG, inp.piP, inp.kP), inp.stakeLogMean + (provoked ? Math.log(as.provocationStakeFactor) : 0), inp.stakeLogSd);
  return {
    guarantorStake: Math.exp(inp.guarantorStakeLogMean),
    guarantorWarCost: inp.guarantorWarCost,
    audienceCost: inp.audienceCost + inp.tripwireCost,
    provocationGain: as.provocationGain,
    lossDefended: as.protegeLossDefended,
    lossAlone: as.protegeLossAlone,
    warProbability: [
      [war(false, false), war(false, true)],
      [war(true, false), war(true, true)],
    ],
  };
}

/** Does the commitment bind when the protégé provoked? Unconditional always, conditional only if not. */
export const covers = (kind: CommitmentKind, provoked: boolean) => kind === "unconditional" || (kind === "conditional" && !provoked);

/** The guarantor's reply once war comes: defend (pay k) rather than lose W and, if covered, a: W + a·[covered] > k. */
export const defends = (a: AllianceParameters, kind: CommitmentKind, provoked: boolean) => a.guarantorStake - a.guarantorWarCost + (covers(kind, provoked) ? a.audienceCost : 0) > 0;

export function buildAlliance(a: AllianceParameters, inp: StrategicInputs): ExtensiveFormGame {
  const G = inp.names.guarantor;
  const Pr = inp.names.protege;
  const branch = (kind: CommitmentKind, provoked: boolean) => {
    const gain = provoked ? a.provocationGain : 0;
    const pWar = a.warProbability[provoked ? 1 : 0][defends(a, kind, provoked) ? 1 : 0];
    const reply = decide(G, `${G}, ${kind} commitment, war after ${provoked ? "provocation" : "restraint"}`, [
      ["defend", leaf([-a.guarantorWarCost, gain - a.lossDefended], OUT_DEFENDED)],
      ["abandon", leaf([-a.guarantorStake - (covers(kind, provoked) ? a.audienceCost : 0), gain - a.lossAlone], OUT_ABANDONED)],
    ]);
    return chanceOf([["war", pWar, reply], ["no war", 1 - pWar, leaf([0, gain], OUT_PEACE)]]);
  };
  return extensiveGame({
    title: `Alliance security dilemma: ${inp.option}`,
    comment: "The guarantor chooses its commitment, the protégé provokes or restrains, war comes with the stage game's attack probability, the guarantor defends or abandons.",
    players: [G, Pr],
    root: decide(
      G,
      `${G}, commitment`,
      COMMITMENTS.map((kind): [string, TreeSpec] => [kind, decide(Pr, `${Pr} under a ${kind} commitment`, [["restrain", branch(kind, false)], ["provoke", branch(kind, true)]])]),
    ),
  });
}

export function solveAlliance(game: ExtensiveFormGame, inp: StrategicInputs): AllianceSolution {
  const solved = solveSubgamePerfect(game);
  const commitment = pureChoice(solved, `${inp.names.guarantor}, commitment`) as CommitmentKind;
  const provokes = pureChoice(solved, `${inp.names.protege} under a ${commitment} commitment`) === "provoke";
  const defended = probabilityOf(solved, OUT_DEFENDED);
  return {
    commitment,
    provokes,
    war: defended + probabilityOf(solved, OUT_ABANDONED),
    abandonment: probabilityOf(solved, OUT_ABANDONED),
    entrapment: provokes ? defended : 0,
  };
}

export function explainAlliance(inp: StrategicInputs, a: AllianceParameters, s: AllianceSolution): string[] {
  const G = inp.names.guarantor;
  const Pr = inp.names.protege;
  const reply = (kind: CommitmentKind, provoked: boolean) => (defends(a, kind, provoked) ? "defends" : "abandons");
  return [
    `${G} (stake ${fmt(a.guarantorStake)}, war cost ${fmt(a.guarantorWarCost)}, cost of breaking its word ${fmt(a.audienceCost)}) chooses ${s.commitment === "none" ? "no commitment" : `a${s.commitment === "unconditional" ? "n" : ""} ${s.commitment} commitment`}.`,
    `Under it ${G} ${reply(s.commitment, false)} ${Pr} if attacked unprovoked and ${reply(s.commitment, true)} it after a provocation; ${Pr} ${s.provokes ? "provokes" : "restrains itself"}.`,
    `P(war per window) = ${fmt(s.war)}; abandonment (war, no defence) ${fmt(s.abandonment)}; entrapment (war it provoked, defended) ${fmt(s.entrapment)}.`,
  ];
}
