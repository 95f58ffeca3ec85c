/**
 * Where guarantor's own files are (package root, built web app, bundled scenarios) and its
 * version, found from this module's location so it works from src/ and from dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | null = null;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (true) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string };
      if (name === "guarantor") return (cached = { root: dir, version });
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("guarantor's package.json was not found above its own modules");
    dir = parent;
  }
}

export const webRoot = (): string => join(packageInfo().root, "web", "dist");
export const bundledScenarioPath = (): string => join(packageInfo().root, "scenarios", "ukraine-2025.yaml");
