/**
 * Every citation of the model's document in the repository resolves: a section mark after its name
 * (§7.5; §4, §6; §4–§7) names a numbered heading of it, a quoted title after its name and a comma
 * names (part of) a heading, and each parameter's description starts with the section that defines it.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PARAMETERS } from "../../src/contract/parameters.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const model = readFileSync(join(root, "docs/MODEL.md"), "utf8");
const headings = model.split("\n").filter((l) => /^#{2,3} /.test(l));
/** "7", "7.5", …: the numbers of the numbered headings */
const numbers = new Set(headings.map((h) => /^#{2,3} (\d+(?:\.\d+)?)[. ]/.exec(h)?.[1]).filter((n) => n !== undefined));

const SCANNED = ["src", "test", "web/src", "docs", "scenarios", "bench", "scripts", "README.md"];
const TEXT = /\.(ts|tsx|js|mjs|md|yaml|yml|html|css)$/;

function files(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (stat.isFile()) return TEXT.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => (name === "node_modules" || name === "dist" ? [] : files(join(path, name))));
}

const SECTION = String.raw`(?:§\d+(?:\.\d+)?|V\d+\.\d+)`;
/** a run of section marks right after "MODEL.md": "§4, §6", "§4–§7", "V2.3" */
const RUN = new RegExp(String.raw`^[ ,]*(${SECTION}(?:(?:\s*[,–-]\s*|\s+and\s+)${SECTION})*)`);
/** a quoted heading title after "MODEL.md" and a comma or space (and an optional section mark) */
const TITLE = new RegExp(String.raw`^(?:,\s*|\s+\(?)(?:${SECTION},?\s*)?"([A-Z][^"]{2,80})"`);

interface Citation {
  where: string;
  cited: string;
}

/** The citations in one file's text; comment continuations are joined so a citation may wrap. */
function citations(path: string): { sections: Citation[]; titles: Citation[] } {
  const text = readFileSync(path, "utf8").replace(/\n\s*(?:\*|\/\/|#)?\s*/g, " ");
  const where = relative(root, path);
  const sections: Citation[] = [];
  const titles: Citation[] = [];
  for (const m of text.matchAll(/MODEL\.md/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const run = RUN.exec(after)?.[1];
    if (run) for (const s of run.matchAll(new RegExp(SECTION, "g"))) sections.push({ where, cited: s[0] });
    const title = TITLE.exec(after)?.[1];
    if (title) titles.push({ where, cited: title });
  }
  return { sections, titles };
}

const all = SCANNED.flatMap((p) => files(join(root, p))).filter((p) => relative(root, p) !== join("docs", "MODEL.md"));
const found = all.map(citations);
const sections = found.flatMap((f) => f.sections);
const titles = found.flatMap((f) => f.titles);

describe("citations of docs/MODEL.md resolve to its headings", () => {
  it("finds the numbered headings and the citations (the scan is not empty)", () => {
    expect(numbers.has("1")).toBe(true);
    expect(sections.length).toBeGreaterThan(50);
  });

  it("every cited section number is a heading of docs/MODEL.md", () => {
    const dangling = sections.filter((c) => !c.cited.startsWith("§") || !numbers.has(c.cited.slice(1)));
    expect(dangling.map((c) => `${c.where}: ${c.cited}`)).toEqual([]);
  });

  it("every cited section title is (part of) a heading of docs/MODEL.md", () => {
    const dangling = titles.filter((c) => !headings.some((h) => h.toLowerCase().includes(c.cited.toLowerCase())));
    expect(dangling.map((c) => `${c.where}: "${c.cited}"`)).toEqual([]);
  });

  it("every parameter's description starts with the section of docs/MODEL.md that defines it", () => {
    const dangling = PARAMETERS.filter((p) => !numbers.has(/^§(\d+) /.exec(p.description)?.[1] ?? "none")).map((p) => `${p.name}: ${p.description}`);
    expect(dangling).toEqual([]);
  });
});
