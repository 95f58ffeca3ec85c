/**
 * Special functions and quantile functions for the priors. Parameters are drawn by inverse
 * transform, θ = F⁻¹(u), so the same uniform u gives coupled draws under different priors
 * (perspectives, sensitivity points): the basis of common random numbers across them.
 */

const SQRT_2PI = 2.5066282746310002;

/**
 * Standard normal CDF Φ(x), double precision (Hart 1968, algorithm 5666, in the form given by
 * G. West 2005, "Better approximations to cumulative normal functions", Wilmott).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let c: number;
  if (z > 37) {
    c = 0;
  } else {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let num = 3.52624965998911e-2 * z + 0.700383064443688;
      num = num * z + 6.37396220353165;
      num = num * z + 33.912866078383;
      num = num * z + 112.079291497871;
      num = num * z + 221.213596169931;
      num = num * z + 220.206867912376;
      let den = 8.83883476483184e-2 * z + 1.75566716318264;
      den = den * z + 16.064177579207;
      den = den * z + 86.7807322029461;
      den = den * z + 296.564248779674;
      den = den * z + 637.333633378831;
      den = den * z + 793.826512519948;
      den = den * z + 440.413735824752;
      c = (e * num) / den;
    } else {
      let b = z + 0.65;
      b = z + 4 / b;
      b = z + 3 / b;
      b = z + 2 / b;
      b = z + 1 / b;
      c = e / b / SQRT_2PI;
    }
  }
  return x > 0 ? 1 - c : c;
}

const ACKLAM_A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const ACKLAM_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const ACKLAM_C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * Standard normal quantile Φ⁻¹(p): P. J. Acklam's rational approximation (relative error
 * < 1.2e-9) refined by one Halley step on Φ, which brings it to double precision.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const pLow = 0.02425;
  let x: number;
  if (p < pLow || p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(p < pLow ? p : 1 - p));
    const num = ((((ACKLAM_C[0] * q + ACKLAM_C[1]) * q + ACKLAM_C[2]) * q + ACKLAM_C[3]) * q + ACKLAM_C[4]) * q + ACKLAM_C[5];
    const den = (((ACKLAM_D[0] * q + ACKLAM_D[1]) * q + ACKLAM_D[2]) * q + ACKLAM_D[3]) * q + 1;
    x = p < pLow ? num / den : -num / den;
  } else {
    const q = p - 0.5;
    const r = q * q;
    const num = (((((ACKLAM_A[0] * r + ACKLAM_A[1]) * r + ACKLAM_A[2]) * r + ACKLAM_A[3]) * r + ACKLAM_A[4]) * r + ACKLAM_A[5]) * q;
    const den = ((((ACKLAM_B[0] * r + ACKLAM_B[1]) * r + ACKLAM_B[2]) * r + ACKLAM_B[3]) * r + ACKLAM_B[4]) * r + 1;
    x = num / den;
  }
  // Halley refinement; for the upper half work with the upper tail to keep relative precision
  const e = x > 0 ? -(normalCdf(-x) - (1 - p)) : normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** Continued fraction for the incomplete beta (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaWithLnB(x, a, b, logGamma(a) + logGamma(b) - logGamma(a + b));
}

/** I_x(a, b) given ln B(a, b), so that a quantile search computes the beta function once. */
function incompleteBetaWithLnB(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnB;
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Regularised lower incomplete gamma P(a, x) (series or continued fraction, NR §6.2). */
export function incompleteGamma(a: number, x: number): number {
  return incompleteGammaWithLnG(a, x, logGamma(a));
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail. */
export function upperIncompleteGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number, lnGammaA = logGamma(a)): number {
  const lnFront = a * Math.log(x) - x - lnGammaA;
  let sum = 1 / a;
  let term = sum;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(lnFront);
}

/** Q(a, x) by Lentz's continued fraction, for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number, lnGammaA = logGamma(a)): number {
  const lnFront = a * Math.log(x) - x - lnGammaA;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(lnFront) * h;
}

/** P(a, x) given ln Γ(a), so that a quantile search computes the gamma function once. */
function incompleteGammaWithLnG(a: number, x: number, lnGammaA: number): number {
  if (x <= 0) return 0;
  if (x < a + 1) return gammaSeries(a, x, lnGammaA);
  return 1 - gammaContinuedFraction(a, x, lnGammaA);
}

/**
 * Invert a continuous increasing CDF on [lo, hi] by safeguarded Newton: a Newton step when it
 * stays inside the current bracket, bisection otherwise. `logDensity` is ln f(x).
 */
function invertCdf(
  p: number,
  cdf: (x: number) => number,
  logDensity: (x: number) => number,
  start: number,
  lo: number,
  hi: number,
): number {
  let x = Math.min(Math.max(start, lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const step = f / Math.exp(logDensity(x));
    let next = x - step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : Math.max(2 * x, 1);
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x) || hi - lo <= 1e-15 * Math.abs(lo)) return next;
    x = next;
  }
  return x;
}

