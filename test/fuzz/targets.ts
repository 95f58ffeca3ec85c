/**
 * The fuzz targets `npm run fuzz` runs: name → module (relative to this file) that exports
 * `target: FuzzTarget`. Adding a target is one line here.
 */
export const TARGET_MODULES: Record<string, string> = {
  scenario: "./scenario.js",
  games: "./games.js",
  http: "./http.js",
};
