import { describe, expect, it } from 'vitest';
import { computeFacets } from './supporters.facets.js';
import type { FacetCombo } from './supporters.repository.js';
import { supporterFiltersSchema } from './supporters.schemas.js';

const combo = (
  category: string | null,
  countryCode: string | null,
  natureKey: string | null,
  joinedYear: number | null,
  count: number,
  verificationLevel = 'official-registry',
): FacetCombo => ({
  category,
  countryCode,
  natureKey,
  nature: natureKey,
  joinedYear,
  verificationLevel,
  count,
});

const combos = [
  combo('state', 'FRA', 'ue', 2018, 1, 'diplomatic-route'),
  combo('private-sector', 'FRA', 'entreprise', 2019, 10),
  combo('private-sector', 'DEU', 'entreprise', 2020, 5),
  combo('civil-society', 'DEU', 'ong', 2019, 3),
  combo(null, null, null, null, 2),
];

const filters = (input: Record<string, unknown>) => supporterFiltersSchema.parse(input);

describe('faceted counts', () => {
  it('without filters counts everything, uncategorised and country-less included', () => {
    const { total, facets } = computeFacets(combos, filters({}));
    expect(total).toBe(21);
    expect(facets.category).toContainEqual({ value: 'uncategorised', count: 2 });
    expect(facets.country).toContainEqual({ value: 'none', count: 2 });
    expect(facets.year.map((y) => y.value)).toEqual(['2018', '2019', '2020']);
  });

  it('a facet counts with every other filter applied but not its own', () => {
    const { total, facets } = computeFacets(combos, filters({ country: 'FRA', category: 'private-sector' }));
    expect(total).toBe(10);
    // Category counts ignore the category filter: what each category would give in France.
    expect(facets.category).toEqual(
      expect.arrayContaining([
        { value: 'private-sector', count: 10 },
        { value: 'state', count: 1 },
      ]),
    );
    // Country counts ignore the country filter: private-sector supporters per country.
    expect(facets.country).toEqual(
      expect.arrayContaining([
        { value: 'FRA', count: 10 },
        { value: 'DEU', count: 5 },
      ]),
    );
  });

  it('values of one filter combine with OR, filters with AND', () => {
    expect(computeFacets(combos, filters({ country: ['FRA', 'DEU'] })).total).toBe(19);
    expect(computeFacets(combos, filters({ country: ['FRA', 'DEU'], year: 2019 })).total).toBe(13);
  });

  it('a selected value with no match stays listed with 0 so it can be removed', () => {
    const { total, facets } = computeFacets(combos, filters({ country: 'JPN' }));
    expect(total).toBe(0);
    expect(facets.country).toContainEqual({ value: 'JPN', count: 0 });
  });

  it('the verification level is a facet like the others: counted with the other filters, filtering the total', () => {
    const all = computeFacets(combos, filters({}));
    expect(all.facets.verification).toEqual([
      { value: 'official-registry', count: 20 },
      { value: 'diplomatic-route', count: 1 },
    ]);
    const states = computeFacets(combos, filters({ verification: 'diplomatic-route' }));
    expect(states.total).toBe(1);
    expect(states.facets.category).toEqual([{ value: 'state', count: 1 }]);
    expect(computeFacets(combos, filters({ verification: 'official-registry', country: 'FRA' })).total).toBe(10);
  });
});
