/** Loads the R-generated reference fixtures of test/fixtures/evidence/ (see the README there). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "fixtures", "evidence");

export function fixtureJson<T>(topic: string, file: string): T {
  return JSON.parse(readFileSync(join(root, topic, file), "utf8")) as T;
}

/** A numeric CSV fixture as columns keyed by header name. */
export function fixtureCsv(topic: string, file: string): Record<string, number[]> {
  const [header, ...rows] = readFileSync(join(root, topic, file), "utf8").trim().split("\n");
  const names = header.split(",");
  const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const row of rows) row.split(",").forEach((cell, j) => columns[names[j]].push(Number(cell)));
  return columns;
}

/** |actual − expected| ≤ tolerance·max(1, |expected|), element-wise; null in a fixture means NA/NaN. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tolerance = 1e-8, what = ""): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} ≠ expected ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      if (!Number.isNaN(a) && Number.isFinite(a)) throw new Error(`${what}[${i}]: expected NA, got ${a}`);
      continue;
    }
    if (!(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)))) {
      throw new Error(`${what}[${i}]: got ${a}, expected ${e} (difference ${Math.abs(a - e)})`);
    }
  }
}
