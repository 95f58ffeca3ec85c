/** File names that say what an export holds: scenario, chart, perspective, option and seed. */
import type { ChartSpec } from "./spec.js";

/** Lower case, words joined by "-", nothing a file system or a mail client could trip on. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "chart";
}

/** e.g. "ukraine-settlement-2025_survival_restraint_seed20251.png"; a chart without context keeps its id. */
export function exportFileName(spec: ChartSpec, extension: "png" | "svg" | "csv"): string {
  const c = spec.context;
  if (!c) return `${slug(spec.id)}.${extension}`;
  const parts = [slug(c.subject), slug(c.kind), c.perspective ? slug(c.perspective) : "", c.option ? slug(c.option) : "", c.seed !== undefined ? `seed${c.seed}` : ""];
  return `${parts.filter(Boolean).join("_")}.${extension}`;
}
