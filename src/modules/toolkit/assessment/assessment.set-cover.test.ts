import { describe, expect, it } from 'vitest';
import { minimumSetCover, type CoverCandidate } from './assessment.set-cover.js';

const candidate = (id: string, elements: string[], extra: Partial<CoverCandidate> = {}): CoverCandidate => ({ id, elements, applied: false, recipientMatch: false, position: Number(id.slice(1)), ...extra });

/** Every subset of the candidates, smallest first, the best by the stated tie-break: the reference answer. */
function bruteForce(universe: string[], candidates: CoverCandidate[]): string[] | null {
  let best: CoverCandidate[] | null = null;
  const key = (c: CoverCandidate[]) => [c.length, -c.filter((x) => x.applied).length, -c.filter((x) => x.recipientMatch).length, ...c.map((x) => x.position).sort((a, b) => a - b)];
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };
  for (let mask = 1; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    const covered = new Set(chosen.flatMap((c) => c.elements));
    if (!universe.every((e) => covered.has(e))) continue;
    if (!best || better(key(chosen), key(best))) best = chosen;
  }
  return best ? best.map((c) => c.id).sort() : null;
}

/** A deterministic pseudo-random generator, so a failing case can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('the minimum set cover of the gaps', () => {
  it('picks the one framework that covers everything over two that split it', () => {
    const result = minimumSetCover(['A1', 'A2', 'A3'], [candidate('f1', ['A1', 'A2']), candidate('f2', ['A3']), candidate('f3', ['A1', 'A2', 'A3'])]);
    expect(result.chosen).toEqual(['f3']);
    expect(result.uncovered).toEqual([]);
  });

  it('beats the greedy answer on the classic counter-example', () => {
    // Greedy takes f1 (4 elements) and then needs two more; the optimum is f2 + f3.
    const universe = ['a', 'b', 'c', 'd', 'e', 'f'];
    const result = minimumSetCover(universe, [candidate('f1', ['b', 'c', 'd', 'e']), candidate('f2', ['a', 'b', 'c']), candidate('f3', ['d', 'e', 'f'])]);
    expect(result.chosen.sort()).toEqual(['f2', 'f3']);
  });

  it('reports the gaps no framework covers and covers the rest', () => {
    const result = minimumSetCover(['A1', 'A15', 'A3'], [candidate('f1', ['A1']), candidate('f2', ['A3'])]);
    expect(result.uncovered).toEqual(['A15']);
    expect(result.chosen.sort()).toEqual(['f1', 'f2']);
  });

  it('between covers of the same size, prefers frameworks already applied, then addressed to the organisation, then the earliest', () => {
    const universe = ['x', 'y'];
    const applied = minimumSetCover(universe, [candidate('f1', ['x', 'y']), candidate('f2', ['x', 'y'], { applied: true })]);
    expect(applied.chosen).toEqual(['f2']);
    expect(applied.dominated).toEqual(['f1']);
    const recipient = minimumSetCover(universe, [candidate('f1', ['x', 'y']), candidate('f2', ['x', 'y'], { recipientMatch: true })]);
    expect(recipient.chosen).toEqual(['f2']);
    const earliest = minimumSetCover(universe, [candidate('f2', ['x', 'y']), candidate('f1', ['x', 'y'])]);
    expect(earliest.chosen).toEqual(['f1']);
  });

  it('gives a witness of gaps that share no framework, as many as the cover when that proves it minimal', () => {
    const result = minimumSetCover(['a', 'b', 'c'], [candidate('f1', ['a']), candidate('f2', ['b', 'c']), candidate('f3', ['c'])]);
    expect(result.chosen.sort()).toEqual(['f1', 'f2']);
    expect(result.witness).toHaveLength(2);
  });

  it('returns nothing to choose when there is no gap', () => {
    expect(minimumSetCover([], [candidate('f1', ['A1'])])).toMatchObject({ chosen: [], uncovered: [] });
  });

  it('agrees with an exhaustive search of every subset on 300 random instances', () => {
    const random = lcg(42);
    for (let round = 0; round < 300; round++) {
      const universe = Array.from({ length: 3 + Math.floor(random() * 9) }, (_, i) => `e${i}`);
      const candidates = Array.from({ length: 2 + Math.floor(random() * 10) }, (_, i) =>
        candidate(`f${i + 1}`, universe.filter(() => random() < 0.3), { applied: random() < 0.2, recipientMatch: random() < 0.5 }),
      );
      const coverable = universe.filter((e) => candidates.some((c) => c.elements.includes(e)));
      const expected = bruteForce(coverable, candidates);
      const result = minimumSetCover(universe, candidates);
      expect(result.uncovered.sort(), `round ${round}`).toEqual(universe.filter((e) => !coverable.includes(e)).sort());
      expect([...result.chosen].sort(), `round ${round}`).toEqual(expected ?? []);
    }
  });
});
