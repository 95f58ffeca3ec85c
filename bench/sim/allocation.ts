/**
 * Does the simulators' hot loop allocate? Garbage collections are counted (performance
 * observer) while the same block of trajectories is simulated over and over into one aggregate:
 * an allocation-free loop triggers none, whatever the number of trajectories.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import { Aggregate } from "../../src/sim/aggregate.js";
import { BlockRunner } from "../../src/sim/blocks.js";
import { BLOCK_SIZE } from "../../src/sim/plan.js";
import type { Scenario } from "../../src/scenario/load.js";

const REPEATS = 200;

function collections(mode: "event" | "monthly", scenario: Scenario): Promise<{ gcs: number; trajectories: number }> {
  const runner = new BlockRunner({ scenario, planOptions: { mode, perspectives: ["baseline"], trajectories: BLOCK_SIZE }, keepRows: false });
  runner.run({ block: 0 }, BLOCK_SIZE);
  const agg = new Aggregate(runner.plan.months);
  const options = runner.plan.options.length;
  for (let o = 0; o < options; o++) runner.simulateOnly(o, BLOCK_SIZE, agg); // warm-up
  return new Promise((resolve) => {
    let gcs = 0;
    const observer = new PerformanceObserver((list) => (gcs += list.getEntries().length));
    observer.observe({ entryTypes: ["gc"] });
    for (let r = 0; r < REPEATS; r++) runner.simulateOnly(r % options, BLOCK_SIZE, agg);
    // gc entries are delivered asynchronously
    setTimeout(() => {
      observer.disconnect();
      resolve({ gcs, trajectories: REPEATS * BLOCK_SIZE });
    }, 100);
  });
}

export async function garbageCollectionsPerTrajectory(scenario: Scenario): Promise<string> {
  const parts: string[] = [];
  for (const mode of ["monthly", "event"] as const) {
    const { gcs, trajectories } = await collections(mode, scenario);
    parts.push(`${mode}: ${gcs} garbage collections in ${trajectories.toLocaleString("en-US")} trajectories`);
  }
  return parts.join("; ");
}

const newSpaceUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_used_size ?? NaN;

/**
 * Bytes the event simulator leaves in the young generation per trajectory, by option: the growth
 * of the new space over 400 trajectories, the smallest of five tries (a try that a scavenge
 * interrupted shows a drop and is discarded).
 */
export function youngBytesPerTrajectory(scenario: Scenario): string {
  const runner = new BlockRunner({ scenario, planOptions: { perspectives: ["baseline"], trajectories: BLOCK_SIZE }, keepRows: false });
  runner.run({ block: 0 }, BLOCK_SIZE);
  const agg = new Aggregate(runner.plan.months);
  const options = runner.plan.options;
  for (let r = 0; r < 4 * options.length; r++) runner.simulateOnly(r % options.length, BLOCK_SIZE, agg); // warm-up
  return options
    .map((option, o) => {
      let best = Infinity;
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = newSpaceUsed();
        runner.simulateOnly(o, 400, agg);
        const grown = newSpaceUsed() - before;
        if (grown >= 0) best = Math.min(best, grown / 400);
      }
      return `${option.id} ${Number.isFinite(best) ? best.toFixed(0) : "?"}`;
    })
    .join(", ");
}
