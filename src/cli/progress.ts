/**
 * A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, files or CI).
 */
import type { Progress, ProgressEstimate } from "../contract/result.js";

/** The option with the lowest loss so far under the first perspective, as a one-line hint. */
function leader(estimates: ProgressEstimate[] | undefined): string {
  if (!estimates || estimates.length === 0) return "";
  const first = estimates.filter((e) => e.perspective === estimates[0].perspective);
  const best = first.reduce((a, b) => (b.loss.mean < a.loss.mean ? b : a));
  return `  best so far (${best.perspective}): ${best.option} ${best.loss.mean.toFixed(2)}±${best.loss.se.toFixed(2)}`;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update: (p: Progress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = -1;
  const width = 30;
  return {
    update: ({ done, total, estimates }) => {
      const frac = total > 0 ? done / total : 1;
      const pct = Math.floor(frac * 100);
      if (pct === last) return;
      last = pct;
      const filled = Math.round(frac * width);
      const elapsed = (Date.now() - start) / 1000;
      const eta = frac > 0 ? elapsed * (1 / frac - 1) : 0;
      stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(pct).padStart(3)}%  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}  eta ${eta.toFixed(0)}s${leader(estimates)} `);
    },
    done: () => stream.write("\r\x1b[2K"),
  };
}
