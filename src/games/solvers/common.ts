/**
 * What the solvers share: time limits, the arithmetic they were asked for, and the bridge that
 * lets strategic-form methods solve an extensive game through its reduced normal form and
 * report behaviour strategies.
 */
import { InputError } from "../../errors.js";
import { exactField, type Field, floatField, type Num } from "../field.js";
import type { Game } from "../game.js";
import type { NormalFormGame } from "../normal-form.js";
import { mixedToBehaviour, reducedNormalForm } from "../reduced-normal-form.js";
import type { Rational } from "../rational.js";
import type { Profile, SolveOptions } from "./solver.js";

/** CLI exit code when a method found no equilibrium that passed the check (docs/GAMES.md, "Exit codes"). */
export const EXIT_NO_VERIFIED_EQUILIBRIUM = 4;

/** A method that failed on this game (a float path that broke down, no verified equilibrium): exit code 4. */
export class SolverFailure extends InputError {
  override readonly exitCode: number = EXIT_NO_VERIFIED_EQUILIBRIUM;
  constructor(message: string) {
    super(message);
    this.name = "SolverFailure";
  }
}

/** Throws once the deadline has passed; cheap enough to call every few pivots. */
export function checkDeadline(options: SolveOptions | undefined, method: string): void {
  if (options?.deadline !== undefined && Date.now() > options.deadline) {
    throw new InputError(`${method}: stopped at the time limit before finishing (raise --timeout or use a faster method)`);
  }
}

export function fieldFor(options: SolveOptions | undefined): Field<Rational> | Field<number> {
  return options?.arithmetic === "float" ? floatField : exactField;
}

/** A strategic game to solve, and how to turn its mixed profiles into profiles of the original game. */
export interface StrategicView {
  nfg: NormalFormGame;
  toProfile<T>(probs: T[][], field: Field<T>): Profile;
}

export function strategicView(game: Game, options?: SolveOptions): StrategicView {
  if (game.kind === "nfg") {
    return { nfg: game, toProfile: (probs) => ({ kind: "mixed", probs: probs as Num[][] }) };
  }
  const rnf = reducedNormalForm(game, undefined, options?.deadline);
  return {
    nfg: rnf.game,
    toProfile: (probs, field) => ({ kind: "behaviour", probs: mixedToBehaviour(rnf, game, probs, field) as Num[][][] }),
  };
}

export function requireTwoPlayers(game: Game, method: string): void {
  if (game.players.length !== 2) {
    throw new InputError(`${method} solves two-player games; this game has ${game.players.length} players`);
  }
}
