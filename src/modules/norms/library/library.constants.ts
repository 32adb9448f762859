/** The practice library's closed lists: the norms and principles a practice links to, orders, page sizes, regions. */

/** A/70/174 paragraph 13 (a)–(k), as stored on practices (`13a`). */
export const normCodes = ['13a', '13b', '13c', '13d', '13e', '13f', '13g', '13h', '13i', '13j', '13k'] as const;
export type NormCode = (typeof normCodes)[number];

/** The Call's nine principles. */
export const principleNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** `13a` → `13(a)`, as the report cites it. */
export const normParagraph = (code: string): string => `13(${code.slice(2)})`;

/** Orders of the library: newest publication first (the default), year of the practice, title. */
export const librarySorts = ['newest', 'year-desc', 'year-asc', 'title'] as const;
export type LibrarySort = (typeof librarySorts)[number];

export const libraryPageSizes = [20, 50, 100] as const;
export const defaultLibraryPageSize = 20;
/** The JSON list's largest page. */
export const maxPracticesApiPageSize = 100;

/** Entries of the Atom feed: the most recently published practices. */
export const feedSize = 50;

/** Practices listed per side of a comparison; a side with more says so and links to its full list in the library. */
export const compareSideLimit = 200;

/**
 * Regions for coverage: the continents of the `countries-list` package (no registry module holds regions), with
 * Antarctica left out (no state there). `none` groups practices that name no country.
 */
export const regionCodes = ['AF', 'AS', 'EU', 'NA', 'SA', 'OC'] as const;
export type RegionCode = (typeof regionCodes)[number];
export const noRegion = 'none' as const;
