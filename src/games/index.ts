/**
 * The game engine's public surface: exact rationals, normal- and extensive-form games and the
 * tree builder, Gambit file I/O, the derived forms, the equilibrium check and the solvers.
 */
export { Rational } from "./rational.js";
export { exactField, floatField, numToNumber, type Field, type Num } from "./field.js";
export * from "./game.js";
export { readGame, readGameFile, writeGame, readNfg, writeNfg, readEfg, writeEfg } from "./gambit-format.js";
export { reducedNormalForm, mixedToBehaviour, behaviourToMixed, type ReducedNormalForm } from "./reduced-normal-form.js";
export { sequenceForm, type SequenceForm } from "./sequence-form.js";
export { maxRegret, mixedRegrets, behaviourRegrets, type RegretReport } from "./equilibrium-check.js";
export { SOLVERS, METHOD_NAMES } from "./solvers/index.js";
export type { Solver, SolveOptions, SolveResult, Equilibrium, Profile, MixedProfile, BehaviourProfile } from "./solvers/solver.js";
export { speSolver } from "./solvers/spe.js";
export { pureSolver } from "./solvers/pure.js";
export { enumSolver } from "./solvers/enum.js";
export { lhSolver } from "./solvers/lh.js";
export { lcpSolver, strategicGameAsTree } from "./solvers/lcp.js";
export { qreSolver } from "./solvers/qre.js";
export { traceLogitPath, type LogitSystem } from "./solvers/logit-path.js";
export { strategicSystem, agentSystem } from "./solvers/qre-systems.js";
