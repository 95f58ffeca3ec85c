import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SobolSequence, SOBOL_MAX_DIMENSION } from "../../src/analysis/sobol-sequence.js";
import { JOE_KUO_ROWS } from "../../src/analysis/sobol-direction-numbers.js";

interface Block {
  dimension: number;
  start: number;
  count: number;
  points: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/analysis/sobol-points.json", import.meta.url), "utf8"),
) as { blocks: Block[] };

describe("Sobol sequence", () => {
  it("starts with the textbook points of the first two dimensions", () => {
    // Gray-code order, e.g. Bratley & Fox (1988) and Joe & Kuo's own generator: 0, 1/2, 3/4|1/4, 1/4|3/4, 3/8|5/8 …
    const seq = new SobolSequence(2);
    const pts = Array.from(seq.take(5));
    expect(pts).toEqual([0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375]);
  });

  it("keeps the first rows of new-joe-kuo-6.21201 exactly as published", () => {
    const rows = JOE_KUO_ROWS.trim().split("\n");
    expect(rows.length).toBe(SOBOL_MAX_DIMENSION - 1);
    // Rows 2, 10, 20 and 31 as printed in the published file.
    expect(rows[0].trim()).toBe("2 1 0 1");
    expect(rows[8].trim()).toBe("10 5 7 1 1 7 11 19");
    expect(rows[18].trim()).toBe("20 7 1 1 3 7 11 23 15 103");
    expect(rows[29].trim()).toBe("31 7 41 1 3 5 13 23 1 55");
  });

  it.each(fixture.blocks.map((b) => [b.dimension, b.start, b.count, b] as const))(
    "matches SciPy's independent generator in %i dimensions from index %i (%i points)",
    (dimension, start, count, block) => {
      const seq = new SobolSequence(dimension);
      seq.seek(start);
      const pts = seq.take(count);
      for (let i = 0; i < count; i++) {
        const row = Array.from(pts.subarray(i * dimension, (i + 1) * dimension), (x) => x * 2 ** 32);
        expect(row).toEqual(block.points[i]);
      }
    },
  );

  it("seeking to an index gives the same point as stepping to it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5000 }), (dimension, index) => {
        const stepped = new SobolSequence(dimension);
        stepped.seek(Math.max(0, index - 7));
        const a = stepped.take(index - Math.max(0, index - 7) + 1).subarray(-dimension);
        const jumped = new SobolSequence(dimension);
        jumped.seek(index);
        expect(Array.from(jumped.take(1))).toEqual(Array.from(a));
      }),
      { numRuns: 50 },
    );
  });

  it("puts exactly one point in each of the 2^m elementary intervals of every coordinate", () => {
    const dimension = 60;
    const m = 10;
    const pts = new SobolSequence(dimension).take(2 ** m);
    for (let d = 0; d < dimension; d++) {
      const seen = new Uint8Array(2 ** m);
      for (let i = 0; i < 2 ** m; i++) seen[Math.floor(pts[i * dimension + d] * 2 ** m)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });

  it("a digital shift keeps the per-coordinate balance and never returns 0 or 1", () => {
    const dimension = 8;
    const m = 8;
    const pts = new SobolSequence(dimension, { shiftSeed: 42 }).take(2 ** m);
    for (let d = 0; d < dimension; d++) {
      const seen = new Uint8Array(2 ** m);
      for (let i = 0; i < 2 ** m; i++) {
        const x = pts[i * dimension + d];
        expect(x > 0 && x < 1).toBe(true);
        seen[Math.floor(x * 2 ** m)]++;
      }
      expect(seen.every((c) => c === 1)).toBe(true);
    }
    const again = new SobolSequence(dimension, { shiftSeed: 42 }).take(2 ** m);
    expect(again).toEqual(pts);
    expect(new SobolSequence(dimension, { shiftSeed: 43 }).take(4)).not.toEqual(pts.subarray(0, 4 * dimension));
  });

  it("rejects dimensions it has no direction numbers for", () => {
    expect(() => new SobolSequence(0)).toThrow(/1\.\.1024/);
    expect(() => new SobolSequence(SOBOL_MAX_DIMENSION + 1)).toThrow(/1\.\.1024/);
  });
});
