/**
 * The mechanism games, registered once: `guarantor games` builds, solves and explains every
 * registered game. The one game whose role is "crisis-law" has as its equilibrium the crisis law
 * the simulator applies to every crisis (`crisisOutcome`; docs/MODEL.md, "The mechanisms as
 * games"), so the strategic layer is a matter of exposition, never of results. The other games are
 * explanatory: their laws differ from the simulator's closed forms, so they are reported, never fed
 * to the simulator.
 */
import type { ExtensiveFormGame } from "../../games/extensive-form.js";
import { allianceParameters, buildAlliance, explainAlliance, solveAlliance } from "../games/alliance.js";
import { bargainingParameters, buildBargaining, explainBargaining, solveBargaining } from "../games/bargaining.js";
import { brinkmanshipParameters, buildBrinkmanship, explainBrinkmanship, solveBrinkmanship, type CrisisGameParameters } from "../games/brinkmanship.js";
import { buildDeterrence, explainDeterrence, solveDeterrence } from "../games/deterrence.js";
import { GAME_ASSUMPTIONS, type GameAssumptions, type StrategicInputs } from "../games/inputs.js";
import { buildSpoiler, explainSpoiler, solveSpoiler, spoilerParameters } from "../games/spoiler.js";
import { buildTripwire, explainTripwire, solveTripwire, tripwireParameters } from "../games/tripwire.js";

export interface SolvedMechanism {
  id: string;
  title: string;
  source: string;
  /** null when the mechanism needs a committed guarantor and the option has none */
  game: ExtensiveFormGame | null;
  explanation: string[];
}

/** "crisis-law": its equilibrium is the simulator's crisis law; "explanatory": reported only. */
export type MechanismRole = "crisis-law" | "explanatory";

export interface MechanismGame {
  id: string;
  title: string;
  source: string;
  role: MechanismRole;
  /** builds the game for one option under one θ (the inputs), solves it and explains it */
  play(inp: StrategicInputs, as: GameAssumptions): SolvedMechanism;
}

/** The game whose equilibrium is the crisis law: it also solves the law from the law's own numbers. */
export interface CrisisLawGame extends MechanismGame {
  role: "crisis-law";
  /** the crisis law's slots (src/models/crisis.ts) read off the game's equilibrium */
  crisisLaw(p: CrisisGameParameters, names?: StrategicInputs["names"]): Float64Array;
}

const NO_GUARANTOR = (inp: StrategicInputs) => [`No guarantor is committed under "${inp.option}": this game has no guarantor to play.`];

const PLACEHOLDER_NAMES = { challenger: "Challenger", protege: "Protégé", guarantor: "Guarantor" };

function nullable<T, G>(id: string, title: string, source: string, parameters: (inp: StrategicInputs, as: GameAssumptions) => T | null, build: (p: T, inp: StrategicInputs) => G | null, explain: (inp: StrategicInputs, p: T, g: G) => string[]): MechanismGame {
  return {
    id,
    title,
    source,
    role: "explanatory",
    play(inp, as) {
      const p = parameters(inp, as);
      const game = p && build(p, inp);
      return { id, title, source, game: (game as ExtensiveFormGame | null) ?? null, explanation: p && game ? explain(inp, p, game) : NO_GUARANTOR(inp) };
    },
  };
}

export const CRISIS_GAME: CrisisLawGame = {
  id: "brinkmanship",
  title: "Crisis bargaining (the crisis law as a game)",
  source: "docs/MODEL.md §7.5; Schelling 1966; Fearon 1994",
  role: "crisis-law",
  play(inp) {
    const p = brinkmanshipParameters(inp);
    const game = buildBrinkmanship(p, inp);
    return { id: this.id, title: this.title, source: this.source, game, explanation: explainBrinkmanship(inp, p, solveBrinkmanship(p, game)) };
  },
  crisisLaw(p, names = PLACEHOLDER_NAMES) {
    return solveBrinkmanship(p, buildBrinkmanship(p, { option: "crisis", names })).law;
  },
};

/** Every mechanism game, in the order `guarantor games` reports them. */
export const MECHANISM_GAMES: readonly MechanismGame[] = [
  {
    id: "deterrence",
    title: "Extended deterrence",
    source: "docs/MODEL.md §4–§5; Huth 1988; Fearon 1994",
    role: "explanatory",
    play(inp) {
      const d = buildDeterrence(inp);
      return { id: this.id, title: this.title, source: this.source, game: d.game, explanation: explainDeterrence(inp, solveDeterrence(d)) };
    },
  },
  CRISIS_GAME,
  nullable("bargaining", "Bargaining with shifting power", "Fearon 1995; Powell 2006", bargainingParameters, buildBargaining, (inp, p, g) => explainBargaining(inp, p, solveBargaining(p, g, inp))),
  nullable("alliance", "Alliance security dilemma", "Snyder 1984; Benson 2012", allianceParameters, buildAlliance, (inp, p, g) => explainAlliance(inp, p, solveAlliance(g, inp))),
  nullable("tripwire", "Tripwire", "Schelling 1966; Fuhrmann & Sechser 2014", tripwireParameters, buildTripwire, (inp, p, g) => explainTripwire(inp, p, solveTripwire(p, g, inp))),
  nullable("spoiler", "Spoiler and moral hazard", "docs/MODEL.md §7; Stedman 1997; Kuperman 2008", spoilerParameters, buildSpoiler, (inp, p, g) => explainSpoiler(inp, p, solveSpoiler(p, g, inp))),
];

/** The registered game whose equilibrium is the simulator's crisis law (exactly one). */
export function crisisLawGame(): CrisisLawGame {
  const found = MECHANISM_GAMES.filter((m): m is CrisisLawGame => m.role === "crisis-law");
  if (found.length !== 1) throw new Error(`exactly one mechanism game must have the role "crisis-law", found ${found.length}`);
  return found[0];
}

/** Builds and solves every registered mechanism game for these inputs. */
export function solveMechanisms(inp: StrategicInputs, as: GameAssumptions = GAME_ASSUMPTIONS): SolvedMechanism[] {
  return MECHANISM_GAMES.map((m) => m.play(inp, as));
}
