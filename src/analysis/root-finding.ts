/**
 * Bracketed root finding for the crux finder: where does the difference between two options
 * cross zero as one parameter moves? The function is a simulation average with common random
 * numbers, so it is deterministic for a seed but only piecewise smooth; the Illinois variant
 * of regula falsi (Dowell & Jarratt 1971) with a bisection safeguard is robust to that.
 */

export interface Bracket {
  low: number;
  high: number;
  valueAtLow: number;
  valueAtHigh: number;
}

export interface RootOptions {
  /** stop when the bracket is narrower than this (default 1e-6 of the initial width) */
  tolerance?: number;
  /** most function evaluations (default 60) */
  maxEvaluations?: number;
}

export interface Root {
  root: number;
  /** the final bracket: the root lies in [low, high] for a continuous function */
  bracket: Bracket;
  evaluations: number;
}

/**
 * Illinois regula falsi on a bracket with a sign change: the end that stays put twice running
 * has its value halved. Every third step is a bisection unless the bracket has shrunk by half
 * since the last one, which bounds the work on awkward (e.g. stepwise) functions.
 */
export async function findRoot(f: (x: number) => Promise<number> | number, start: Bracket, options: RootOptions = {}): Promise<Root> {
  let { low, high, valueAtLow, valueAtHigh } = start;
  if (!(low < high)) throw new RangeError(`a bracket needs low < high, got [${low}, ${high}]`);
  if (!(valueAtLow * valueAtHigh <= 0)) throw new RangeError(`no sign change on [${low}, ${high}]`);
  const tolerance = options.tolerance ?? 1e-6 * (high - low);
  const maxEvaluations = options.maxEvaluations ?? 60;
  let evaluations = 0;
  let side = 0;
  let widthAtCheck = high - low;
  while (high - low > tolerance && evaluations < maxEvaluations && valueAtLow !== 0 && valueAtHigh !== 0) {
    let x = (low * valueAtHigh - high * valueAtLow) / (valueAtHigh - valueAtLow);
    if (evaluations % 3 === 2) {
      if (high - low > 0.5 * widthAtCheck) x = (low + high) / 2;
      widthAtCheck = high - low;
    }
    if (!(x > low && x < high)) x = (low + high) / 2;
    const fx = await f(x);
    evaluations++;
    if (fx * valueAtHigh > 0) {
      high = x;
      valueAtHigh = fx;
      if (side === -1) valueAtLow /= 2;
      side = -1;
    } else if (fx * valueAtLow > 0) {
      low = x;
      valueAtLow = fx;
      if (side === 1) valueAtHigh /= 2;
      side = 1;
    } else {
      return { root: x, bracket: { low: x, high: x, valueAtLow: 0, valueAtHigh: 0 }, evaluations };
    }
  }
  if (valueAtLow === 0) return { root: low, bracket: { low, high: low, valueAtLow, valueAtHigh: 0 }, evaluations };
  if (valueAtHigh === 0) return { root: high, bracket: { low: high, high, valueAtLow: 0, valueAtHigh }, evaluations };
  const root = (low * valueAtHigh - high * valueAtLow) / (valueAtHigh - valueAtLow);
  return { root: Math.min(Math.max(root, low), high), bracket: { low, high, valueAtLow, valueAtHigh }, evaluations };
}

/** Consecutive grid points where a tabulated function changes sign (zeros count as a change). */
export function signChanges(xs: ArrayLike<number>, values: ArrayLike<number>): Bracket[] {
  const brackets: Bracket[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = values[i];
    const b = values[i + 1];
    if ((a < 0 && b > 0) || (a > 0 && b < 0) || (a === 0 && b !== 0 && i === 0) || (b === 0 && a !== 0)) {
      brackets.push({ low: xs[i], high: xs[i + 1], valueAtLow: a, valueAtHigh: b });
    }
  }
  return brackets;
}
