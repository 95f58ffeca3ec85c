/**
 * Functions whose sensitivity indices are known in closed form, used to validate the
 * estimators (tests) and to measure their accuracy (bench). Each takes points in the unit cube,
 * row-major, as a `BatchModel` does.
 */

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). */
export function ishigami(a = 7, b = 0.1) {
  return (points: Float64Array, count: number, dimension: number): Float64Array => {
    const out = new Float64Array(count);
    for (let p = 0; p < count; p++) {
      const x1 = -Math.PI + 2 * Math.PI * points[p * dimension];
      const x2 = -Math.PI + 2 * Math.PI * points[p * dimension + 1];
      const x3 = -Math.PI + 2 * Math.PI * points[p * dimension + 2];
      const s2 = Math.sin(x2);
      out[p] = Math.sin(x1) + a * s2 * s2 + b * x3 ** 4 * Math.sin(x1);
    }
    return out;
  };
}

export interface KnownIndices {
  first: number[];
  total: number[];
  variance: number;
}

/**
 * Ishigami's indices (Sobol' & Levitan 1999; Saltelli et al. 2008 §4.4):
 * V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225.
 */
export function ishigamiIndices(a = 7, b = 0.1): KnownIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const variance = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  return {
    first: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
    variance,
  };
}

/** Sobol's G function (Sobol' 1993): f = Π_i (|4x_i − 2| + a_i)/(1 + a_i), x_i ~ U(0,1). */
export function sobolG(coefficients: readonly number[]) {
  return (points: Float64Array, count: number, dimension: number): Float64Array => {
    const out = new Float64Array(count);
    for (let p = 0; p < count; p++) {
      let product = 1;
      for (let i = 0; i < coefficients.length; i++) {
        const a = coefficients[i];
        product *= (Math.abs(4 * points[p * dimension + i] - 2) + a) / (1 + a);
      }
      out[p] = product;
    }
    return out;
  };
}

/**
 * G function indices: V_i = 1/(3(1+a_i)²), V = Π(1+V_i) − 1, S_i = V_i/V,
 * ST_i = V_i Π_{j≠i}(1+V_j)/V (Saltelli et al. 2010, §4).
 */
export function sobolGIndices(coefficients: readonly number[]): KnownIndices {
  const partial = coefficients.map((a) => 1 / (3 * (1 + a) ** 2));
  const product = partial.reduce((acc, v) => acc * (1 + v), 1);
  const variance = product - 1;
  return {
    first: partial.map((v) => v / variance),
    total: partial.map((v) => (v * product) / (1 + v) / variance),
    variance,
  };
}
