// Builds the browser app into web/dist, served by `guarantor serve`; everything is bundled (no CDN).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // no inline polyfill script: the server's CSP allows only scripts from 'self'
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
    // one page per view; each is its own entry, sharing the chart and API modules
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("index.html", import.meta.url)),
        evidence: fileURLToPath(new URL("evidence.html", import.meta.url)),
        analysis: fileURLToPath(new URL("analysis.html", import.meta.url)),
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:7300", "/openapi.json": "http://127.0.0.1:7300" } },
});
