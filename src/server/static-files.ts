/**
 * The built web app (web/dist), read into memory once at start-up. Requests look files up in
 * this table by exact URL path, so no part of a request ever becomes a file-system path.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** hashed asset names never change content: cache them for good */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** URL path ("/", "/assets/index-abc.js") → file. Empty when the app has not been built. */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && TYPES[extname(entry.name)]) {
        const urlPath = `/${relative(root, full).split(sep).join("/")}`;
        files.set(urlPath, {
          body: readFileSync(full),
          contentType: TYPES[extname(entry.name)],
          immutable: urlPath.startsWith("/assets/"),
        });
      }
    }
  };
  walk(root);
  const index = files.get("/index.html");
  if (index) files.set("/", index);
  return files;
}