/** Quantile of Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
  // in the tails F(x) ≈ x^a/(a·B) near 0 and 1 − (1−x)^b/(b·B) near 1 give good starting points
  const mean = a / (a + b);
  const lowTail = Math.exp((Math.log(p * a) + lnB) / a);
  const highTail = 1 - Math.exp((Math.log((1 - p) * b) + lnB) / b);
  const start = lowTail < mean ? lowTail : highTail > mean ? highTail : mean;
  return invertCdf(
    p,
    (x) => incompleteBetaWithLnB(x, a, b, lnB),
    (x) => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB,
    start,
    0,
    1,
  );
}

/** Quantile of Gamma(shape k, scale θ). */
export function gammaQuantile(p: number, shape: number, scale: number): number {
  const lnG = logGamma(shape);
  // Wilson–Hilferty starting point
  const z = normalQuantile(p);
  const wh = shape * Math.pow(1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape)), 3);
  const start = wh > 0 ? wh : shape * 0.5;
  const x = invertCdf(
    p,
    (t) => incompleteGammaWithLnG(shape, t, lnG),
    (t) => (shape - 1) * Math.log(t) - t - lnG,
    start,
    0,
    Infinity,
  );
  return x * scale;
}

/** The quantile tables hold Q(i/QUANTILE_GRID), i = 0 … QUANTILE_GRID. */
const QUANTILE_GRID = 256;

/** A continuous distribution as Newton's method needs it: F, ln f and (ln f)′. */
interface Cdf {
  cdf(x: number): number;
  logDensity(x: number): number;
  logDensitySlope(x: number): number;
}

/**
 * The quintic polynomial on t ∈ [0, 1] with value y, first derivative d and second derivative c
 * given at both ends (0 and 1), at t.
 */
export function quinticHermite(y0: number, d0: number, c0: number, y1: number, d1: number, c1: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  const s = 1 - t;
  const toEnd = t3 * (10 - 15 * t + 6 * t2);
  return (
    (1 - toEnd) * y0 + (t - t3 * (6 - 8 * t + 3 * t2)) * d0 + 0.5 * t2 * s * s * s * c0 + 0.5 * t3 * s * s * c1 - t3 * (4 - 7 * t + 3 * t2) * d1 + toEnd * y1
  );
}

/** Relative error a grid cell's interpolant may show at its check points to be used as it is. */
const CELL_TOLERANCE = 1e-13;
/** Where in a cell the interpolant is checked, as fractions of the cell. */
const CELL_CHECKS = [0.2, 0.5, 0.8];

/**
 * A quantile function for a distribution whose CDF is costly (an incomplete beta or gamma
 * function), for drawing millions of values from one prior. Q is tabulated once at u = i/N with
 * its first two derivatives, Q′ = 1/f and Q″ = −(ln f)′·Q′², and interpolated by the quintic
 * Hermite polynomial of its grid cell. Each cell is checked once at three points: one Newton
 * step on the CDF from the interpolant, δ = (F(x) − u)/f(x), measures its error. Where every
 * |δ| ≤ 1e-13·|x| the interpolant is the draw; elsewhere (and in the outermost cells, where Q
 * may be singular) Newton's method finishes from it inside the cell, which brackets the root.
 */
