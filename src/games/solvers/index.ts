/** The solvers by name, as the CLI and the library offer them. */
import { enumSolver } from "./enum.js";
import { lcpSolver } from "./lcp.js";
import { lhSolver } from "./lh.js";
import { pureSolver } from "./pure.js";
import { qreSolver } from "./qre.js";
import type { Solver } from "./solver.js";
import { speSolver } from "./spe.js";

export const SOLVERS: Record<string, Solver> = {
  spe: speSolver,
  pure: pureSolver,
  enum: enumSolver,
  lh: lhSolver,
  lcp: lcpSolver,
  qre: qreSolver,
};

export const METHOD_NAMES = Object.keys(SOLVERS);
