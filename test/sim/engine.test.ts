/**
 * The engine's determinism contract: the same numbers for any number of workers, any split of
 * the work and any round structure of a precision run; a failing worker fails the whole run.
 */
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { evaluate, evaluateWithFaults, type TrajectoryRows } from "../../src/sim/evaluate.js";
import type { Progress } from "../../src/contract/result.js";

const scenario = loadScenarioFile("scenarios/ukraine-2025.yaml");
const small = { trajectories: 2500, options: ["ceasefire-only", "nato-membership", "reassurance-force"], perspectives: ["baseline", "restraint"] };

describe("parallel evaluation", () => {
  it("gives bit-identical results with 1, 2 and 3 workers", async () => {
    const one = await evaluate(scenario, { ...small, workers: 1 });
    const two = await evaluate(scenario, { ...small, workers: 2 });
    const three = await evaluate(scenario, { ...small, workers: 3 });
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it("gives bit-identical results in monthly mode across workers", async () => {
    const opts = { ...small, trajectories: 1500, mode: "monthly" as const };
    expect(await evaluate(scenario, { ...opts, workers: 2 })).toEqual(await evaluate(scenario, { ...opts, workers: 1 }));
  });

  it("fails the whole run with a clear error when a worker throws, and never reports completion", async () => {
    const seen: Progress[] = [];
    await expect(evaluateWithFaults(scenario, { ...small, trajectories: 6000, workers: 2, onProgress: (p) => seen.push(p) }, { failAtBlock: 3 })).rejects.toThrow(
      /simulation worker failed on block 3 .*injected failure/,
    );
    expect(seen.every((p) => p.done < p.total)).toBe(true);
  });

  it("fails the same way without workers", async () => {
    await expect(evaluateWithFaults(scenario, { ...small, trajectories: 6000, workers: 1 }, { failAtBlock: 3 })).rejects.toThrow(/injected failure in block 3/);
  });
});

describe("splitting the work", () => {
  it("simulates trajectory i the same whatever the total count or the split into blocks", async () => {
    const collect = async (trajectories: number, workers: number) => {
      const rows: TrajectoryRows[] = [];
      await evaluate(scenario, { ...small, trajectories, workers, onTrajectories: (r) => rows.push({ ...r, rows: r.rows.map((a) => a.slice()) }) });
      return rows;
    };
    const long = await collect(3000, 2);
    const short = await collect(1100, 1);
    // block 0 is whole in both runs; block 1 holds 952 trajectories in one and 76 in the other
    const pick = (rows: TrajectoryRows[], p: string, first: number) => rows.find((r) => r.perspective === p && r.first === first)!;
    for (const p of small.perspectives) {
      expect(pick(short, p, 0).rows).toEqual(pick(long, p, 0).rows);
      const a = pick(short, p, 1024);
      const b = pick(long, p, 1024);
      a.rows.forEach((rows, o) => expect(Array.from(rows)).toEqual(Array.from(b.rows[o].subarray(0, rows.length))));
    }
  });

  it("delivers per-trajectory rows in trajectory order", async () => {
    const firsts: number[] = [];
    await evaluate(scenario, { ...small, perspectives: ["baseline"], trajectories: 5000, workers: 3, onTrajectories: (r) => firsts.push(r.first) });
    expect(firsts).toEqual([0, 1024, 2048, 3072, 4096]);
  });

  it("a precision run equals a fixed run of the count it stopped at", async () => {
    const opts = { options: ["ceasefire-only"], perspectives: ["baseline"] };
    const converged = await evaluate(scenario, { ...opts, trajectories: 1024, precision: 0.012, workers: 2 });
    expect(converged.precision?.converged).toBe(true);
    expect(converged.precision!.reached).toBeLessThanOrEqual(0.012);
    expect(converged.trajectories).toBeGreaterThan(1024);
    const fixed = await evaluate(scenario, { ...opts, trajectories: converged.trajectories, workers: 1 });
    expect(converged.results).toEqual(fixed.results);
  });

  it("reports a precision it could not reach within the cap", async () => {
    const r = await evaluate(scenario, { options: ["ceasefire-only"], perspectives: ["baseline"], trajectories: 1024, precision: 0.001, maxTrajectories: 3000 });
    expect(r.trajectories).toBe(3000);
    expect(r.precision).toMatchObject({ target: 0.001, converged: false, maxTrajectories: 3000 });
    expect(r.precision!.reached).toBeGreaterThan(0.001);
  });

  it("sends running estimates with progress", async () => {
    const seen: Progress[] = [];
    await evaluate(scenario, { ...small, trajectories: 2048, onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    expect(last.done).toBe(last.total);
    expect(last.estimates).toHaveLength(small.options.length * small.perspectives.length);
    expect(last.estimates![0].trajectories).toBe(2048);
  });
});

describe("standard errors", () => {
  it("shrink like 1/√n in the event-driven mode", async () => {
    const at = async (trajectories: number) =>
      (await evaluate(scenario, { options: ["ceasefire-only"], perspectives: ["baseline"], trajectories, workers: 2 })).results[0].outcomes.p_sphere_at_horizon;
    const few = await at(2048);
    const many = await at(32768);
    // SE = s/√n, so SE(n)/SE(16n) = 4·s(n)/s(16n). For a Bernoulli outcome s = √(p(1−p)); the delta
    // method gives sd(ŝ)/s = |1 − 2p|/(2√(n·p(1−p))), at most 1/√(4np(1−p)): five of those bound the ratio.
    const p = many.mean;
    const relativeSd = Math.abs(1 - 2 * p) / (2 * Math.sqrt(2048 * p * (1 - p)));
    expect(few.se / many.se).toBeGreaterThan(4 * (1 - 5 * relativeSd));
    expect(few.se / many.se).toBeLessThan(4 * (1 + 5 * relativeSd));
  });
});

describe("random streams", () => {
  it("a Stream object draws the same sequence as nextUniform on the seeded state", async () => {
    const { nextUniform, seedStream, Stream } = await import("../../src/math/random.js");
    const state = new Uint32Array(4);
    seedStream(state, 0, 20251, 77, 0xfeed);
    const stream = new Stream(20251, 77, 0xfeed);
    const fromState = Array.from({ length: 100 }, () => nextUniform(state, 0));
    expect(Array.from({ length: 100 }, () => stream.next())).toEqual(fromState);
    stream.restore(Uint32Array.of(1, 2, 3, 4), 0);
    const fixed = Uint32Array.of(1, 2, 3, 4);
    expect([stream.next(), stream.next()]).toEqual([nextUniform(fixed, 0), nextUniform(fixed, 0)]);
  });

  it("a keyed uniform from the trajectory's shared prefix is the hash of all its words", async () => {
    const { hashWords, uniformAt, seedStream } = await import("../../src/math/random.js");
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [20251, 7, 0xdeadbeef],
      [2 ** 32 - 1, 123456, 42],
    ];
    for (const [seed, trajectory, key] of cases) {
      expect(uniformAt(seed, trajectory, key)).toBe((hashWords(seed, trajectory, key, 0x2545f491) + 0.5) / 2 ** 32);
      const state = new Uint32Array(4);
      seedStream(state, 0, seed, trajectory, key);
      expect([...state]).toEqual([1, 2, 3, 4].map((w) => hashWords(seed, trajectory, key, w)));
    }
  });
});
