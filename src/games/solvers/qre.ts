/**
 * Logit quantal response equilibrium (McKelvey & Palfrey 1995; agent form for extensive games,
 * McKelvey & Palfrey 1998) by path following from the centroid (Turocy 2005). With a λ, the QRE
 * at that λ on the game's own (unscaled) payoffs, as Gambit's gambit-logit reports it. Without,
 * the branch is followed to a large λ and its end polished into the limiting Nash equilibrium:
 * exactly (two-player strategic games with equal supports) or by Newton's method on the support.
 */
import { InputError } from "../../errors.js";
import { exactField, floatField, type Num } from "../field.js";
import { behaviourRegrets, mixedRegrets } from "../equilibrium-check.js";
import { checkProfile, withScaledPayoffs } from "../verify.js";
import { type ExtensiveFormGame, sequenceIndex } from "../extensive-form.js";
import type { Game } from "../game.js";
import type { NormalFormGame } from "../normal-form.js";
import { Rational } from "../rational.js";
import { checkDeadline, SolverFailure } from "./common.js";
import { solveExact, solveFloat } from "./linear-solve.js";
import { type LogitSystem, LogitPathFailure, traceLogitPath } from "./logit-path.js";
import { agentGroups, agentSystem, splitGroups, strategicSystem } from "./qre-systems.js";
import type { Equilibrium, Profile, SolveOptions, SolveResult, Solver } from "./solver.js";

/** Work per value evaluation times the number of actions: beyond this, path following is too slow. */
export const MAX_QRE_WORK = 5e7;

/** Largest minus smallest payoff entry, exactly (1 when all are equal): the unit λ is measured in. */
function payoffRange(game: Game): Rational {
  let min: Rational | null = null;
  let max: Rational | null = null;
  for (const o of game.outcomes) {
    for (const x of o.payoffs) {
      if (!min || x.cmp(min) < 0) min = x;
      if (!max || x.cmp(max) > 0) max = x;
    }
  }
  const range = min && max ? max.sub(min) : Rational.ZERO;
  return range.isZero() ? Rational.ONE : range;
}

/** Newton's method on "supported actions are indifferent, probabilities sum to one". */
function polishOnSupport(sys: LogitSystem, probs: Float64Array): Float64Array | null {
  const sizes = sys.groupSizes;
  const starts: number[] = [];
  let K = 0;
  for (const s of sizes) {
    starts.push(K);
    K += s;
  }
  const support: number[] = [];
  const anchor: number[] = [];
  sizes.forEach((size, g) => {
    let best = starts[g];
    for (let k = 0; k < size; k++) if (probs[starts[g] + k] > probs[best]) best = starts[g] + k;
    anchor.push(best);
    for (let k = 0; k < size; k++) if (probs[starts[g] + k] > 1e-7) support.push(starts[g] + k);
  });
  const groupOf = (k: number) => starts.findLastIndex((s) => s <= k);
  let pi = Float64Array.from(probs, (p, k) => (support.includes(k) ? p : 0));
  const residual = (p: Float64Array): number[] => {
    const v = sys.actionValues(p, p.map(Math.log));
    const r = sizes.map((size, g) => {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += p[starts[g] + k];
      return sum - 1;
    });
    for (const k of support) if (k !== anchor[groupOf(k)]) r.push(v[k] - v[anchor[groupOf(k)]]);
    return r;
  };
  for (let it = 0; it < 60; it++) {
    const r = residual(pi);
    if (Math.hypot(...r) < 1e-14) break;
    const J = support.map((l) => {
      const up = Float64Array.from(pi);
      const down = Float64Array.from(pi);
      up[l] += 1e-7;
      down[l] -= 1e-7;
      const ru = residual(up);
      const rd = residual(down);
      return ru.map((x, i) => (x - rd[i]) / 2e-7);
    });
    // Levenberg–Marquardt step: also converges where equilibria form a continuum (singular J)
    const JtJ = support.map((_, a) => support.map((_, b) => J[a].reduce((acc, x, i) => acc + x * J[b][i], 0)));
    const damping = 1e-12 * (1 + JtJ.reduce((acc, row, a) => acc + row[a], 0));
    JtJ.forEach((row, a) => (row[a] += damping));
    const Jtr = support.map((_, a) => -J[a].reduce((acc, x, i) => acc + x * r[i], 0));
    const delta = solveFloat(JtJ, Jtr, 1e-300);
    if (!delta) return null;
    support.forEach((k, j) => (pi[k] += delta[j]));
  }
  if (Math.hypot(...residual(pi)) > 1e-11 || pi.some((p) => p < -1e-12)) return null;
  pi = pi.map((p) => Math.max(0, p));
  return pi;
}

/** Two-player strategic game, supports of equal size: the equilibrium on them in rationals, if it is one. */
function exactOnSupport(game: NormalFormGame, probs: number[][]): Rational[][] | null {
  if (game.playerCount !== 2) return null;
  const I = probs[0].flatMap((p, i) => (p > 1e-7 ? [i] : []));
  const J = probs[1].flatMap((p, j) => (p > 1e-7 ? [j] : []));
  if (I.length !== J.length) return null;
  const m = game.strategies[0].length;
  const mix = (mine: number[], theirs: number[], payoff: (a: number, b: number) => Rational, size: number) => {
    const M = mine.map((a) => [...theirs.map((b) => payoff(a, b)), Rational.of(-1)]);
    M.push([...theirs.map(() => Rational.ONE), Rational.ZERO]);
    const z = solveExact(M, [...mine.map(() => Rational.ZERO), Rational.ONE]);
    if (!z || z.slice(0, -1).some((x) => x.sign() < 0)) return null;
    const full = new Array<Rational>(size).fill(Rational.ZERO);
    theirs.forEach((b, l) => (full[b] = z[l]));
    return full;
  };
  const y = mix(I, J, (i, j) => game.payoff(i + j * m, 0), game.strategies[1].length);
  const x = mix(J, I, (j, i) => game.payoff(i + j * m, 1), m);
  if (!x || !y) return null;
  return mixedRegrets(game, [x, y], exactField).regrets.every((r) => r.isZero()) ? [x, y] : null;
}

