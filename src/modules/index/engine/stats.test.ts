import { describe, expect, it } from 'vitest';
import { kurtosis, median, rankMin, sd, skewness } from './stats.js';

describe('statistics with COINr/Excel definitions', () => {
  it.each([
    // Excel SKEW/KURT of {1,2,3,4,10} worked by hand: 1.697056, 3.152; of 1..10: 0 and −1.2.
    [[1, 2, 3, 4, 10], 1.6970563, 3.152],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, -1.2],
  ])('skewness and kurtosis of %j are %d and %d', (x, s, k) => {
    expect(skewness(x)).toBeCloseTo(s, 6);
    expect(kurtosis(x)).toBeCloseTo(k, 10);
  });
  it('cannot tell below 3 (skew) or 4 (kurtosis) values, or with zero variance', () => {
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(skewness([2, 2, 2, 2])).toBeNaN();
  });
  it('median and sample sd follow R', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(sd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
  it.each([
    [[3, 1, 2], [3, 1, 2]],
    [[5, 5, 1, null, 7], [2, 2, 1, null, 4]],
  ])('rank(%j, ties = "min", na.last = "keep") is %j', (x, r) => expect(rankMin(x)).toEqual(r));
});
