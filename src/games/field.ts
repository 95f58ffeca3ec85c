/**
 * The two kinds of numbers the solvers compute in: exact rationals and doubles. Algorithms that
 * must work in both (payoff evaluation, the regret checker) are written once against `Field`.
 */
import { Rational } from "./rational.js";

export interface Field<T> {
  readonly name: "exact" | "float";
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  cmp(a: T, b: T): number;
  fromRational(r: Rational): T;
  toNumber(a: T): number;
}

export const exactField: Field<Rational> = {
  name: "exact",
  zero: Rational.ZERO,
  one: Rational.ONE,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  cmp: (a, b) => a.cmp(b),
  fromRational: (r) => r,
  toNumber: (a) => a.toNumber(),
};

export const floatField: Field<number> = {
  name: "float",
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  fromRational: (r) => r.toNumber(),
  toNumber: (a) => a,
};

/** A probability or payoff as solvers report it: exact where the method is exact. */
export type Num = Rational | number;

export function numToNumber(x: Num): number {
  return typeof x === "number" ? x : x.toNumber();
}
