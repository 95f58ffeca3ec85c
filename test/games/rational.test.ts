import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/games/rational.js";

const small = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }));

describe("Rational", () => {
  it("normalises: 2/4 is 1/2, −3/−6 is 1/2, denominators are positive", () => {
    expect(Rational.of(2, 4).toString()).toBe("1/2");
    expect(Rational.of(-3, -6).toString()).toBe("1/2");
    expect(Rational.of(3, -6).toString()).toBe("-1/2");
    expect(Rational.of(0, 7).toString()).toBe("0");
  });

  it("parses fractions, decimals and exponents exactly, and refuses other text", () => {
    expect(Rational.parse("-1/3")!.toString()).toBe("-1/3");
    expect(Rational.parse("0.125")!.toString()).toBe("1/8");
    expect(Rational.parse("2.5E+2")!.toString()).toBe("250");
    expect(Rational.parse(".5")!.toString()).toBe("1/2");
    expect(Rational.parse("1/0")).toBeUndefined();
    expect(Rational.parse("abc")).toBeUndefined();
    expect(Rational.parse(".")).toBeUndefined();
  });

  it("field laws hold on random values (a/b·b = a, (a+b)−b = a)", () => {
    fc.assert(
      fc.property(small, small, ([an, ad], [bn, bd]) => {
        const a = Rational.of(an, ad);
        const b = Rational.of(bn, bd);
        expect(a.add(b).sub(b).equals(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).equals(a)).toBe(true);
        expect(a.cmp(b)).toBe(-b.cmp(a));
      }),
    );
  });

  it("toNumber is the nearest double even for huge numerators and denominators", () => {
    const third = Rational.of(10n ** 40n, 3n * 10n ** 40n);
    expect(third.toNumber()).toBe(1 / 3);
    expect(Rational.of(2n ** 80n + 1n, 2n ** 80n).toNumber()).toBe(1);
    expect(Rational.of(-(10n ** 50n), 7n).toNumber()).toBeCloseTo(-1e50 / 7, -36);
  });
});
