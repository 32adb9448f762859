import type { Locale } from './i18n/i18n.js';

/**
 * A module's work that serves one of the Call's principles or one of the UN norms (the WG6 toolkit serves principle 6,
 * lifecycle security, and its actions A14 and A18 implement norms 13(i) and 13(j)), declared in its manifest and listed
 * on that principle's or norm's page, so the module owning the page links to it without knowing it.
 */
export interface RelatedWork {
  serves: { principle: number } | { norm: string };
  /** The page, without its locale prefix (`/toolkit`). */
  path: string;
  title: (locale: Locale) => string;
  /** One sentence: what it is and why it belongs to the principle. */
  summary: (locale: Locale) => string;
}
