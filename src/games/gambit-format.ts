/**
 * Reading and writing Gambit's file formats: .nfg (strategic games) and .efg (extensive games,
 * "EFG 2 R"). The kind is taken from the file's first word, so a misnamed file still reads.
 */
import { InputError } from "../errors.js";
import { readEfg, writeEfg } from "./efg-format.js";
import type { Game } from "./game.js";
import { readNfg, writeNfg } from "./nfg-format.js";
import { readTextFileCapped } from "../io/read-file.js";

export { readEfg, writeEfg, readNfg, writeNfg };

/** Parses a .nfg or .efg text; `file` names it in error messages. */
export function readGame(text: string, file = "<game>"): Game {
  const first = /^\s*([A-Za-z]+)/.exec(text)?.[1];
  if (first === "NFG") return readNfg(text, file);
  if (first === "EFG") return readEfg(text, file);
  throw new InputError(`${file}:1:1: expected a Gambit game file starting with "NFG" or "EFG"`);
}

/** Largest game file read (docs/GAMES.md, "Limits"): devices and pipes are cut off here too. */
export const MAX_GAME_FILE_BYTES = 16 * 1024 * 1024;

export function readGameFile(path: string): Game {
  return readGame(readTextFileCapped(path, MAX_GAME_FILE_BYTES, "game file"), path);
}

export function writeGame(game: Game): string {
  return game.kind === "nfg" ? writeNfg(game) : writeEfg(game);
}
