/** The four categories of the official registry; an empty category in the source is kept as `null` ("uncategorised"). */
export const supporterCategories = ['state', 'public-authority', 'private-sector', 'civil-society'] as const;
export type SupporterCategory = (typeof supporterCategories)[number];

/** Facet value used in URLs and stats for supporters without a category. */
export const uncategorised = 'uncategorised' as const;
export type CategoryFacet = SupporterCategory | typeof uncategorised;
export const categoryFacets: readonly CategoryFacet[] = [...supporterCategories, uncategorised];

/** Where a supporter's join date comes from: its own `date_signed`, or the first commit that listed it. */
export const joinedOnSources = ['signed', 'first-seen'] as const;
export type JoinedOnSource = (typeof joinedOnSources)[number];

/** The official registry repository started on this day with 735 supporters: a first-seen date equal to it means "on or before". */
export const registryStartDate = '2019-09-16';

/** Facet value for supporters without a country (the European Union, INTERPOL, a few others). */
export const noCountry = 'none' as const;

/**
 * How the registry knows a supporter is who it says, weakest platform check first: `official-registry` (imported from the
 * official registry of the Call), then what the secretariat saw before approving on the platform: its review only, the
 * executive's e-mail on the website's domain, the verification code published on the website (file or DNS record), a
 * note verbale (the diplomatic route). Only the level and its date are public, never the evidence.
 */
export const verificationLevels = ['official-registry', 'secretariat-review', 'email-domain', 'website', 'diplomatic-route'] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

export const supporterStatuses = ['published', 'withdrawn'] as const;
export type SupporterStatus = (typeof supporterStatuses)[number];

export const sortOrders = ['name', '-name', 'joined', '-joined', 'country', 'relevance'] as const;
export type SortOrder = (typeof sortOrders)[number];

export const pageSizes = [20, 50, 100] as const;
export const defaultPageSize = 50;
export const maxApiPageSize = 500;
