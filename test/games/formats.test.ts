import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGame, writeGame } from "../../src/games/gambit-format.js";
import { extensiveGame, chance, decide, leaf } from "../../src/games/builder.js";
import { Rational } from "../../src/games/rational.js";
import { FIXTURES } from "./helpers.js";

const gameFiles = readdirSync(FIXTURES).filter((f) => /\.(nfg|efg)$/.test(f));

describe("Gambit file formats", () => {
  it.each(gameFiles)("%s: read → write → read → write is stable and keeps every number exact", (name) => {
    const text = readFileSync(join(FIXTURES, name), "utf8");
    const game = readGame(text, name);
    const written = writeGame(game);
    expect(writeGame(readGame(written, name))).toBe(written);
  });

  it("reads rationals and decimals exactly", () => {
    const game = readGame('NFG 1 R "" { "A" "B" } { 1 1 }\n1/3 0.1', "x.nfg");
    expect(game.kind === "nfg" && game.payoff(0, 0).toString()).toBe("1/3");
    expect(game.kind === "nfg" && game.payoff(0, 1).toString()).toBe("1/10");
  });

  it("a missing payoff names file, line, column and what was expected", () => {
    expect(() => readGame('NFG 1 R "t" { "A" "B" } { 2 1 }\n1 2 3', "short.nfg")).toThrow(
      "short.nfg:2:6: expected payoff 2 of profile 2 (4 payoffs in all), found end of file",
    );
  });

  it("a misspelt node type in an .efg points at it", () => {
    const text = 'EFG 2 R "t" { "A" }\n""\n\np "" 1 1 "" { "x" "y" } 0\nt "" 1 "" { 1 }\nq "" 2 "" { 2 }\n';
    expect(() => readGame(text, "bad.efg")).toThrow('bad.efg:6:1: expected a node type "c", "p" or "t", found "q"');
  });

  it("chance probabilities that do not sum to one are refused", () => {
    const text = 'EFG 2 R "t" { "A" }\n""\nc "" 1 "" { "x" 1/2 "y" 1/3 } 0\nt "" 1 "" { 1 }\nt "" 2 "" { 2 }\n';
    expect(() => readGame(text, "c.efg")).toThrow("c.efg:3:11: chance probabilities sum to 5/6, not 1");
  });

  it("an incomplete tree says how many nodes are missing", () => {
    const text = 'EFG 2 R "t" { "A" }\n""\np "" 1 1 "" { "x" "y" } 0\nt "" 1 "" { 1 }\n';
    expect(() => readGame(text, "cut.efg")).toThrow("cut.efg:5:1: expected 1 more node (the tree is incomplete), found end of file");
  });

  it("an unterminated string is located", () => {
    expect(() => readGame('NFG 1 R "open { "A" }', "q.nfg")).toThrow(/q.nfg:1:22: unterminated string|q.nfg:1:\d+: /);
  });

  it("files that are neither NFG nor EFG are refused", () => {
    expect(() => readGame("hello", "h.txt")).toThrow('h.txt:1:1: expected a Gambit game file starting with "NFG" or "EFG"');
  });
});

describe("building trees in code", () => {
  const game = extensiveGame({
    title: "deterrence",
    players: ["Challenger", "Defender"],
    root: chance({
      resolved: ["1/3", decide("Challenger", "c", { attack: decide("Defender", "d-resolved", { fight: leaf([-1, 1]), yield: leaf([1, 0]) }), wait: leaf([0, 0]) })],
      irresolute: ["2/3", decide("Challenger", "c", { attack: decide("Defender", "d-irresolute", { fight: leaf([-1, -1]), yield: leaf([1, 0]) }), wait: leaf([0, 0]) })],
    }),
  });

  it("labels join nodes into information sets; numbers and strings are exact", () => {
    expect(game.infosets.filter((h) => h.player === 1)).toHaveLength(1);
    expect(game.infosets[game.playerInfosets[1][0]].nodes).toHaveLength(2);
    expect(game.infosets[0].probs!.map(String)).toEqual(["1/3", "2/3"]);
  });

  it("a built tree writes as a valid .efg", () => {
    const again = readGame(writeGame(game), "built.efg");
    expect(writeGame(again)).toBe(writeGame(game));
  });

  it("inconsistent labels and bad numbers are input errors", () => {
    expect(() =>
      extensiveGame({ players: ["A"], root: chance({ x: ["1/2", decide("A", "h", { a: leaf([1]) })], y: ["1/2", decide("A", "h", { b: leaf([1]) })] }) }),
    ).toThrow('information set "h" is used with actions [a] and [b]');
    expect(() => extensiveGame({ players: ["A"], root: chance({ x: ["1/2", leaf([1])], y: ["1/3", leaf([1])] }) })).toThrow(
      "chance probabilities 1/2, 1/3 do not sum to 1",
    );
    expect(() => extensiveGame({ players: ["A"], root: decide("B", undefined, { a: leaf([1]) }) })).toThrow('unknown player "B"');
  });

  it("float payoffs mean their decimal: 0.1 is 1/10", () => {
    expect(Rational.from(0.1).toString()).toBe("1/10");
    expect(Rational.from("2.5e-1").toString()).toBe("1/4");
  });
});
