/**
 * `--trajectories-out file.csv`: every trajectory's values, written as the blocks arrive (in
 * trajectory order), so memory stays flat however many trajectories a run has. Rows are ordered
 * by perspective, then trajectory, then option: the same world under each option side by side.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { InputError } from "../errors.js";
import { describeFileError } from "../store/file-errors.js";
import { ROW_WIDTH, TRAJECTORY_VALUES } from "../sim/aggregate.js";
import type { TrajectoryRows } from "../sim/evaluate.js";

export const TRAJECTORY_COLUMNS = ["perspective", "trajectory", "option", ...TRAJECTORY_VALUES, "first_war_month"] as const;

export interface TrajectoryWriter {
  write: (rows: TrajectoryRows) => void;
  close: () => void;
}

export function trajectoryWriter(path: string): TrajectoryWriter {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (e) {
    throw new InputError(`--trajectories-out: ${describeFileError(e, path, "write")}`);
  }
  // a full disk or a vanished device fails a write: say which file and why, and stop the run
  const write = (text: string) => {
    try {
      writeSync(fd, text);
    } catch (e) {
      throw new InputError(`--trajectories-out: ${describeFileError(e, path, "write")}`);
    }
  };
  write(TRAJECTORY_COLUMNS.join(",") + "\n");
  return {
    write({ perspective, first, count, options, rows }) {
      const lines: string[] = [];
      for (let i = 0; i < count; i++)
        options.forEach((option, o) => {
          const r = rows[o].subarray(i * ROW_WIDTH, (i + 1) * ROW_WIDTH);
          lines.push(`${perspective},${first + i},${option},${Array.from(r, (x) => String(x)).join(",")}`);
        });
      write(lines.join("\n") + "\n");
    },
    close: () => closeSync(fd),
  };
}
