/**
 * Single-thread throughput of the simulators: trajectory-months per second on one core, for
 * the bundled scenario's baseline priors under every option, each run bounded in time. Whole
 * blocks are run as an evaluation runs them, so the event mode's shared rejected paths count.
 */
import { performance } from "node:perf_hooks";
import { BlockRunner } from "../../src/sim/blocks.js";
import { BLOCK_SIZE, type SimulationMode } from "../../src/sim/plan.js";
import type { Scenario } from "../../src/scenario/load.js";

export interface Throughput {
  mode: SimulationMode;
  trajectoryMonthsPerSecond: number;
  trajectoriesPerSecond: number;
  /** the same per second of this thread's CPU time: less sensitive to a shared machine */
  trajectoryMonthsPerCpuSecond: number;
  blocks: number;
}

/** Run whole blocks until `seconds` have passed (at least one); trajectory-months per second. */
export function measureThroughput(scenario: Scenario, mode: SimulationMode, seconds: number, firstBlock = 0): Throughput {
  const runner = new BlockRunner({ scenario, planOptions: { mode, perspectives: ["baseline"], trajectories: 1e8 }, keepRows: false });
  const months = runner.plan.months;
  const options = runner.plan.options.length;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let blocks = 0;
  while (blocks === 0 || performance.now() - start < seconds * 1000) {
    runner.run({ block: firstBlock + blocks }, 1e8);
    blocks++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const trajectories = blocks * BLOCK_SIZE * options;
  return {
    mode,
    blocks,
    trajectoriesPerSecond: trajectories / elapsed,
    trajectoryMonthsPerSecond: (trajectories * months) / elapsed,
    trajectoryMonthsPerCpuSecond: (trajectories * months) / cpuSeconds,
  };
}
