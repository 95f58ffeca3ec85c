/** The mechanism-game registry (registry.ts) and the inputs every game is built from. */
export { MECHANISM_GAMES, CRISIS_GAME, crisisLawGame, solveMechanisms, type MechanismGame, type MechanismRole, type CrisisLawGame, type SolvedMechanism } from "./registry.js";
export { strategicInputs, GAME_ASSUMPTIONS, type StrategicInputs, type GameAssumptions, type ActorFactsForGames } from "../games/inputs.js";
export type { CrisisGameParameters } from "../games/brinkmanship.js";
