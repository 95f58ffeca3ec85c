/**
 * All pure-strategy Nash equilibria of an n-player game: a profile is one when every player's
 * strategy is a best reply to the others'. Extensive games are solved on their reduced normal
 * form. Exact: payoffs are compared as rationals.
 */
import { InputError } from "../../errors.js";
import { exactField } from "../field.js";
import type { Game } from "../game.js";
import type { NormalFormGame } from "../normal-form.js";
import { Rational } from "../rational.js";
import { mixedRegrets } from "../equilibrium-check.js";
import { checkDeadline, strategicView } from "./common.js";
import type { Equilibrium, SolveOptions, SolveResult, Solver } from "./solver.js";

export const MAX_PURE_PROFILES = 20_000_000;

/** bestReply[k] is true when every player's strategy in profile k is a best reply. */
function bestReplyProfiles(game: NormalFormGame, options?: SolveOptions): Uint8Array {
  const all = new Uint8Array(game.profileCount).fill(1);
  for (let i = 0; i < game.playerCount; i++) {
    const stride = game.strides[i];
    const count = game.strategies[i].length;
    for (let k = 0; k < game.profileCount; k++) {
      if (Math.floor(k / stride) % count !== 0) continue;
      if (k % 65536 === 0) checkDeadline(options, "pure");
      let best = game.payoff(k, i);
      for (let j = 1; j < count; j++) {
        const u = game.payoff(k + j * stride, i);
        if (u.cmp(best) > 0) best = u;
      }
      for (let j = 0; j < count; j++) if (game.payoff(k + j * stride, i).cmp(best) < 0) all[k + j * stride] = 0;
    }
  }
  return all;
}

function pureProfile(game: NormalFormGame, k: number): Rational[][] {
  return game.strategies.map((s, i) => {
    const chosen = Math.floor(k / game.strides[i]) % s.length;
    return s.map((_, j) => (j === chosen ? Rational.ONE : Rational.ZERO));
  });
}

export const pureSolver: Solver = {
  name: "pure",
  description: "all pure-strategy Nash equilibria (n players; extensive games via the reduced normal form)",
  solve(game: Game, options?: SolveOptions): SolveResult {
    const view = strategicView(game, options);
    const nfg = view.nfg;
    if (nfg.profileCount > MAX_PURE_PROFILES) {
      throw new InputError(`pure: the game has ${nfg.profileCount} pure profiles; at most ${MAX_PURE_PROFILES} are supported`);
    }
    const ok = bestReplyProfiles(nfg, options);
    const equilibria: Equilibrium[] = [];
    for (let k = 0; k < nfg.profileCount; k++) {
      if (!ok[k]) continue;
      const probs = pureProfile(nfg, k);
      const payoffs = mixedRegrets(nfg, probs, exactField).payoffs;
      equilibria.push({ profile: view.toProfile(probs, exactField), payoffs });
    }
    const notes = equilibria.length === 0 ? ["the game has no pure-strategy equilibrium"] : [];
    return { equilibria, notes };
  },
};
