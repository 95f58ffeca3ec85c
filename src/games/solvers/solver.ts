/**
 * The one interface every solver implements: a game in, a list of profiles out. Profiles are
 * mixed strategies for strategic games and behaviour strategies (one distribution per
 * information set) for extensive games; numbers are exact rationals unless float mode was asked.
 */
import type { Num } from "../field.js";
import type { Game } from "../game.js";

/** One probability array per player, strategies in file order. */
export interface MixedProfile {
  kind: "mixed";
  probs: Num[][];
}

/** Per player, per information set (in the order of their numbers), one probability per action. */
export interface BehaviourProfile {
  kind: "behaviour";
  probs: Num[][][];
}

export type Profile = MixedProfile | BehaviourProfile;

export interface Equilibrium {
  profile: Profile;
  /** expected payoff of each player */
  payoffs: Num[];
  /** logit QRE only: the λ of this point */
  lambda?: number;
}

export interface SolveOptions {
  /** exact rationals (default where the method pivots) or doubles */
  arithmetic?: "exact" | "float";
  /** qre: the λ to stop at; absent, the limiting equilibrium */
  lambda?: number;
  /** wall-clock deadline in ms since the epoch; solvers stop with an InputError after it */
  deadline?: number;
}

/** A point a method ended at that failed the equilibrium check (src/games/verify.ts). */
export interface UnverifiedPoint extends Equilibrium {
  /** largest regret: relative to the payoff scale for float profiles, absolute for exact ones */
  regret: number;
  /** why it is not an equilibrium, in words */
  reason: string;
}

export interface SolveResult {
  /** profiles that passed the equilibrium check (when the solver came through `SOLVERS`) */
  equilibria: Equilibrium[];
  /** points the method found that failed the check: reported as approximations, never as equilibria */
  unverified?: UnverifiedPoint[];
  /** facts a user should know: degeneracy, equilibria a method may miss, … */
  notes: string[];
}

export interface Solver {
  name: string;
  /** one line for help texts */
  description: string;
  solve(game: Game, options?: SolveOptions): SolveResult;
}
