import { noCountry, uncategorised, type CategoryFacet } from './supporters.constants.js';
import type { FacetCombo } from './supporters.repository.js';
import type { SupporterFilters } from './supporters.schemas.js';

export interface FacetValue {
  value: string;
  count: number;
  /** The most common published spelling, for sub-types. */
  label?: string;
}

export interface Facets {
  category: FacetValue[];
  country: FacetValue[];
  nature: FacetValue[];
  year: FacetValue[];
  verification: FacetValue[];
}

type Dimension = keyof Facets;

const valueOf: Record<Dimension, (c: FacetCombo) => string | null> = {
  category: (c) => c.category ?? uncategorised,
  country: (c) => c.countryCode ?? noCountry,
  nature: (c) => c.natureKey,
  year: (c) => (c.joinedYear === null ? null : String(c.joinedYear)),
  verification: (c) => c.verificationLevel,
};

function selected(filters: SupporterFilters, dimension: Dimension): string[] {
  switch (dimension) {
    case 'category':
      return filters.category as CategoryFacet[];
    case 'country':
      return filters.country;
    case 'nature':
      return filters.nature;
    case 'year':
      return filters.year.map(String);
    case 'verification':
      return filters.verification;
  }
}

function matches(combo: FacetCombo, filters: SupporterFilters, except?: Dimension): boolean {
  for (const dimension of Object.keys(valueOf) as Dimension[]) {
    if (dimension === except) continue;
    const wanted = selected(filters, dimension);
    if (wanted.length === 0) continue;
    const value = valueOf[dimension](combo);
    if (value === null || !wanted.includes(value)) return false;
  }
  return true;
}

/**
 * Faceted counts the way shoppers expect them: each facet counts what its values would give with every *other*
 * filter applied, so choosing a second country shows how many it adds. Pure: computed from the grouped rows.
 */
export function computeFacets(combos: FacetCombo[], filters: SupporterFilters): { total: number; facets: Facets } {
  const facets = {} as Facets;
  for (const dimension of Object.keys(valueOf) as Dimension[]) {
    const counts = new Map<string, number>();
    const spellings = new Map<string, Map<string, number>>();
    for (const combo of combos) {
      if (!matches(combo, filters, dimension)) continue;
      const value = valueOf[dimension](combo);
      if (value === null) continue;
      counts.set(value, (counts.get(value) ?? 0) + combo.count);
      if (dimension === 'nature' && combo.nature) {
        const bySpelling = spellings.get(value) ?? new Map<string, number>();
        bySpelling.set(combo.nature, (bySpelling.get(combo.nature) ?? 0) + combo.count);
        spellings.set(value, bySpelling);
      }
    }
    // Selected values stay listed with 0 so they can be unselected.
    for (const value of selected(filters, dimension)) if (!counts.has(value)) counts.set(value, 0);
    facets[dimension] = [...counts.entries()]
      .map(([value, count]) => {
        const bySpelling = spellings.get(value);
        const label = bySpelling ? [...bySpelling.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
        return label ? { value, count, label } : { value, count };
      })
      .sort((a, b) => (dimension === 'year' ? Number(a.value) - Number(b.value) : b.count - a.count || a.value.localeCompare(b.value)));
  }
  const total = combos.reduce((sum, combo) => sum + (matches(combo, filters) ? combo.count : 0), 0);
  return { total, facets };
}
