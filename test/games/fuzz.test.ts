import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { readGame } from "../../src/games/gambit-format.js";
import { fuzzGames } from "../fuzz/games.js";

/** Reading either gives a game or an InputError with a file:line:column message; nothing else. */
function readsOrRefuses(text: string): boolean {
  try {
    readGame(text, "f");
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return /^f(:\d+:\d+)?: /.test(e.message);
  }
}

describe("fuzzing the game readers and solvers", () => {
  it("arbitrary text after a valid header is read or refused with a located message", () => {
    const header = fc.constantFrom("NFG 1 R ", "NFG 1 D ", "EFG 2 R ", "EFG 2 D ", "");
    const body = fc.array(fc.constantFrom('"a"', "{", "}", ",", "1", "-2", "1/3", "0", "p", "t", "c", "\n", " ", '"', "\\"), { maxLength: 60 });
    fc.assert(
      fc.property(header, body, fc.string({ maxLength: 20 }), (h, parts, tail) => readsOrRefuses(h + parts.join(" ") + tail)),
      { numRuns: 300, seed: 14 },
    );
  });

  it("mutated and random game files: no crash, no hang, every reported equilibrium checks out", () => {
    const counts = fuzzGames(25);
    expect(counts.examples).toEqual([]);
    expect(counts).toMatchObject({ crashed: 0, hung: 0 });
    expect(counts.tried).toBeGreaterThan(25);
    expect(counts.refused).toBeGreaterThan(0);
  });
});
