/**
 * The six mechanism games live one per file here; the registry that the CLI (`guarantor games`)
 * and the strategic layer read is src/models/mechanisms/registry.ts.
 */
export { solveMechanisms, type SolvedMechanism } from "../mechanisms/registry.js";
export { strategicInputs, GAME_ASSUMPTIONS, type StrategicInputs, type GameAssumptions, type ActorFactsForGames } from "./inputs.js";
