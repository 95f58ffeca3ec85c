/**
 * The one pseudo-random generator, xoshiro128** (Blackman & Vigna 2018), and its seedings.
 * The simulator's streams: every number a trajectory uses is a pure function of (seed,
 * trajectory index, purpose), so results do not depend on workers, chunking or on which options
 * and perspectives are evaluated (common random numbers by construction); keys are hashed with
 * murmur3's finaliser. The analysis layer's generator (AnalysisRandom) is the same xoshiro128**
 * step seeded through splitmix32 from (seed, stream).
 */

/** murmur3 fmix32: a bijective 32-bit avalanche mix. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HASH_START = 0x9e3779b9;

/** One word into a running hash: hashWords is this fold over its words from HASH_START. */
export function hashIn(h: number, w: number): number {
  return mix32((h ^ mix32((w >>> 0) + 0x7f4a7c15)) + 0x6a09e667);
}

/** Hash a list of 32-bit words into one 32-bit word (order matters). */
export function hashWords(...words: number[]): number {
  let h = HASH_START;
  for (const w of words) h = hashIn(h, w);
  return h;
}

/** FNV-1a of a string: stable 32-bit key for a parameter or purpose name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;
const UNIFORM_TAG = 0x2545f491;

/** A uniform in (0,1) that is a pure function of its key: never exactly 0 or 1. */
export function uniformAt(seed: number, trajectory: number, key: number): number {
  return uniformWithPrefix(trajectoryPrefix(seed, trajectory), key);
}

/** The hash of (seed, trajectory), shared by all of a trajectory's keyed uniforms. */
export function trajectoryPrefix(seed: number, trajectory: number): number {
  return hashIn(hashIn(HASH_START, seed), trajectory);
}

/** uniformAt(seed, trajectory, key) given trajectoryPrefix(seed, trajectory). */
export function uniformWithPrefix(prefix: number, key: number): number {
  return (hashIn(hashIn(prefix, key), UNIFORM_TAG) + 0.5) / TWO_POW_32;
}

/**
 * xoshiro128** with its state in a caller-owned Uint32Array slot, so a simulator can hold one
 * stream per trajectory without allocating. `offset` selects the 4-word slot.
 */
export function seedStream(state: Uint32Array, offset: number, seed: number, trajectory: number, purpose: number): void {
  seedStreamWithPrefix(state, offset, trajectoryPrefix(seed, trajectory), purpose);
}

/** seedStream given trajectoryPrefix(seed, trajectory). */
export function seedStreamWithPrefix(state: Uint32Array, offset: number, prefix: number, purpose: number): void {
  const h = hashIn(prefix, purpose);
  let s0 = hashIn(h, 1);
  const s1 = hashIn(h, 2);
  const s2 = hashIn(h, 3);
  const s3 = hashIn(h, 4);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the generator's one fixed point
  state[offset] = s0;
  state[offset + 1] = s1;
  state[offset + 2] = s2;
  state[offset + 3] = s3;
}

/** One xoshiro128** step of the state in `state[offset..offset+3]`: the next unsigned 32-bit output. */
export function nextUint32(state: Uint32Array, offset: number): number {
  const s0 = state[offset];
  const s1 = state[offset + 1];
  let s2 = state[offset + 2];
  let s3 = state[offset + 3];
  const x = Math.imul(s1, 5);
  const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  state[offset + 1] = s1 ^ s2;
  state[offset] = s0 ^ s3;
  state[offset + 2] = s2 ^ t;
  state[offset + 3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** Next uniform in (0,1) from the stream in `state[offset..offset+3]`. */
export function nextUniform(state: Uint32Array, offset: number): number {
  return (nextUint32(state, offset) + 0.5) / TWO_POW_32;
}

/**
 * A xoshiro128** stream as an object with its state in four int32 fields: the same sequence as
 * nextUniform on the same seed, but a draw is a small inlinable method without typed-array
 * traffic (and V8 boxes a double returned by a call it does not inline).
 */
export class Stream {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed = 0, trajectory = 0, purpose = 0) {
    this.reseed(trajectoryPrefix(seed, trajectory), purpose);
  }

  /** Restart as the stream of (seed, trajectory, purpose), given trajectoryPrefix(seed, trajectory). */
  reseed(prefix: number, purpose: number): void {
    const words = new Uint32Array(4);
    seedStreamWithPrefix(words, 0, prefix, purpose);
    this.restore(words, 0);
  }

  /** Restart from a state saved by seedStream in `states[offset…offset+3]`. */
  restore(states: Uint32Array, offset: number): void {
    this.s0 = states[offset] | 0;
    this.s1 = states[offset + 1] | 0;
    this.s2 = states[offset + 2] | 0;
    this.s3 = states[offset + 3] | 0;
  }

  next(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return (result + 0.5) / TWO_POW_32;
  }
}

/** splitmix32 finaliser: a well-mixed 32-bit hash of a 32-bit state. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The analysis layer's generator (bootstrap, Morris, Sobol shifts); the same (seed, stream) always yields the same numbers. the same (seed, stream) always yields the same numbers. */
export class AnalysisRandom {
  private readonly state = new Uint32Array(4);

  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream)) {
      throw new RangeError(`seed and stream must be safe integers, got ${seed} and ${stream}`);
    }
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    let h = splitmix32(low ^ splitmix32(high ^ splitmix32(stream >>> 0 ^ splitmix32(Math.floor(stream / 2 ** 32)))));
    for (let i = 0; i < 4; i++) {
      h = splitmix32(h + i);
      this.state[i] = h;
    }
    if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    return nextUint32(this.state, 0);
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
