/**
 * n-player games in strategic (normal) form. Profiles are numbered as Gambit numbers them: the
 * first player's strategy changes fastest. Payoffs are exact rationals; `payoffTable` gives them
 * in the number type a solver computes in.
 */
import type { Field } from "./field.js";
import { Rational } from "./rational.js";

export interface NfgOutcome {
  name: string;
  payoffs: Rational[];
}

/** How the game was written, so a writer can reproduce the file it was read from. */
export interface NfgStyle {
  /** strategies given by name (`{ { "U" "D" } … }`) rather than by count (`{ 2 2 }`) */
  strategyNames: boolean;
  /** payoffs given through a list of outcomes rather than one payoff vector per profile */
  outcomes: boolean;
}

export class NormalFormGame {
  readonly kind = "nfg" as const;
  readonly strides: number[];
  readonly profileCount: number;

  constructor(
    readonly title: string,
    readonly players: string[],
    readonly strategies: string[][],
    readonly outcomes: NfgOutcome[],
    /** outcome index of each profile, −1 for the null outcome (all payoffs zero) */
    readonly profileOutcome: Int32Array,
    readonly comment = "",
    readonly style: NfgStyle = { strategyNames: true, outcomes: false },
  ) {
    this.strides = [];
    let count = 1;
    for (const s of strategies) {
      this.strides.push(count);
      count *= s.length;
    }
    this.profileCount = count;
  }

  get playerCount(): number {
    return this.players.length;
  }

  /** Payoff of `player` (0-based) at the profile with this index. */
  payoff(profileIndex: number, player: number): Rational {
    const o = this.profileOutcome[profileIndex];
    return o < 0 ? Rational.ZERO : this.outcomes[o].payoffs[player];
  }

  /** Index of a pure profile given as one 0-based strategy per player. */
  profileIndex(choice: readonly number[]): number {
    let index = 0;
    for (let p = 0; p < choice.length; p++) index += choice[p] * this.strides[p];
    return index;
  }

  /** All payoffs in one flat array: entry profile·n + player. */
  payoffTable<T>(field: Field<T>): T[] {
    const n = this.playerCount;
    const table = new Array<T>(this.profileCount * n);
    for (let k = 0; k < this.profileCount; k++) {
      for (let p = 0; p < n; p++) table[k * n + p] = field.fromRational(this.payoff(k, p));
    }
    return table;
  }
}

/**
 * A game from payoff arrays, the convenient way to write one in code: `payoffs[k]` is the payoff
 * vector of the profile with index k (first player fastest).
 */
export function normalFormGame(spec: {
  title?: string;
  players: string[];
  strategies: string[][];
  payoffs: (number | string | Rational)[][];
}): NormalFormGame {
  const outcomes = spec.payoffs.map((v) => ({ name: "", payoffs: v.map((x) => Rational.from(x)) }));
  const game = new NormalFormGame(
    spec.title ?? "",
    spec.players,
    spec.strategies,
    outcomes,
    Int32Array.from(outcomes, (_, i) => i),
  );
  if (outcomes.length !== game.profileCount || outcomes.some((o) => o.payoffs.length !== spec.players.length)) {
    throw new RangeError(`expected ${game.profileCount} payoff vectors of ${spec.players.length} numbers`);
  }
  return game;
}

/** Two-player game from matrices A (row player) and B (column player), rows × columns. */
export function bimatrixGame(
  A: (number | string | Rational)[][],
  B: (number | string | Rational)[][],
  title = "",
): NormalFormGame {
  const rows = A.length;
  const cols = A[0]?.length ?? 0;
  const payoffs: (number | string | Rational)[][] = [];
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) payoffs.push([A[i][j], B[i][j]]);
  return normalFormGame({
    title,
    players: ["Player 1", "Player 2"],
    strategies: [
      Array.from({ length: rows }, (_, i) => `${i + 1}`),
      Array.from({ length: cols }, (_, j) => `${j + 1}`),
    ],
    payoffs,
  });
}
