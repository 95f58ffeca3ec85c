/**
 * The sequence form of a two-player extensive game with perfect recall (Koller, Megiddo & von
 * Stengel 1996; von Stengel 1996): strategies become realization plans x, y over sequences with
 * E·x = e, F·y = f, and expected payoffs are the bilinear forms xᵀA·y, xᵀB·y with sparse A, B
 * whose size is linear in the tree. Used by the lcp solver.
 */
import { InputError } from "../errors.js";
import type { Field } from "./field.js";
import { type ExtensiveFormGame, TERMINAL, sequenceIndex, type SequenceIndex } from "./extensive-form.js";
import { chanceReachProbabilities } from "./reduced-normal-form.js";

/** One row of E (or F): Σ coefficient · x[sequence] = rhs. */
export interface ConstraintRow {
  sequences: number[];
  coefficients: number[];
  rhs: number;
}

export interface SequenceForm<T> {
  sequences: SequenceIndex;
  /** number of sequences of player 1 and of player 2 (empty sequence included) */
  sizes: [number, number];
  /** E and F: row 0 fixes the empty sequence to 1, then one row per information set (file order) */
  constraints: [ConstraintRow[], ConstraintRow[]];
  /** sparse payoff entries: A[s1][s2] = a[k], B[s1][s2] = b[k] at (row[k], col[k]) */
  row: Int32Array;
  col: Int32Array;
  a: T[];
  b: T[];
}

function constraintRows(game: ExtensiveFormGame, seq: SequenceIndex, player: number): ConstraintRow[] {
  const rows: ConstraintRow[] = [{ sequences: [0], coefficients: [1], rhs: 1 }];
  for (const h of game.playerInfosets[player]) {
    const k = game.infosets[h].actions.length;
    const sequences = [seq.parentSequence[h], ...Array.from({ length: k }, (_, a) => seq.sequenceBase[h] + a)];
    rows.push({ sequences, coefficients: [-1, ...new Array<number>(k).fill(1)], rhs: 0 });
  }
  return rows;
}

/**
 * Builds the sequence form; `shift` is added to every terminal payoff first (the lcp solver
 * makes all payoffs negative this way; it changes no equilibrium because realization weights of
 * the terminal nodes sum to one).
 */
export function sequenceForm<T>(game: ExtensiveFormGame, field: Field<T>, shift: [T, T] = [field.zero, field.zero]): SequenceForm<T> {
  if (game.playerCount !== 2) {
    throw new InputError(`the sequence form is for two-player games; this game has ${game.playerCount} players`);
  }
  const seq = sequenceIndex(game);
  const terminal = game.terminalPayoffs(field);
  const chance = chanceReachProbabilities(game, field);
  const entries = new Map<number, number>();
  const rowList: number[] = [];
  const colList: number[] = [];
  const a: T[] = [];
  const b: T[] = [];
  const n2 = seq.sequenceCount[2];
  for (let z = 0; z < game.nodeCount; z++) {
    if (game.nodeKind[z] !== TERMINAL || field.cmp(chance[z], field.zero) === 0) continue;
    const s1 = seq.nodeSequence[z * 3 + 1];
    const s2 = seq.nodeSequence[z * 3 + 2];
    const key = s1 * n2 + s2;
    let k = entries.get(key);
    if (k === undefined) {
      k = a.length;
      entries.set(key, k);
      rowList.push(s1);
      colList.push(s2);
      a.push(field.zero);
      b.push(field.zero);
    }
    a[k] = field.add(a[k], field.mul(chance[z], field.add(terminal[z * 2], shift[0])));
    b[k] = field.add(b[k], field.mul(chance[z], field.add(terminal[z * 2 + 1], shift[1])));
  }
  return {
    sequences: seq,
    sizes: [seq.sequenceCount[1], seq.sequenceCount[2]],
    constraints: [constraintRows(game, seq, 1), constraintRows(game, seq, 2)],
    row: Int32Array.from(rowList),
    col: Int32Array.from(colList),
    a,
    b,
  };
}
