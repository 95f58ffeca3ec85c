/**
 * The solvers by name, as the CLI and the library offer them, each wrapped in the equilibrium
 * check: a profile is reported as an equilibrium only if it passes it (src/games/verify.ts).
 */
import { checkProfile, normalisedGame } from "../verify.js";
import { checkDeadline } from "./common.js";
import { enumSolver } from "./enum.js";
import { lcpSolver } from "./lcp.js";
import { lhSolver } from "./lh.js";
import { pureSolver } from "./pure.js";
import { qreSolver } from "./qre.js";
import type { Equilibrium, Solver, UnverifiedPoint } from "./solver.js";
import { speSolver } from "./spe.js";

/** The solver with every reported equilibrium checked; failures move to `unverified` with a note. */
export function verifiedSolver(solver: Solver): Solver {
  return {
    ...solver,
    solve(game, options) {
      const result = solver.solve(game, options);
      // logit QREs at a given λ are not Nash equilibria and are reported as what they are
      if (options?.lambda !== undefined) return result;
      const normalised = normalisedGame(game);
      const equilibria: Equilibrium[] = [];
      const unverified: UnverifiedPoint[] = [...(result.unverified ?? [])];
      result.equilibria.forEach((eq, i) => {
        if (i % 64 === 63) checkDeadline(options, solver.name);
        const check = checkProfile(game, eq.profile, normalised);
        if (check.ok) equilibria.push(eq);
        else unverified.push({ ...eq, regret: check.regret, reason: check.reason ?? "it failed the equilibrium check" });
      });
      const notes = [...result.notes];
      const failed = unverified.length - (result.unverified?.length ?? 0);
      if (failed > 0) notes.push(`${failed} point(s) the method found failed the equilibrium check and are not reported as equilibria`);
      return unverified.length > 0 ? { equilibria, notes, unverified } : { equilibria, notes };
    },
  };
}

export const SOLVERS: Record<string, Solver> = {
  spe: verifiedSolver(speSolver),
  pure: verifiedSolver(pureSolver),
  enum: verifiedSolver(enumSolver),
  lh: verifiedSolver(lhSolver),
  lcp: verifiedSolver(lcpSolver),
  qre: verifiedSolver(qreSolver),
};

export const METHOD_NAMES = Object.keys(SOLVERS);
