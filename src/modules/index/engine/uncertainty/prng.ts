/**
 * A small seeded pseudo-random generator, so that a Monte Carlo analysis is reproducible from its seed alone.
 *
 * xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021; reference C code https://prng.di.unimi.it/xoshiro128starstar.c), seeded as its authors recommend with
 * SplitMix64 (https://prng.di.unimi.it/splitmix64.c): the two 64-bit SplitMix outputs give the four 32-bit state
 * words (low half first). Doubles in [0, 1) take 53 bits from two outputs, `(a >>> 5) · 2^26 + (b >>> 6)) / 2^53`
 * (the `genrand_res53` convention of the Mersenne Twister reference code). bench/index-reference.py implements the
 * same generator, so both produce the same sample design from the same seed.
 */

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 outputs from a seed (any integer, taken modulo 2^64). */
export function splitMix64(seed: number | bigint, count: number): bigint[] {
  let x = BigInt(seed) & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

export class Xoshiro128 {
  private readonly s: Uint32Array;

  constructor(seed: number | bigint) {
    const [a = 0n, b = 0n] = splitMix64(seed, 2);
    this.s = Uint32Array.of(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const s1 = s[1] as number;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ s1;
    s[1] = s1 ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    const s3 = s[3] as number;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** A double uniformly distributed in [0, 1), with 53 random bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
