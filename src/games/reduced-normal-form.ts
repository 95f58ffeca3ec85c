/**
 * Extensive form → reduced normal form: a player's reduced strategies name an action only at
 * the information sets their own earlier actions do not exclude (Gambit writes the others as
 * "*"). Also maps mixed strategies back to behaviour strategies through realization weights.
 */
import { InputError } from "../errors.js";
import type { Field } from "./field.js";
import { exactField } from "./field.js";
import { type ExtensiveFormGame, TERMINAL, sequenceIndex, type SequenceIndex } from "./extensive-form.js";
import { NormalFormGame } from "./normal-form.js";
import { Rational } from "./rational.js";

export const MAX_REDUCED_PROFILES = 2_000_000;

export interface ReducedNormalForm {
  game: NormalFormGame;
  /** per player (0-based), per reduced strategy: the sequences it plays (including the empty one) */
  strategySequences: number[][][];
  sequences: SequenceIndex;
}

/** Infosets of player p grouped by the sequence that leads to them. */
function infosetsAfter(efg: ExtensiveFormGame, seq: SequenceIndex, p: number): number[][] {
  const after: number[][] = Array.from({ length: seq.sequenceCount[p] }, () => []);
  for (const h of efg.playerInfosets[p]) after[seq.parentSequence[h]].push(h);
  return after;
}

function countStrategies(efg: ExtensiveFormGame, seq: SequenceIndex, after: number[][]): number {
  const count = (sigma: number): number => {
    let product = 1;
    for (const h of after[sigma]) {
      let sum = 0;
      for (let a = 0; a < efg.infosets[h].actions.length; a++) sum += count(seq.sequenceBase[h] + a);
      product *= sum;
    }
    return product;
  };
  return count(0);
}

function enumerateStrategies(efg: ExtensiveFormGame, seq: SequenceIndex, after: number[][]): number[][] {
  const out: number[][] = [];
  const expand = (active: number[], chosen: number[]): void => {
    if (active.length === 0) {
      out.push(chosen);
      return;
    }
    const [h, ...rest] = active;
    for (let a = 0; a < efg.infosets[h].actions.length; a++) {
      const sigma = seq.sequenceBase[h] + a;
      expand([...rest, ...after[sigma]], [...chosen, sigma]);
    }
  };
  expand(after[0], [0]);
  return out;
}

function strategyName(efg: ExtensiveFormGame, seq: SequenceIndex, p: number, sequences: number[]): string {
  const sets = efg.playerInfosets[p];
  const chosen = new Set(sequences);
  const wide = sets.some((h) => efg.infosets[h].actions.length > 9);
  const parts = sets.map((h) => {
    for (let a = 0; a < efg.infosets[h].actions.length; a++) {
      if (chosen.has(seq.sequenceBase[h] + a)) return `${a + 1}`;
    }
    return "*";
  });
  return parts.length === 0 ? "1" : parts.join(wide ? "." : "");
}

export function reducedNormalForm(efg: ExtensiveFormGame, maxProfiles = MAX_REDUCED_PROFILES): ReducedNormalForm {
  const seq = sequenceIndex(efg);
  const n = efg.playerCount;
  const after = Array.from({ length: n }, (_, i) => infosetsAfter(efg, seq, i + 1));
  const counts = after.map((a) => countStrategies(efg, seq, a));
  const profiles = counts.reduce((a, b) => a * b, 1);
  if (profiles > maxProfiles) {
    throw new InputError(
      `the reduced normal form has ${counts.join(" × ")} = ${profiles.toExponential(2)} strategy profiles; ` +
        `at most ${maxProfiles} are supported (try --method lcp or spe on the tree)`,
    );
  }
  const strategySequences = after.map((a) => enumerateStrategies(efg, seq, a));
  const payoffs = computePayoffs(efg, seq, strategySequences);
  const outcomes = payoffs.map((v) => ({ name: "", payoffs: v }));
  const game = new NormalFormGame(
    efg.title,
    efg.players,
    strategySequences.map((list, i) => list.map((s) => strategyName(efg, seq, i + 1, s))),
    outcomes,
    Int32Array.from(outcomes, (_, k) => k),
    efg.comment,
    { strategyNames: true, outcomes: false },
  );
  return { game, strategySequences, sequences: seq };
}

