/**
 * Size limits of games read from files, checked while reading and before anything of that size
 * is allocated, so a short file declaring a huge game is refused at once (docs/GAMES.md, "Limits").
 */

/** Players of one game. */
export const MAX_PLAYERS = 100;
/** Pure-strategy profiles of a strategic game read from a file. */
export const MAX_NFG_PROFILES = 2_000_000;
/** Nodes of a game tree read from a file. */
export const MAX_TREE_NODES = 1_000_000;
/** Profiles × players (strategic) or nodes × (players + 1) (extensive): the size of the payoff and sequence tables. */
export const MAX_TABLE_ENTRIES = 20_000_000;
