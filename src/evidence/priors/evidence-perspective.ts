/**
 * The bundled scenario's `evidence` perspective is the registry's parameter priors, nothing else:
 * this rewrites the overrides of that one block of a scenario file from the registry
 * (`guarantor calibrate --write`), splicing lines so that every other line stays as it is.
 */
import { InputError } from "../../errors.js";
import type { Distribution } from "./registry.js";

/** One override line; JSON strings are valid YAML double-quoted scalars. */
function overrideLine(name: string, p: Distribution & { source: string }): string {
  return `      ${name}: { dist: ${p.dist}, mean: ${p.mean}, sd: ${p.sd}, source: ${JSON.stringify(p.source)} }`;
}

export function withEvidencePerspective(text: string, overrides: Record<string, Distribution & { source: string }>): string {
  const lines = text.split("\n");
  const perspectives = lines.findIndex((l) => l === "perspectives:");
  const evidence = lines.findIndex((l, i) => i > perspectives && l === "  evidence:");
  const block = lines.findIndex((l, i) => i > evidence && l === "    overrides:");
  const nextAtOrAbove = (from: number, indent: number) => {
    const found = lines.findIndex((l, i) => i > from && l.trim() !== "" && !l.trimStart().startsWith("#") && l.length - l.trimStart().length <= indent);
    return found === -1 ? lines.length : found;
  };
  if (perspectives < 0 || evidence < 0 || block < 0 || block > nextAtOrAbove(evidence, 2)) {
    throw new InputError("scenario has no perspectives.evidence.overrides block (two-space indentation) to update");
  }
  let end = nextAtOrAbove(block, 4);
  while (end > block + 1 && lines[end - 1].trim() === "") end--;
  const replacement = Object.entries(overrides).map(([name, p]) => overrideLine(name, p));
  return [...lines.slice(0, block + 1), ...replacement, ...lines.slice(end)].join("\n");
}