function tabulatedQuantile(exact: (p: number) => number, d: Cdf): (p: number) => number {
  const N = QUANTILE_GRID;
  const xs = new Float64Array(N + 1);
  const first = new Float64Array(N + 1); // Q′ times the cell width
  const second = new Float64Array(N + 1); // Q″ times its square
  for (let i = 1; i < N; i++) {
    const x = exact(i / N);
    const slope = Math.exp(-d.logDensity(x));
    xs[i] = x;
    first[i] = slope / N;
    second[i] = (-d.logDensitySlope(x) * slope * slope) / (N * N);
  }
  const interpolate = (i: number, t: number): number => quinticHermite(xs[i], first[i], second[i], xs[i + 1], first[i + 1], second[i + 1], t);
  const exactEnough = new Uint8Array(N);
  for (let i = 1; i < N - 1; i++) {
    exactEnough[i] = CELL_CHECKS.every((t) => {
      const x = interpolate(i, t);
      const delta = (d.cdf(x) - (i + t) / N) / Math.exp(d.logDensity(x));
      return Math.abs(delta) <= CELL_TOLERANCE * Math.abs(x);
    })
      ? 1
      : 0;
  }
  return (p) => {
    const position = p * N;
    const i = Math.floor(position);
    if (!(i >= 1 && i < N - 1)) return exact(p);
    const x = interpolate(i, position - i);
    if (exactEnough[i]) return x;
    const lo = xs[i];
    const hi = xs[i + 1];
    return newtonInBracket(p, d, x > lo && x < hi ? x : 0.5 * (lo + hi), lo, hi);
  };
}

/**
 * Solve F(x) = p on [lo, hi] ∋ root by Newton's method with bisection as the safeguard. Near a
 * simple root Newton's error after a step δ is about ½·|(ln f)′|·δ², so once that is below the
 * last bits of x the step's result is returned without another evaluation of F.
 */
function newtonInBracket(p: number, d: Cdf, start: number, lo: number, hi: number): number {
  let x = start;
  for (let i = 0; i < 200; i++) {
    const f = d.cdf(x) - p;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const step = f / Math.exp(d.logDensity(x));
    const next = x - step;
    if (next > lo && next < hi) {
      if (0.5 * Math.abs(d.logDensitySlope(x)) * step * step <= 1e-17 * Math.abs(next)) return next;
      x = next;
    } else {
      x = 0.5 * (lo + hi);
      if (hi - lo <= 1e-15 * Math.abs(x)) return x;
    }
  }
  return x;
}

/** betaQuantile(·, a, b) for many draws: tabulated once, then about one incomplete beta per draw. */
/** A quantile table needs finite, positive shapes: anything else is a bug upstream (the loader refuses such priors), not a long search. */
function requirePositiveShapes(family: string, ...shapes: number[]): void {
  for (const x of shapes) if (!(x > 0 && Number.isFinite(x))) throw new Error(`${family} quantile table with a shape parameter of ${x}`);
}

export function betaQuantileFunction(a: number, b: number): (p: number) => number {
  requirePositiveShapes("beta", a, b);
  const lnB = logGamma(a) + logGamma(b) - logGamma(a + b);
  return tabulatedQuantile((p) => betaQuantile(p, a, b), {
    cdf: (x) => incompleteBetaWithLnB(x, a, b, lnB),
    logDensity: (x) => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB,
    logDensitySlope: (x) => (a - 1) / x - (b - 1) / (1 - x),
  });
}

/** gammaQuantile(·, shape, scale) for many draws: tabulated once, then about one incomplete gamma per draw. */
export function gammaQuantileFunction(shape: number, scale: number): (p: number) => number {
  requirePositiveShapes("gamma", shape, scale);
  const lnG = logGamma(shape);
  const unit = tabulatedQuantile((p) => gammaQuantile(p, shape, 1), {
    cdf: (t) => incompleteGammaWithLnG(shape, t, lnG),
    logDensity: (t) => (shape - 1) * Math.log(t) - t - lnG,
    logDensitySlope: (t) => (shape - 1) / t - 1,
  });
  return (p) => unit(p) * scale;
}
