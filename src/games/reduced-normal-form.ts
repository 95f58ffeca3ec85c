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
/** Total length of all reduced strategies' sequence lists (a deep tree has few but long strategies). */
export const MAX_STRATEGY_ENTRIES = 20_000_000;

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

/**
 * Number of reduced strategies and the total length of their sequence lists, evaluated children
 * first with an explicit stack (a deep tree would overflow the call stack):
 * count(σ) = Π_h S_h with S_h = Σ_a count(σ_h a) over the sets h right after σ, and
 * length(σ) = count(σ) + Σ_h (Σ_a length(σ_h a)) · count(σ) / S_h.
 */
function countStrategies(efg: ExtensiveFormGame, seq: SequenceIndex, after: number[][]): { count: number; entries: number } {
  const count = new Float64Array(after.length);
  const length = new Float64Array(after.length);
  const stack: number[] = [0];
  const expanded = new Uint8Array(after.length);
  while (stack.length > 0) {
    const sigma = stack[stack.length - 1];
    if (!expanded[sigma]) {
      expanded[sigma] = 1;
      for (const h of after[sigma]) {
        for (let a = 0; a < efg.infosets[h].actions.length; a++) stack.push(seq.sequenceBase[h] + a);
      }
      continue;
    }
    stack.pop();
    let product = 1;
    for (const h of after[sigma]) {
      let sum = 0;
      for (let a = 0; a < efg.infosets[h].actions.length; a++) sum += count[seq.sequenceBase[h] + a];
      product *= sum;
    }
    let total = product;
    for (const h of after[sigma]) {
      let sum = 0;
      let lengths = 0;
      for (let a = 0; a < efg.infosets[h].actions.length; a++) {
        sum += count[seq.sequenceBase[h] + a];
        lengths += length[seq.sequenceBase[h] + a];
      }
      total += (lengths * product) / sum;
    }
    count[sigma] = product;
    length[sigma] = total;
  }
  return { count: count[0], entries: length[0] };
}

/** A chosen sequence and the choices before it: strategies share their common prefix. */
interface Choice {
  sigma: number;
  previous: Choice | null;
  length: number;
}

/**
 * The reduced strategies, each as the list of sequences it plays, in the order of a depth-first
 * expansion (first information set pending, its actions in order). Iterative, with the total
 * length of the lists capped and the clock checked as work is done, so a deep or wide tree can
 * neither overflow the stack nor run past the deadline.
 */
function enumerateStrategies(efg: ExtensiveFormGame, seq: SequenceIndex, after: number[][], deadline?: number): number[][] {
  const out: number[][] = [];
  let entries = 0;
  let work = 0;
  const stack: { active: number[]; from: number; chosen: Choice }[] = [
    { active: after[0], from: 0, chosen: { sigma: 0, previous: null, length: 1 } },
  ];
  while (stack.length > 0) {
    const { active, from, chosen } = stack.pop()!;
    if (from === active.length) {
      entries += chosen.length;
      if (entries > MAX_STRATEGY_ENTRIES) throw tooManyEntries(entries);
      const list = new Array<number>(chosen.length);
      for (let c: Choice | null = chosen, k = chosen.length - 1; c; c = c.previous, k--) list[k] = c.sigma;
      out.push(list);
      work += chosen.length;
    } else {
      const h = active[from];
      for (let a = efg.infosets[h].actions.length - 1; a >= 0; a--) {
        const sigma = seq.sequenceBase[h] + a;
        const next = after[sigma];
        const choice = { sigma, previous: chosen, length: chosen.length + 1 };
        if (next.length === 0) stack.push({ active, from: from + 1, chosen: choice });
        else {
          stack.push({ active: [...active.slice(from + 1), ...next], from: 0, chosen: choice });
          work += active.length - from + next.length;
        }
      }
      work++;
    }
    if (work > 1 << 20) {
      work = 0;
      checkBuildDeadline(deadline);
    }
  }
  return out;
}

function tooManyEntries(entries: number): InputError {
  return new InputError(
    `the reduced normal form is too large: its strategies name ${entries.toExponential(2)} sequences in all, ` +
      `at most ${MAX_STRATEGY_ENTRIES} are supported (try --method lcp or spe on the tree)`,
  );
}

function checkBuildDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && Date.now() > deadline) {
    throw new InputError("stopped at the time limit while building the reduced normal form (raise --timeout or use --method lcp or spe)");
  }
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

/** `deadline` (ms since the epoch) stops a long construction with an InputError. */
export function reducedNormalForm(efg: ExtensiveFormGame, maxProfiles = MAX_REDUCED_PROFILES, deadline?: number): ReducedNormalForm {
  const seq = sequenceIndex(efg);
  const n = efg.playerCount;
  const after = Array.from({ length: n }, (_, i) => infosetsAfter(efg, seq, i + 1));
  const sizes = after.map((a) => countStrategies(efg, seq, a));
  const counts = sizes.map((c) => c.count);
  const profiles = counts.reduce((a, b) => a * b, 1);
  if (profiles > maxProfiles) {
    throw new InputError(
      `the reduced normal form has ${counts.join(" × ")} = ${profiles.toExponential(2)} strategy profiles; ` +
        `at most ${maxProfiles} are supported (try --method lcp or spe on the tree)`,
    );
  }
  const entries = sizes.reduce((sum, c) => sum + c.entries, 0);
  if (entries > MAX_STRATEGY_ENTRIES) throw tooManyEntries(entries);
  const strategySequences = after.map((a) => enumerateStrategies(efg, seq, a, deadline));
  const payoffs = computePayoffs(efg, seq, strategySequences, deadline);
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
function computePayoffs(efg: ExtensiveFormGame, seq: SequenceIndex, strategySequences: number[][][], deadline?: number): Rational[][] {
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
  let visited = 0;
  for (let z = 0; z < efg.nodeCount; z++) {
    if ((z & 0xfff) === 0) checkBuildDeadline(deadline);
    if (efg.nodeKind[z] !== TERMINAL || chanceReach[z].isZero()) continue;
    const lists = withSequence.map((by, i) => by[seq.nodeSequence[z * (n + 1) + i + 1]]);
    const add = terminal.slice(z * n, z * n + n).map((u) => u.mul(chanceReach[z]));
    const walk = (i: number, index: number): void => {
      if (i === n) {
        if ((++visited & 0xffff) === 0) checkBuildDeadline(deadline);
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
