/**
 * A progress bar on stderr, drawn only when stderr is a terminal (never in pipes, files or CI).
 */
import type { Progress } from "../sim/result.js";

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update: (p: Progress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const start = Date.now();
  let last = -1;
  const width = 30;
  return {
    update: ({ done, total }) => {
      const frac = total > 0 ? done / total : 1;
      const pct = Math.floor(frac * 100);
      if (pct === last) return;
      last = pct;
      const filled = Math.round(frac * width);
      const elapsed = (Date.now() - start) / 1000;
      const eta = frac > 0 ? elapsed * (1 / frac - 1) : 0;
      stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(pct).padStart(3)}%  ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}  eta ${eta.toFixed(0)}s `);
    },
    done: () => stream.write("\r\x1b[2K"),
  };
}