/** Expected payoff vector of every reduced profile: each terminal node adds to the profiles that reach it. */
function computePayoffs(efg: ExtensiveFormGame, seq: SequenceIndex, strategySequences: number[][][]): Rational[][] {
  const n = efg.playerCount;
  const withSequence = strategySequences.map((list, i) => {
    const by: number[][] = Array.from({ length: seq.sequenceCount[i + 1] }, () => []);
    list.forEach((seqs, s) => seqs.forEach((sigma) => by[sigma].push(s)));
    return by;
  });
  const strides: number[] = [];
  let total = 1;
  for (const list of strategySequences) {
    strides.push(total);
    total *= list.length;
  }
  const payoffs = Array.from({ length: total }, () => new Array<Rational>(n).fill(Rational.ZERO));
  const terminal = efg.terminalPayoffs(exactField);
  const chanceReach = chanceReachProbabilities(efg, exactField);
  for (let z = 0; z < efg.nodeCount; z++) {
    if (efg.nodeKind[z] !== TERMINAL || chanceReach[z].isZero()) continue;
    const lists = withSequence.map((by, i) => by[seq.nodeSequence[z * (n + 1) + i + 1]]);
    const add = terminal.slice(z * n, z * n + n).map((u) => u.mul(chanceReach[z]));
    const walk = (i: number, index: number): void => {
      if (i === n) {
        const target = payoffs[index];
        for (let p = 0; p < n; p++) target[p] = target[p].add(add[p]);
        return;
      }
      for (const s of lists[i]) walk(i + 1, index + s * strides[i]);
    };
    walk(0, 0);
  }
  return payoffs;
}

/** Product of chance probabilities on the path to each node. */
export function chanceReachProbabilities<T>(efg: ExtensiveFormGame, field: Field<T>): T[] {
  const reach = new Array<T>(efg.nodeCount);
  reach[0] = field.one;
  for (let v = 1; v < efg.nodeCount; v++) {
    const p = efg.parent[v];
    const h = efg.infosets[efg.nodeInfoset[p]];
    reach[v] = h.player === 0 ? field.mul(reach[p], field.fromRational(h.probs![efg.parentAction[v]])) : reach[p];
  }
  return reach;
}

/**
 * Behaviour strategies equivalent to mixed strategies over reduced strategies (Kuhn's theorem):
 * at h, P(a) = x(σ_h a) / x(σ_h) with x the realization weights; information sets the player's
 * own strategy never reaches get the uniform distribution, as Gambit reports them.
 */
export function mixedToBehaviour<T>(rnf: ReducedNormalForm, efg: ExtensiveFormGame, probs: T[][], field: Field<T>): T[][][] {
  return rnf.strategySequences.map((list, i) => {
    const p = i + 1;
    const weight = new Array<T>(rnf.sequences.sequenceCount[p]).fill(field.zero);
    list.forEach((seqs, s) => seqs.forEach((sigma) => (weight[sigma] = field.add(weight[sigma], probs[i][s]))));
    return efg.playerInfosets[p].map((h) => behaviourAt(efg, rnf.sequences, h, weight, field));
  });
}

export function behaviourAt<T>(efg: ExtensiveFormGame, seq: SequenceIndex, h: number, weight: T[], field: Field<T>): T[] {
  const k = efg.infosets[h].actions.length;
  const base = seq.sequenceBase[h];
  let total = field.zero;
  for (let a = 0; a < k; a++) total = field.add(total, weight[base + a]);
  if (field.cmp(total, field.zero) <= 0) {
    const uniform = field.div(field.one, field.fromRational(Rational.of(k)));
    return new Array<T>(k).fill(uniform);
  }
  return Array.from({ length: k }, (_, a) => field.div(weight[base + a], total));
}

/** Mixed strategies over reduced strategies that realise the behaviour profile (product of its action probabilities). */
export function behaviourToMixed<T>(rnf: ReducedNormalForm, efg: ExtensiveFormGame, behaviour: T[][][], field: Field<T>): T[][] {
  return rnf.strategySequences.map((list, i) => {
    const p = i + 1;
    const actionProb = new Array<T>(rnf.sequences.sequenceCount[p]).fill(field.one);
    efg.playerInfosets[p].forEach((h, k) => {
      const base = rnf.sequences.sequenceBase[h];
      behaviour[i][k].forEach((x, a) => (actionProb[base + a] = x));
    });
    return list.map((seqs) => seqs.reduce((acc, sigma) => field.mul(acc, actionProb[sigma]), field.one));
  });
}
