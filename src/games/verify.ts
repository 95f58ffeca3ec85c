/**
 * The check every reported equilibrium passes before a solver may call it one: exact profiles
 * must have regret exactly 0; floating-point profiles must be finite distributions whose regret,
 * measured on payoffs divided by the game's payoff scale, is at most FLOAT_REGRET_TOLERANCE
 * (a tolerance relative to the payoffs, docs/GAMES.md "Tolerances"). Sits beside the regret
 * checker and below the solvers.
 */
import { behaviourRegrets, mixedRegrets } from "./equilibrium-check.js";
import { ExtensiveFormGame, TERMINAL } from "./extensive-form.js";
import { exactField, floatField, type Num } from "./field.js";
import type { Game } from "./game.js";
import { NormalFormGame } from "./normal-form.js";
import { Rational } from "./rational.js";
import type { Profile } from "./solvers/solver.js";

/** Largest regret of a floating-point profile, as a fraction of the payoff scale. */
export const FLOAT_REGRET_TOLERANCE = 1e-9;

/**
 * The payoff scale: the largest absolute payoff a play can give (outcomes add up along a path
 * in a tree), exactly; 0 when every payoff is 0.
 */
export function payoffScale(game: Game): Rational {
  let max = Rational.ZERO;
  const consider = (x: Rational) => {
    const a = x.sign() < 0 ? x.neg() : x;
    if (a.cmp(max) > 0) max = a;
  };
  if (game.kind === "nfg") {
    for (const o of game.outcomes) o.payoffs.forEach(consider);
  } else {
    const acc = game.terminalPayoffs(exactField);
    for (let v = 0; v < game.nodeCount; v++) {
      if (game.nodeKind[v] === TERMINAL) for (let p = 0; p < game.playerCount; p++) consider(acc[v * game.playerCount + p]);
    }
  }
  return max;
}

/** The same game with every payoff multiplied by `factor` > 0 (same equilibria, same QRE at λ/factor). */
export function withScaledPayoffs<G extends Game>(game: G, factor: Rational): G {
  const scale = (o: { name: string; payoffs: Rational[] }) => ({ ...o, payoffs: o.payoffs.map((x) => x.mul(factor)) });
  if (game instanceof NormalFormGame) {
    return new NormalFormGame(game.title, game.players, game.strategies, game.outcomes.map(scale), game.profileOutcome, game.comment, game.style) as G;
  }
  // the tree's arrays are shared, only the outcomes differ
  const copy = Object.create(ExtensiveFormGame.prototype) as ExtensiveFormGame;
  Object.assign(copy, game, { outcomes: (game as ExtensiveFormGame).outcomes.map(scale) });
  return copy as G;
}

/** The game with payoffs divided by their scale (largest absolute payoff 1), or the game itself if all are 0. */
export function normalisedGame<G extends Game>(game: G): G {
  const scale = payoffScale(game);
  return scale.isZero() ? game : withScaledPayoffs(game, Rational.ONE.div(scale));
}

export interface ProfileCheck {
  ok: boolean;
  /** largest regret, relative to the payoff scale for float profiles, absolute for exact ones */
  regret: number;
  /** why it failed, in words */
  reason?: string;
}

function isExact(profile: Profile): boolean {
  const flat: Num[] = profile.kind === "mixed" ? profile.probs.flat() : profile.probs.flat(2);
  return flat.every((x) => x instanceof Rational);
}

function distributions(profile: Profile): Num[][] {
  return profile.kind === "mixed" ? profile.probs : profile.probs.flat();
}

/** A pure exact profile of a strategic game: regret from one-player deviations only (cheap). */
function pureRegret(game: NormalFormGame, probs: Rational[][]): Rational | null {
  const choice: number[] = [];
  for (const row of probs) {
    const j = row.findIndex((x) => x.equals(Rational.ONE));
    if (j < 0) return null;
    choice.push(j);
  }
  const k = game.profileIndex(choice);
  let worst = Rational.ZERO;
  choice.forEach((c, i) => {
    const u = game.payoff(k, i);
    for (let j = 0; j < game.strategies[i].length; j++) {
      const gain = game.payoff(k + (j - c) * game.strides[i], i).sub(u);
      if (gain.cmp(worst) > 0) worst = gain;
    }
  });
  return worst;
}

/**
 * Checks one profile of `game`. `normalised` is the game with payoffs divided by their scale
 * (pass it when checking many profiles of one game; computed here otherwise).
 */
export function checkProfile(game: Game, profile: Profile, normalised: Game = normalisedGame(game)): ProfileCheck {
  if (isExact(profile)) {
    for (const dist of distributions(profile) as Rational[][]) {
      const sum = dist.reduce((a, b) => a.add(b), Rational.ZERO);
      if (!sum.equals(Rational.ONE) || dist.some((x) => x.sign() < 0)) return { ok: false, regret: NaN, reason: "it is not a probability distribution" };
    }
    let regret: Rational;
    if (game.kind === "nfg") {
      const probs = profile.probs as Rational[][];
      regret = pureRegret(game, probs) ?? mixedRegrets(game, probs, exactField).regrets.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    } else {
      regret = behaviourRegrets(game, profile.probs as Rational[][][], exactField).regrets.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
    }
    return regret.sign() > 0 ? { ok: false, regret: regret.toNumber(), reason: `a player gains ${regret} by deviating` } : { ok: true, regret: 0 };
  }
  const tol = FLOAT_REGRET_TOLERANCE;
  const asNumbers = (rows: Num[][]) => rows.map((r) => r.map((x) => (typeof x === "number" ? x : x.toNumber())));
  for (const dist of asNumbers(distributions(profile))) {
    const sum = dist.reduce((a, b) => a + b, 0);
    if (!dist.every((x) => Number.isFinite(x) && x >= -tol && x <= 1 + tol) || !(Math.abs(sum - 1) <= tol)) {
      return { ok: false, regret: NaN, reason: "it is not a probability distribution (a probability is negative, above 1 or not a number)" };
    }
  }
  const regrets =
    normalised.kind === "nfg"
      ? mixedRegrets(normalised, asNumbers(profile.probs as Num[][]), floatField).regrets
      : behaviourRegrets(normalised, (profile.probs as Num[][][]).map(asNumbers), floatField).regrets;
  const regret = Math.max(0, ...regrets.map((r) => (Number.isNaN(r) ? Infinity : r)));
  return regret <= tol
    ? { ok: true, regret }
    : { ok: false, regret, reason: `a player gains ${regret.toExponential(2)} of the payoff scale by deviating (tolerance ${tol})` };
}
