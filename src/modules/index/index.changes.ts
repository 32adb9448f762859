/**
 * What changed from the previous published edition, computed once at publication (pure, no I/O): configuration,
 * uncertainty settings and framework differences by dotted path, and the units whose index score or rank moved.
 */
import { byTimeThenUnit, keyOf, type EditionConfig, type EditionSnapshot } from './index.models.js';

/** One configuration difference, by dotted path (`pipeline.aggregate.method`, `framework.gci.weight`). */
export interface ConfigChange {
  path: string;
  /** Value in the previous edition; null when absent there. */
  before: unknown;
  /** Value in this edition; null when absent here. */
  after: unknown;
}

/** The index score and rank of one unit at one time point, before and after. */
export interface UnitChange {
  unit: string;
  name: string;
  time: number | null;
  /** Null on one side when the unit had no result there (new, dropped, or below a data threshold). */
  score: { before: number | null; after: number | null; delta: number | null };
  /** delta > 0: moved down the ranking (a larger rank number). */
  rank: { before: number | null; after: number | null; delta: number | null };
}

/** `index_editions.changes`: what differs from the previous published edition (why is in `changes_note_*`). */
export interface EditionChanges {
  previous: { id: string; slug: string; publishedAt: string } | null;
  /** Configuration, uncertainty settings and framework (nodes, parents, weights, directions) differences. */
  config: ConfigChange[];
  /** Top index per unit × time, only where the score or rank differs or the unit is on one side only. */
  units: UnitChange[];
}

/** What of an edition is compared: the configuration as run, the uncertainty settings, the framework tree. */
function comparable(config: EditionConfig, snapshot: EditionSnapshot): Record<string, unknown> {
  return {
    pipeline: snapshot.config,
    uncertainty: config.uncertainty,
    framework: Object.fromEntries(snapshot.nodes.map((n) => [n.code, { parent: n.parent, weight: n.weight, direction: n.direction }])),
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order, so values are compared this way. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (isObject(x)) return `{${Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`).join(',')}}`;
  return JSON.stringify(x ?? null);
}

/** Leaf differences between two JSON values; arrays compare whole (a reordered list of steps is one change). */
export function diffJson(before: unknown, after: unknown, path = ''): ConfigChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffJson(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (canonical(before) === canonical(after)) return [];
  return [{ path, before: before ?? null, after: after ?? null }];
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The changes of an edition from the previous published one (none listed for the first edition). */
export function diffEditions(input: {
  previous: { id: string; slug: string; publishedAt: Date; config: EditionConfig; snapshot: EditionSnapshot } | null;
  config: EditionConfig;
  snapshot: EditionSnapshot;
}): EditionChanges {
  const { previous, config, snapshot } = input;
  if (!previous) return { previous: null, config: [], units: [] };
  const config_ = diffJson(comparable(previous.config, previous.snapshot), comparable(config, snapshot));
  const side = (s: EditionSnapshot) => new Map(s.rows.map((r) => [keyOf(r.unit, r.time), { score: r.scores[s.top] ?? null, rank: r.ranks[s.top] ?? null, unit: r.unit, time: r.time }]));
  const before = side(previous.snapshot);
  const after = side(snapshot);
  const names = new Map([...previous.snapshot.units, ...snapshot.units].map((u) => [u.code, u.name]));
  const units: UnitChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])]) {
    const b = before.get(key);
    const a = after.get(key);
    const id = (a ?? b) as { unit: string; time: number | null };
    const score = { before: b?.score ?? null, after: a?.score ?? null };
    const rank = { before: b?.rank ?? null, after: a?.rank ?? null };
    if (score.before === score.after && rank.before === rank.after) continue;
    units.push({
      unit: id.unit, name: names.get(id.unit) ?? id.unit, time: id.time,
      score: { ...score, delta: minus(score.after, score.before) },
      rank: { ...rank, delta: minus(rank.after, rank.before) },
    });
  }
  units.sort(byTimeThenUnit);
  return { previous: { id: previous.id, slug: previous.slug, publishedAt: previous.publishedAt.toISOString() }, config: config_, units };
}
