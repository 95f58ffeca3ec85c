/**
 * Seeded pseudo-random numbers for the analysis layer: bootstrap resampling, Morris
 * trajectories and random digital shifts of the Sobol sequence. xoshiro128** (Blackman &
 * Vigna 2018) seeded through splitmix32, so (seed, stream) pairs give independent streams.
 */

/** splitmix32 finaliser: a well-mixed 32-bit hash of a 32-bit state. */
function mix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A deterministic generator; the same (seed, stream) always yields the same numbers. */
export class AnalysisRandom {
  private readonly state = new Uint32Array(4);

  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream)) {
      throw new RangeError(`seed and stream must be safe integers, got ${seed} and ${stream}`);
    }
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    let h = mix32(low ^ mix32(high ^ mix32(stream >>> 0 ^ mix32(Math.floor(stream / 2 ** 32)))));
    for (let i = 0; i < 4; i++) {
      h = mix32(h + i);
      this.state[i] = h;
    }
    if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform integer in 0..n−1 (n ≤ 2^32), without modulo bias. */
  nextInt(n: number): number {
    if (n <= 1) return 0;
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(values: Int32Array | Uint32Array | number[]): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