function toProfile(game: Game, probs: Num[] | Float64Array, sizes: number[]): Profile {
  const groups = splitGroups(probs as ArrayLike<number>, sizes) as Num[][];
  if (game.kind === "nfg") return { kind: "mixed", probs: groups };
  let next = 0;
  return { kind: "behaviour", probs: game.playerInfosets.slice(1).map((sets) => sets.map(() => groups[next++])) };
}

function floatPayoffs(game: Game, profile: Profile): number[] {
  if (game.kind === "nfg") return mixedRegrets(game, profile.probs as number[][], floatField).payoffs;
  return behaviourRegrets(game as ExtensiveFormGame, profile.probs as number[][][], floatField).payoffs;
}

/**
 * The end of the path polished into an equilibrium of `game` (the original payoffs); `scaled` is
 * the game the path was followed on. A point that fails the equilibrium check is returned as
 * unverified, never as an equilibrium.
 */
function limitingEquilibrium(game: Game, scaled: Game, sys: LogitSystem, probs: Float64Array, lambda: number): SolveResult {
  const note = `limiting Nash equilibrium of the principal logit QRE branch (followed to λ = ${lambda.toPrecision(3)})`;
  if (scaled.kind === "nfg") {
    const exact = exactOnSupport(scaled, splitGroups(probs, sys.groupSizes));
    if (exact) {
      const payoffs = mixedRegrets(game as NormalFormGame, exact, exactField).payoffs;
      return { equilibria: [{ profile: { kind: "mixed", probs: exact }, payoffs }], notes: [note] };
    }
  }
  const polished = polishOnSupport(sys, probs);
  if (polished) {
    const profile = toProfile(game, polished, sys.groupSizes);
    if (checkProfile(game, profile, scaled).ok) {
      return { equilibria: [{ profile, payoffs: floatPayoffs(game, profile) }], notes: [note] };
    }
  }
  const profile = toProfile(game, probs, sys.groupSizes);
  const check = checkProfile(game, profile, scaled);
  if (check.ok) return { equilibria: [{ profile, payoffs: floatPayoffs(game, profile) }], notes: [note] };
  return {
    equilibria: [],
    unverified: [{ profile, payoffs: floatPayoffs(game, profile), lambda, regret: check.regret, reason: check.reason ?? "" }],
    notes: [
      `the end of the logit path (λ = ${lambda.toPrecision(3)}) could not be polished into an equilibrium: ` +
        "it is reported as an approximate limit point of the QRE branch, not as an equilibrium",
    ],
  };
}

export const qreSolver: Solver = {
  name: "qre",
  description: "logit quantal response equilibrium by path following (strategic or agent form); its limit without --lambda",
  solve(game: Game, options?: SolveOptions): SolveResult {
    const work =
      game.kind === "nfg"
        ? game.profileCount * game.playerCount * game.strategies.flat().length
        : game.nodeCount * game.playerCount * agentGroups(game).length;
    if (work > MAX_QRE_WORK) {
      throw new InputError(`qre: the game is too large for path following (work ${work.toExponential(2)} > ${MAX_QRE_WORK.toExponential(0)} per step)`);
    }
    // the path is followed on payoffs divided by their range (λ in units of the range), so its
    // step sizes and tolerances do not depend on the magnitude of the payoffs
    const range = payoffRange(game);
    const unit = range.toNumber();
    const scaled = withScaledPayoffs(game, Rational.ONE.div(range));
    let sys: LogitSystem;
    if (scaled.kind === "nfg") sys = strategicSystem(scaled);
    else {
      sequenceIndex(scaled);
      sys = agentSystem(scaled);
    }
    let point: ReturnType<typeof traceLogitPath>;
    try {
      point = traceLogitPath(sys, {
        targetLambda: options?.lambda === undefined ? undefined : options.lambda * unit,
        maxLambda: 1e6,
        checkTime: () => checkDeadline(options, "qre"),
      });
    } catch (e) {
      if (!(e instanceof LogitPathFailure)) throw e;
      if (options?.lambda === undefined) {
        // the last point may still polish into an equilibrium (it passes the check, or nothing is reported)
        const rescued = limitingEquilibrium(game, scaled, sys, e.probs, e.lambda / unit);
        if (rescued.equilibria.length > 0) {
          return {
            equilibria: rescued.equilibria,
            notes: [
              `the logit path broke down at λ = ${(e.lambda / unit).toPrecision(3)} (${e.reason}); ` +
                "its last point was polished into the equilibrium reported, which passed the check",
            ],
          };
        }
      }
      throw new SolverFailure(
        `qre: the logit path could not be followed on this game (${e.reason}, at λ = ${(e.lambda / unit).toPrecision(3)}); ` +
          "no equilibrium is reported (try --method enum, lh or lcp)",
      );
    }
    const lambda = point.lambda / unit;
    if (options?.lambda === undefined) return limitingEquilibrium(game, scaled, sys, point.probs, lambda);
    const profile = toProfile(game, point.probs, sys.groupSizes);
    const eq: Equilibrium = { profile, payoffs: floatPayoffs(game, profile), lambda: options.lambda };
    return { equilibria: [eq], notes: [`logit QRE at λ = ${options.lambda} on the game's payoffs`] };
  },
};
