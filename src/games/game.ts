/**
 * The game representation in one import: normal-form and extensive-form games, the builder,
 * and the derived forms solvers work on (reduced normal form, sequence form).
 */
import type { ExtensiveFormGame } from "./extensive-form.js";
import type { NormalFormGame } from "./normal-form.js";

export * from "./normal-form.js";
export * from "./extensive-form.js";
export * from "./builder.js";

export type Game = NormalFormGame | ExtensiveFormGame;
