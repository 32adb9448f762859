/**
 * The registry searches a visitor actually makes: words, partial words, accents left out, a state by its English
 * name (states are published in French), facet combinations, sorts and deep pages. `{nature}` is replaced by the most
 * common sub-type key of the database under test, so the same set runs on the real and the synthetic registry.
 */
export interface SearchCase {
  name: string;
  query: Record<string, string | string[]>;
}

export const searchCases: SearchCase[] = [
  { name: 'no filter (first page)', query: {} },
  { name: 'q=microsoft', query: { q: 'microsoft' } },
  { name: 'q=micro (partial word)', query: { q: 'micro' } },
  { name: 'q=societe (no accent)', query: { q: 'societe' } },
  { name: 'q=germany (French-named state)', query: { q: 'germany' } },
  { name: 'q=university', query: { q: 'university' } },
  { name: 'q=cyber security (two words)', query: { q: 'cyber security' } },
  { name: 'category=state', query: { category: 'state' } },
  { name: 'category=private-sector&country=FRA', query: { category: 'private-sector', country: 'FRA' } },
  { name: 'category=civil-society&country=USA', query: { category: 'civil-society', country: 'USA' } },
  { name: 'category=state|public-authority', query: { category: ['state', 'public-authority'] } },
  { name: 'country=none', query: { country: 'none' } },
  { name: 'nature={top sub-type}', query: { nature: '{nature}' } },
  { name: 'year=2020', query: { year: '2020' } },
  { name: 'year=2019&category=private-sector', query: { year: '2019', category: 'private-sector' } },
  { name: 'q=france&category=private-sector', query: { q: 'france', category: 'private-sector' } },
  { name: 'sort=-joined', query: { sort: '-joined' } },
  { name: 'sort=country&category=civil-society', query: { sort: 'country', category: 'civil-society' } },
  { name: 'page=3', query: { page: '3' } },
  { name: 'q=institute&page=2&pageSize=20', query: { q: 'institute', page: '2', pageSize: '20' } },
  { name: 'category=uncategorised', query: { category: 'uncategorised' } },
];

export function resolveCase(query: SearchCase['query'], nature: string): SearchCase['query'] {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === '{nature}' ? nature : v]));
}
