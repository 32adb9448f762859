import type { Locale } from './i18n/i18n.js';

/**
 * A module's work that serves one of the Call's principles (the WG6 toolkit serves principle 6, lifecycle security),
 * declared in its manifest and listed on that principle's page, so the call module links to it without knowing it.
 */
export interface RelatedWork {
  principle: number;
  /** The page, without its locale prefix (`/toolkit`). */
  path: string;
  title: (locale: Locale) => string;
  /** One sentence: what it is and why it belongs to the principle. */
  summary: (locale: Locale) => string;
}
