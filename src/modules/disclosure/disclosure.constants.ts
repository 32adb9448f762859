/** The disclosure registry's fixed values. */

/** RFC 9116 files are small; the registry reads at most this much of one (fetched or uploaded). */
export const securityTxtMaxBytes = 32 * 1024;
/** "Expiring soon": Expires within this many days. */
export const expiringSoonDays = 30;
/** "Fresh": fetched successfully within this many days. */
export const freshDays = 8;
/** The recurring refresh of every entry runs once a day at this hour (UTC). */
export const refreshHourUtc = 4;
/** At most this many contact keys per entry. */
export const maxContactKeys = 5;
export const maxPolicyUrls = 5;

export const fetchStatuses = ['never', 'ok', 'invalid', 'unreachable'] as const;
export type FetchStatus = (typeof fetchStatuses)[number];

/** The public list's filters. */
export const freshnessFilters = ['fresh', 'expired', 'expiring', 'unreachable'] as const;
export type FreshnessFilter = (typeof freshnessFilters)[number];
