/**
 * Percentiles without sorting: R's default `quantile(type = 7)` (= numpy's default "linear"): with the n values
 * sorted, h = (n − 1)·p and the result is x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). The order statistics are found by
 * quickselect (Hoare's FIND), O(n) per percentile instead of O(n log n).
 */

/** Rearranges `a[lo..hi]` so that a[k] holds the value it would have sorted, smaller ones left, larger right. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Type-7 percentiles (p in 0–100, ascending) of the first `n` values of `values`, which is reordered in place.
 * NaN must not be present. Returns NaN for each percentile when n = 0.
 */
export function percentilesInPlace(values: Float64Array, n: number, ps: readonly number[]): number[] {
  if (n === 0) return ps.map(() => Number.NaN);
  let from = 0;
  return ps.map((p) => {
    const h = (n - 1) * (p / 100);
    const k = Math.floor(h);
    select(values, k, from, n - 1);
    const lowValue = values[k] as number;
    from = k;
    if (k + 1 >= n || h === k) return lowValue;
    // the next order statistic is the smallest value to the right of k
    let next = Infinity;
    for (let i = k + 1; i < n; i++) if ((values[i] as number) < next) next = values[i] as number;
    return lowValue + (h - k) * (next - lowValue);
  });
}

/** Type-7 percentiles of an array (copied; NaN values ignored). */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const copy = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === v) copy[n++] = v;
  }
  return percentilesInPlace(copy, n, ps);
}

/** Buckets `percentilesBetween` spreads the values over: the order statistics are then sorted out of a few of them. */
const BUCKETS = 1024;

/** Reused arrays of `percentilesBetween` (one analysis runs on one thread at a time per worker). */
export interface PercentileScratch {
  counts: Int32Array;
  starts: Int32Array;
  /** Where a wanted bucket's values go in `picked` (its first free place), −1 for the others. */
  next: Int32Array;
  /** Where a wanted bucket's values start in `picked`. */
  offset: Int32Array;
  bucket: Uint16Array;
  picked: Float64Array;
}

export function percentileScratch(size: number): PercentileScratch {
  return { counts: new Int32Array(BUCKETS), starts: new Int32Array(BUCKETS + 1), next: new Int32Array(BUCKETS), offset: new Int32Array(BUCKETS), bucket: new Uint16Array(size), picked: new Float64Array(size) };
}

/**
 * The same numbers as `percentilesInPlace` (type 7, ascending p, no NaN) of the first `n` values, which lie in
 * [min, max], without selection: the values are counted into buckets of equal width, which are ordered since the
 * bucket of a value never decreases as the value grows; only the values of the buckets that hold the wanted order
 * statistics are copied out and sorted. Two passes over the values instead of quickselect's many; a spread that
 * defeats the buckets (one value, infinities) is left to `percentilesInPlace`.
 */
export function percentilesBetween(values: Float64Array, n: number, ps: readonly number[], min: number, max: number, scratch: PercentileScratch): number[] {
  const span = max - min;
  if (n === 0 || !(span > 0 && span < Infinity)) return percentilesInPlace(values, n, ps);
  const { counts, starts, next, offset, bucket, picked } = scratch;
  const scale = BUCKETS / span;
  const last = BUCKETS - 1;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    // (v − min)·scale ≥ 0, so truncation is the floor: monotone in v
    let b = ((values[i] as number) - min) * scale | 0;
    if (b > last) b = last;
    bucket[i] = b;
    counts[b] = (counts[b] as number) + 1;
  }
  starts[0] = 0;
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] = (starts[b] as number) + (counts[b] as number);
  const bucketAt = (k: number) => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // the buckets of the order statistics each percentile reads (k, and k + 1 when it interpolates), laid out in order
  next.fill(-1);
  for (const p of ps) {
    const h = (n - 1) * (p / 100);
    const k = Math.floor(h);
    next[bucketAt(k)] = 0;
    if (k + 1 < n && h !== k) next[bucketAt(k + 1)] = 0;
  }
  let m = 0;
  for (let b = 0; b < BUCKETS; b++) {
    if (next[b] === -1) continue;
    offset[b] = m;
    next[b] = m;
    m += counts[b] as number;
  }
  for (let i = 0; i < n; i++) {
    const b = bucket[i] as number;
    const at = next[b] as number;
    if (at === -1) continue;
    picked[at] = values[i] as number;
    next[b] = at + 1;
  }
  for (let b = 0; b < BUCKETS; b++) if (next[b] !== -1 && (counts[b] as number) > 1) picked.subarray(offset[b] as number, next[b] as number).sort();
  const order = (k: number) => {
    const b = bucketAt(k);
    return picked[(offset[b] as number) + k - (starts[b] as number)] as number;
  };
  return ps.map((p) => {
    const h = (n - 1) * (p / 100);
    const k = Math.floor(h);
    const lowValue = order(k);
    if (k + 1 >= n || h === k) return lowValue;
    return lowValue + (h - k) * (order(k + 1) - lowValue);
  });
}
