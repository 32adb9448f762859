import type { Executor } from '../../app/database/database.js';
import type { FacetCombo } from './supporters.repository.js';

/**
 * The registry grouped by facet, without a text query: the same for every filter combination until the registry
 * changes, and the costliest query of a search. It is kept per database and dropped by `forgetFacetCombos()`, which
 * the supporters module calls on every `registry.changed` event (in-process writes, and other processes' writes
 * relayed from PostgreSQL NOTIFY), so it is never older than the data.
 */
const memo = new WeakMap<Executor, { generation: number; combos: Promise<FacetCombo[]> }>();
let generation = 0;

export async function memoisedFacetCombos(db: Executor, load: () => Promise<FacetCombo[]>): Promise<FacetCombo[]> {
  const cached = memo.get(db);
  if (cached && cached.generation === generation) return cached.combos;
  const entry = { generation, combos: load() };
  memo.set(db, entry);
  try {
    return await entry.combos;
  } catch (error) {
    if (memo.get(db) === entry) memo.delete(db);
    throw error;
  }
}

/** Makes every memoised grouping stale (all databases): called whenever the registry changes. */
export function forgetFacetCombos(): void {
  generation += 1;
}
