/**
 * The smallest set of frameworks that covers an organisation's gaps: an exact minimum set cover by branch and bound
 * over bitmasks (at most 25 actions, so one 32-bit mask per framework). Pure, no I/O.
 *
 * Among covers of the minimum size, the tie-break rule is, in order: more frameworks the organisation already applies,
 * then more frameworks addressed to its kind of organisation, then the earliest frameworks in the workbook's order.
 */

export interface CoverCandidate {
  id: string;
  /** The gaps this framework quotes a provision for. */
  elements: readonly string[];
  applied: boolean;
  recipientMatch: boolean;
  /** Order in the workbook, from 1. */
  position: number;
}

export interface CoverResult {
  /** Chosen candidates' ids, in the order of the tie-break rule (applied, recipient, position). */
  chosen: string[];
  /** Elements no candidate covers: no framework of the data set quotes a provision for them. */
  uncovered: string[];
  /**
   * Elements no two of which share a candidate: each needs a framework of its own, so at least as many frameworks are
   * needed (when its length equals the cover's size it proves minimality in one line).
   */
  witness: string[];
  /** Nodes of the search tree visited. */
  explored: number;
  /** Candidates left out before the search because another covers as much and wins the tie-break. */
  dominated: string[];
}

const popcount = (mask: number): number => {
  let n = mask - ((mask >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/** Negative when `a` wins the tie-break against `b` (compares candidates one by one). */
function prefer(a: CoverCandidate, b: CoverCandidate): number {
  return Number(b.applied) - Number(a.applied) || Number(b.recipientMatch) - Number(a.recipientMatch) || a.position - b.position;
}

/** Negative when the cover `a` wins against `b` of the same size (sums, then sorted positions compared in order). */
function preferCover(a: CoverCandidate[], b: CoverCandidate[]): number {
  const sum = (c: CoverCandidate[], f: (x: CoverCandidate) => boolean) => c.filter(f).length;
  const byApplied = sum(b, (x) => x.applied) - sum(a, (x) => x.applied);
  if (byApplied) return byApplied;
  const byRecipient = sum(b, (x) => x.recipientMatch) - sum(a, (x) => x.recipientMatch);
  if (byRecipient) return byRecipient;
  const pa = a.map((x) => x.position).sort((x, y) => x - y);
  const pb = b.map((x) => x.position).sort((x, y) => x - y);
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

/** The exact minimum cover of `universe` by `candidates` (elements outside the universe are ignored). */
export function minimumSetCover(universe: readonly string[], candidates: readonly CoverCandidate[]): CoverResult {
  if (universe.length > 31) throw new Error('set cover: at most 31 elements (one bit each)');
  const bit = new Map(universe.map((e, i) => [e, 1 << i]));
  const masked = candidates
    .map((c) => ({ c, mask: c.elements.reduce((m, e) => m | (bit.get(e) ?? 0), 0) }))
    .filter((x) => x.mask !== 0);
  // A candidate whose gaps another covers too, and that loses the tie-break to it, is never needed.
  const dominated = new Set<number>();
  masked.forEach((x, i) =>
    masked.forEach((y, j) => {
      // Positions differ, so `prefer` never ties: of two equal masks exactly one is left out.
      if (i !== j && !dominated.has(j) && (x.mask & y.mask) === x.mask && prefer(y.c, x.c) < 0) dominated.add(i);
    }),
  );
  const sets = masked.filter((_, i) => !dominated.has(i)).sort((a, b) => prefer(a.c, b.c));
  const full = (1 << universe.length) - 1;
  const coverable = sets.reduce((m, s) => m | s.mask, 0);
  const uncovered = universe.filter((e) => (coverable & bit.get(e)!) === 0);
  const target = full & coverable;
  const coveringSets = universe.map((e) => sets.map((s, i) => ((s.mask & bit.get(e)!) !== 0 ? i : -1)).filter((i) => i >= 0));

  let best: number[] | null = null;
  let explored = 0;
  const excluded = new Uint8Array(sets.length);
  const chosen: number[] = [];

  const search = (left: number): void => {
    explored += 1;
    if (left === 0) {
      if (!best || chosen.length < best.length || preferCover(chosen.map((i) => sets[i]!.c), best.map((i) => sets[i]!.c)) < 0) best = [...chosen];
      return;
    }
    let largest = 0;
    for (let i = 0; i < sets.length; i++) if (!excluded[i]) largest = Math.max(largest, popcount(sets[i]!.mask & left));
    if (largest === 0) return;
    const bound = chosen.length + Math.ceil(popcount(left) / largest);
    // Equal sizes are still explored: the tie-break may prefer a later cover of the same size.
    if (best && bound > (best as number[]).length) return;
    // Branch on the uncovered gap with the fewest frameworks left to cover it.
    let pick = -1;
    let pickCount = Infinity;
    for (let e = 0; e < universe.length; e++) {
      if ((left & (1 << e)) === 0) continue;
      const n = coveringSets[e]!.filter((i) => !excluded[i]).length;
      if (n < pickCount) [pick, pickCount] = [e, n];
    }
    if (pickCount === 0) return;
    const options = coveringSets[pick]!.filter((i) => !excluded[i]);
    const newlyExcluded: number[] = [];
    for (const i of options) {
      chosen.push(i);
      search(left & ~sets[i]!.mask);
      chosen.pop();
      // Covers holding this framework have all been seen: the next branches leave it out.
      excluded[i] = 1;
      newlyExcluded.push(i);
    }
    for (const i of newlyExcluded) excluded[i] = 0;
  };
  if (target !== 0) search(target);

  // Witness: coverable gaps pairwise without a common framework, rarest first.
  const witness: string[] = [];
  const used = new Set<number>();
  const order = universe.map((e, i) => ({ e, sets: coveringSets[i]! })).filter((x) => x.sets.length > 0).sort((a, b) => a.sets.length - b.sets.length);
  for (const { e, sets: covering } of order) {
    if (covering.some((i) => used.has(i))) continue;
    witness.push(e);
    covering.forEach((i) => used.add(i));
  }
  const result = ((best ?? []) as number[]).map((i) => sets[i]!.c).sort(prefer);
  return { chosen: result.map((c) => c.id), uncovered, witness, explored, dominated: masked.filter((_, i) => dominated.has(i)).map((x) => x.c.id) };
}
