// Lint configuration: ESLint's recommended rules plus typescript-eslint's, without type information (fast),
// and the import-boundary rule of docs/ARCHITECTURE.md: a layer imports only from the layers below it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The folders of src/, bottom to top (docs/ARCHITECTURE.md). src/errors.ts sits below them all. */
const LAYERS = ["io", "math", "contract", "games", "scenario", "models", "sim", "analysis", "evidence", "store", "queue", "report", "server", "cli"];

/**
 * What src/ may import from the web app: nothing, except that the report (src/report/) draws its
 * charts with the web app's pure chart specs and SVG renderer and formats with its pure helpers,
 * which import only src/contract/ (docs/ARCHITECTURE.md).
 */
const WEB_FOR_REPORT = "web/(?!src/(charts/[a-z-]+|outcomes|summary)\\.js$)";
const WEB_FOR_OTHERS = "web/";

/** For each layer, a rule that rejects a relative import reaching any layer above it, or the web app. */
function layerBoundaries() {
  return LAYERS.map((layer, rank) => {
    const above = LAYERS.slice(rank + 1);
    const web = layer === "report" ? WEB_FOR_REPORT : WEB_FOR_OTHERS;
    return {
      files: [`src/${layer}/**/*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: `^(\\.\\./)+((${above.join("|")})/|${web})`,
                message: `src/${layer}/ may import only from the layers below it (docs/ARCHITECTURE.md): ${LAYERS.slice(0, rank).join(", ") || "none"}, and src/errors.ts; ${layer === "report" ? "of the web app only its pure chart and format modules" : "never the web app"}.`,
              },
            ],
          },
        ],
      },
    };
  });
}

/** The web app imports only the shared contract, src/contract/ (docs/ARCHITECTURE.md). */
const webBoundary = {
  files: ["web/src/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `^(\\.\\./)+src/(?!contract/)`,
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
