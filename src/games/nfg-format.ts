/**
 * Gambit's strategic-game format (.nfg, "NFG 1 R"): both the payoff version (one payoff vector
 * per profile) and the outcome version (named outcomes, then one outcome number per profile).
 * Numbers stay exact; writing what was read gives the same game back.
 */
import { NormalFormGame, type NfgOutcome } from "./normal-form.js";
import { MAX_NFG_PROFILES, MAX_PLAYERS, MAX_TABLE_ENTRIES } from "./limits.js";
import { Rational } from "./rational.js";
import { TokenReader, quote } from "./gambit-tokens.js";


export function readNfg(text: string, file = "<nfg>"): NormalFormGame {
  const r = new TokenReader(text, file);
  r.expectWord("NFG");
  const version = r.expect("number", "format version 1");
  if (version.text !== "1") throw r.errorAt(version, `unsupported NFG version ${version.text} (expected 1)`);
  const type = r.expect("word", '"R" or "D"');
  if (type.text !== "R" && type.text !== "D") throw r.error(type, '"R" or "D"');
  const title = r.string("the game title in quotes");
  const players = readPlayers(r);
  const strategiesStart = r.peek();
  let strategyNames = false;
  // the product of the strategy counts so far, checked before a player's strategies are made
  let profilesSoFar = 1;
  const checkProfiles = (count: number, at: ReturnType<TokenReader["peek"]>): void => {
    profilesSoFar *= count;
    if (profilesSoFar > MAX_NFG_PROFILES || profilesSoFar * players.length > MAX_TABLE_ENTRIES) {
      throw r.errorAt(
        at,
        `the game has more than ${MAX_NFG_PROFILES} strategy profiles (or profiles × players above ${MAX_TABLE_ENTRIES}); ` +
          "larger games are not supported",
      );
    }
  };
  const strategies = r.list("the strategies of each player", () => {
    const at = r.peek();
    if (at.type === "{") {
      strategyNames = true;
      const names = r.list("a player's strategy names", () => r.string("a strategy name in quotes"));
      checkProfiles(names.length, at);
      return names;
    }
    const count = r.integer("a number of strategies or a list of strategy names");
    checkProfiles(count, at);
    return Array.from({ length: count }, (_, i) => `${i + 1}`);
  });
  if (strategies.length !== players.length) {
    throw r.errorAt(strategiesStart, `${players.length} players but strategies for ${strategies.length}`);
  }
  strategies.forEach((s) => {
    if (s.length === 0) throw r.errorAt(strategiesStart, "every player needs at least one strategy");
  });
  const profileCount = strategies.reduce((a, s) => a * s.length, 1);
  const comment = r.peek().type === "string" ? r.next().text : "";
  const n = players.length;
  let outcomes: NfgOutcome[];
  let profileOutcome: Int32Array;
  const usesOutcomes = r.peek().type === "{";
  if (usesOutcomes) {
    outcomes = readOutcomes(r, n);
    profileOutcome = new Int32Array(profileCount);
    for (let k = 0; k < profileCount; k++) {
      r.skipCommas();
      const t = r.peek();
      const o = r.integer(`the outcome number of profile ${k + 1} (${profileCount} in all)`);
      if (o > outcomes.length) throw r.errorAt(t, `outcome ${o} does not exist (there are ${outcomes.length})`);
      profileOutcome[k] = o - 1;
    }
  } else {
    outcomes = [];
    profileOutcome = new Int32Array(profileCount);
    for (let k = 0; k < profileCount; k++) {
      const payoffs: Rational[] = [];
      for (let p = 0; p < n; p++) {
        r.skipCommas();
        payoffs.push(r.rational(`payoff ${p + 1} of profile ${k + 1} (${profileCount * n} payoffs in all)`));
      }
      outcomes.push({ name: "", payoffs });
      profileOutcome[k] = k;
    }
  }
  r.skipCommas();
  if (r.peek().type !== "end") throw r.error(r.peek(), "end of file after the payoffs");
  return new NormalFormGame(title, players, strategies, outcomes, profileOutcome, comment, {
    strategyNames,
    outcomes: usesOutcomes,
  });
}

/** The list of player names, at least one and at most MAX_PLAYERS. */
export function readPlayers(r: TokenReader): string[] {
  const at = r.peek();
  const players = r.list("the list of players", () => r.string("a player name in quotes"));
  if (players.length === 0) throw r.errorAt(r.peek(), "a game needs at least one player");
  if (players.length > MAX_PLAYERS) throw r.errorAt(at, `the game has ${players.length} players; at most ${MAX_PLAYERS} are supported`);
  return players;
}

function readOutcomes(r: TokenReader, n: number): NfgOutcome[] {
  r.expect("{", '"{" opening the list of outcomes');
  const outcomes: NfgOutcome[] = [];
  while (r.peek().type === "{") {
    r.next();
    const name = r.string("the outcome name in quotes");
    const payoffs: Rational[] = [];
    for (let p = 0; p < n; p++) {
      r.skipCommas();
      payoffs.push(r.rational(`payoff ${p + 1} of outcome ${outcomes.length + 1}`));
    }
    r.skipCommas();
    r.expect("}", `"}" closing outcome ${outcomes.length + 1} (${n} payoffs)`);
    outcomes.push({ name, payoffs });
  }
  r.expect("}", '"{" opening an outcome or "}" closing the list of outcomes');
  return outcomes;
}

/** The game as Gambit writes it, in the style it was read in (payoff or outcome version). */
export function writeNfg(game: NormalFormGame): string {
  const lines: string[] = [];
  lines.push(`NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(" ")} }`);
  if (game.style.strategyNames) {
    lines.push(`{ ${game.strategies.map((s) => `{ ${s.map(quote).join(" ")} }`).join("\n")}\n}`);
  } else {
    lines.push(`{ ${game.strategies.map((s) => s.length).join(" ")} }`);
  }
  lines.push(quote(game.comment), "");
  if (game.style.outcomes) {
    lines.push("{");
    for (const o of game.outcomes) lines.push(`{ ${quote(o.name)} ${o.payoffs.join(", ")} }`);
    lines.push("}");
    lines.push(Array.from(game.profileOutcome, (o) => o + 1).join(" "));
  } else {
    const row: string[] = [];
    for (let k = 0; k < game.profileCount; k++) {
      for (let p = 0; p < game.playerCount; p++) row.push(game.payoff(k, p).toString());
    }
    lines.push(row.join(" "));
  }
  return `${lines.join("\n")}\n`;
}
