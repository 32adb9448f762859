/**
 * Descriptive statistics with the exact definitions COINr uses (all ignore missing values).
 */

/** The non-missing values. */
export function present(x: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of x) if (v !== null) out.push(v);
  return out;
}

export function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** R `stats::median`: the mean of the two middle values for an even count. */
export function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** R `stats::sd`: sample standard deviation (n − 1 denominator). */
export function sd(x: readonly number[]): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const m = mean(x);
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Sample skewness, COINr `skew()` = e1071::skewness(type = 2) = Excel SKEW:
 * `sqrt(n) Σd³ / (Σd²)^1.5 · sqrt(n(n−1)) / (n−2)`. NaN below 3 values (COINr returns NA) or with zero variance.
 */
export function skewness(x: readonly number[]): number {
  const n = x.length;
  if (n < 3) return Number.NaN;
  const m = mean(x);
  let s2 = 0;
  let s3 = 0;
  for (const v of x) {
    const d = v - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  const g = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis, COINr `kurt()` = e1071::kurtosis(type = 2) = Excel KURT:
 * `r = n Σd⁴ / (Σd²)²; ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3))`. NaN below 4 values (COINr returns NA).
 */
export function kurtosis(x: readonly number[]): number {
  const n = x.length;
  if (n < 4) return Number.NaN;
  const m = mean(x);
  let s2 = 0;
  let s4 = 0;
  for (const v of x) {
    const d2 = (v - m) ** 2;
    s2 += d2;
    s4 += d2 * d2;
  }
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * R `rank(x, ties.method = "min", na.last = "keep")`: ascending ranks, ties share the lowest rank, missing stays
 * missing. For "1 = best" pass the values negated (COINr `rank_df` ranks `-x`).
 */
export function rankMin(x: readonly (number | null)[]): (number | null)[] {
  // The rank of v is 1 + the count of values strictly below it: found by binary search in the sorted values (a
  // numeric typed-array sort, no comparator calls). -0 and 0 are equal for `<`, as for the ties of a comparison sort.
  let count = 0;
  for (const v of x) if (v !== null) count++;
  const sorted = new Float64Array(count);
  count = 0;
  for (const v of x) if (v !== null) sorted[count++] = v;
  sorted.sort();
  const out: (number | null)[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] ?? null;
    if (v === null) {
      out[i] = null;
      continue;
    }
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo + 1;
  }
  return out;
}
