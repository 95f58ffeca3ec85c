// Lint configuration: ESLint's recommended rules plus typescript-eslint's, without type information (fast),
// and the import-boundary rule of docs/ARCHITECTURE.md: a layer imports only from the layers below it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The folders of src/, bottom to top (docs/ARCHITECTURE.md). src/errors.ts sits below them all. */
const LAYERS = ["io", "math", "contract", "games", "scenario", "models", "sim", "analysis", "evidence", "store", "queue", "server", "cli"];

/** For each layer, a rule that rejects a relative import reaching any layer above it. */
function layerBoundaries() {
  return LAYERS.map((layer, rank) => {
    const above = LAYERS.slice(rank + 1);
    return {
      files: [`src/${layer}/**/*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: `^(\\.\\./)+(${above.join("|")})/`,
                message: `src/${layer}/ may import only from the layers below it (docs/ARCHITECTURE.md): ${LAYERS.slice(0, rank).join(", ") || "none"}, and src/errors.ts.`,
              },
            ],
          },
        ],
      },
    };
  });
}

/**
 * The web app imports only the shared contract (src/contract/). The listed modules are the web
 * app's remaining type imports of server, store and analysis internals, allowed until their types
 * move into src/contract/; do not add to the list.
 */
const WEB_PENDING = ["server/evidence-api", "server/analysis-jobs", "analysis/index"];
const webBoundary = {
  files: ["web/src/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `^(\\.\\./)+src/(?!contract/|(${WEB_PENDING.join("|")})\\.js$)`,
            message: "the web app imports only the shared contract, src/contract/ (docs/ARCHITECTURE.md).",
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "web/dist/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  ...layerBoundaries(),
  webBoundary,
);
