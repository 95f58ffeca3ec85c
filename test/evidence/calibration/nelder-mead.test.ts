import { describe, expect, it } from "vitest";
import { invert, nelderMead, numericalHessian } from "../../../src/evidence/calibration/nelder-mead.js";

describe("Nelder–Mead and the numerical information", () => {
  it("finds the minimum of the Rosenbrock function at (1, 1)", () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const m = nelderMead(rosenbrock, [-1.2, 1]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 4);
    expect(m.x[1]).toBeCloseTo(1, 4);
  });

  it("the Hessian of a quadratic is its matrix and the inverse undoes it", () => {
    const A = [[4, 1, 0], [1, 3, 0.5], [0, 0.5, 2]];
    const f = (x: number[]) => 0.5 * x.reduce((s, xi, i) => s + xi * x.reduce((t, xj, j) => t + A[i][j] * xj, 0), 0);
    const H = numericalHessian(f, [0.3, -0.2, 1]);
    H.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(A[i][j], 4)));
    const inverse = invert(A)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      expect(A[i].reduce((s, a, k) => s + a * inverse[k][j], 0)).toBeCloseTo(i === j ? 1 : 0, 10);
    }
    expect(invert([[1, 2], [2, 4]])).toBeUndefined();
  });
});
