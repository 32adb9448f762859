import { defaultLibraryPageSize } from '../library.constants.js';
import type { FilterField, PracticeFilters } from '../library.schemas.js';

export interface LibraryState extends PracticeFilters {
  page: number;
  pageSize: number;
}

/** Filters as a query string (`?norm=13a&kind=strategy`), defaults left out so addresses stay short and shareable. */
export function libraryQuery(state: Partial<LibraryState>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of ['principle', 'norm', 'kind', 'status', 'country', 'category', 'year', 'supporter'] as const) {
    for (const value of state[key] ?? []) params.append(key, String(value));
  }
  if (state.sort && state.sort !== 'newest') params.set('sort', state.sort);
  if (state.pageSize && state.pageSize !== defaultLibraryPageSize) params.set('pageSize', String(state.pageSize));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The same state without one filter value (or the text query), back on the first page. */
export function withoutFilter(state: LibraryState, key: Exclude<FilterField, 'sort'>, value?: string | number): LibraryState {
  if (key === 'q') return { ...state, q: undefined, page: 1 };
  return { ...state, [key]: (state[key] as Array<string | number>).filter((v) => v !== value), page: 1 };
}

/** Only the filters (no order, no page): what the downloads, the feed and the coverage take. */
export function filtersOnly(state: PracticeFilters): PracticeFilters {
  return { ...state, sort: undefined };
}
