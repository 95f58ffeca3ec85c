/**
 * Exact rational numbers on bigint, the number type of game files and of the exact solvers.
 * Values are immutable and always normalised (gcd 1, positive denominator), so equality is
 * structural and `toString()` is canonical ("1/3", "-2", "0").
 */

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den reduced; throws RangeError on a zero denominator (a bug, callers check input). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError("rational with zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /**
   * Parses "3", "-1/3", "0.25", "1e-3", "2.5E+2"; returns undefined for anything else.
   * Decimals are read exactly in base 10, so "0.1" is 1/10.
   */
  static parse(text: string): Rational | undefined {
    const frac = /^([+-]?\d+)\/(\d+)$/.exec(text);
    if (frac) {
      const den = BigInt(frac[2]);
      return den === 0n ? undefined : Rational.of(BigInt(frac[1]), den);
    }
    const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!dec || (dec[2] === "" && (dec[3] ?? "") === "")) return undefined;
    const digits = `${dec[2]}${dec[3] ?? ""}`;
    const exponent = -(dec[3] ?? "").length + (dec[4] ? Number(dec[4]) : 0);
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) return undefined;
    let num = BigInt(digits === "" ? "0" : digits);
    let den = 1n;
    if (exponent >= 0) num *= 10n ** BigInt(exponent);
    else den = 10n ** BigInt(-exponent);
    return Rational.of(dec[1] === "-" ? -num : num, den);
  }

  /** The decimal a person means when writing a float literal: 0.1 → 1/10 (via its shortest repr). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return Rational.of(BigInt(x));
    return Rational.parse(String(x)) as Rational;
  }

  /** Accepts the forms a game author writes: 2, 0.5, "1/3", or a Rational. */
  static from(value: number | string | Rational): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === "number") return Rational.fromNumber(value);
    const r = Rational.parse(value.trim());
    if (!r) throw new RangeError(`not a number: "${value}"`);
    return r;
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("division by zero");
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  cmp(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }

  /** Nearest double, correct also when numerator and denominator exceed 2^53. */
  toNumber(): number {
    const n = this.num;
    const d = this.den;
    if (n >= -(2n ** 53n) && n <= 2n ** 53n && d <= 2n ** 53n) return Number(n) / Number(d);
    // scale so that the integer quotient carries ~64 significant bits
    const shift = BigInt(Math.max(0, 64 - (n < 0n ? -n : n).toString(2).length + d.toString(2).length));
    const q = (n * (1n << shift)) / d;
    return Number(q) / 2 ** Number(shift);
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Fixed decimals for people: 1/3 → "0.333333". */
  toFixed(digits = 6): string {
    return this.toNumber().toFixed(digits);
  }
}
