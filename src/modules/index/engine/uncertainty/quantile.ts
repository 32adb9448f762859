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
