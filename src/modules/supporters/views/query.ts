import type { SupporterFilters } from '../supporters.schemas.js';

export interface ListState extends SupporterFilters {
  page: number;
  pageSize: number;
}

/** Query string of a registry state; defaults are left out so URLs stay short and shareable. */
export function listQuery(state: Partial<ListState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const v of state.category ?? []) params.append('category', v);
  for (const v of state.country ?? []) params.append('country', v);
  for (const v of state.nature ?? []) params.append('nature', v);
  for (const v of state.year ?? []) params.append('year', String(v));
  for (const v of state.verification ?? []) params.append('verification', v);
  if (state.sort) params.set('sort', state.sort);
  if (state.pageSize && state.pageSize !== 50) params.set('pageSize', String(state.pageSize));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The same state without one filter value, back on the first page. */
export function without(state: ListState, key: 'q' | 'category' | 'country' | 'nature' | 'year' | 'verification', value?: string | number): ListState {
  const next: ListState = { ...state, page: 1 };
  if (key === 'q') next.q = undefined;
  else if (key === 'year') next.year = state.year.filter((v) => v !== value);
  else next[key] = (state[key] as string[]).filter((v) => v !== value) as never;
  return next;
}
