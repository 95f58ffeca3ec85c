/**
 * The six mechanism games for one option under one parameter draw: built, solved by the engine
 * and explained in words. The CLI (`guarantor games`) and the games strategic layer start here.
 */
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { allianceParameters, buildAlliance, explainAlliance, solveAlliance } from "./alliance.js";
import { bargainingParameters, buildBargaining, explainBargaining, solveBargaining } from "./bargaining.js";
import { brinkmanshipParameters, buildBrinkmanship, explainBrinkmanship, solveBrinkmanship } from "./brinkmanship.js";
import { buildDeterrence, explainDeterrence, solveDeterrence } from "./deterrence.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "./inputs.js";
import { buildSpoiler, explainSpoiler, solveSpoiler, spoilerParameters } from "./spoiler.js";
import { buildTripwire, explainTripwire, solveTripwire, tripwireParameters } from "./tripwire.js";

export { strategicInputs, GAME_ASSUMPTIONS, type StrategicInputs, type GameAssumptions, type ActorFactsForGames } from "./inputs.js";

export interface SolvedMechanism {
  id: string;
  title: string;
  source: string;
  /** null when the mechanism needs a committed guarantor and the option has none */
  game: ExtensiveFormGame | null;
  explanation: string[];
}

const NO_GUARANTOR = (inp: StrategicInputs) => [`No guarantor is committed under "${inp.option}": this game has no guarantor to play.`];

/** Builds and solves every mechanism game for these inputs. */
export function solveMechanisms(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS): SolvedMechanism[] {
  const out: SolvedMechanism[] = [];
  const deterrence = buildDeterrence(inp);
  out.push({ id: "deterrence", title: "Extended deterrence", source: "docs/MODEL.md §4–§5; Huth 1988; Fearon 1994", game: deterrence.game, explanation: explainDeterrence(inp, solveDeterrence(deterrence)) });

  const brink = brinkmanshipParameters(inp, as);
  const brinkGame = brink && buildBrinkmanship(brink, inp);
  out.push({
    id: "brinkmanship",
    title: "Brinkmanship in a crisis",
    source: "Schelling 1966; Powell 1990",
    game: brinkGame,
    explanation: brink && brinkGame ? explainBrinkmanship(inp, brink, solveBrinkmanship(brink, brinkGame)) : NO_GUARANTOR(inp),
  });

  const bargain = bargainingParameters(inp, as);
  const bargainGame = buildBargaining(bargain, inp);
  out.push({ id: "bargaining", title: "Bargaining with shifting power", source: "Fearon 1995; Powell 2006", game: bargainGame, explanation: explainBargaining(inp, bargain, solveBargaining(bargain, bargainGame, inp)) });

  const alliance = allianceParameters(inp, as);
  const allianceGame = alliance && buildAlliance(alliance, inp);
  out.push({
    id: "alliance",
    title: "Alliance security dilemma",
    source: "Snyder 1984; Benson 2012",
    game: allianceGame,
    explanation: alliance && allianceGame ? explainAlliance(inp, alliance, solveAlliance(allianceGame, inp)) : NO_GUARANTOR(inp),
  });

  const trip = tripwireParameters(inp, as);
  const tripGame = trip && buildTripwire(trip, inp);
  out.push({
    id: "tripwire",
    title: "Tripwire",
    source: "Schelling 1966; Fuhrmann & Sechser 2014",
    game: tripGame,
    explanation: trip && tripGame ? explainTripwire(inp, trip, solveTripwire(trip, tripGame, inp)) : NO_GUARANTOR(inp),
  });

  const spoil = spoilerParameters(inp, as);
  const spoilGame = buildSpoiler(spoil, inp);
  out.push({ id: "spoiler", title: "Spoiler and moral hazard", source: "docs/MODEL.md §7; Stedman 1997; Kuperman 2008", game: spoilGame, explanation: explainSpoiler(inp, spoil, solveSpoiler(spoil, spoilGame, inp)) });
  return out;
}
