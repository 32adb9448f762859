import type { Executor } from './database/database.js';
import type { Locale } from './i18n/i18n.js';

/**
 * A page of the platform that lists what supporters contributed to it: a principle's (1 … 9), a norm's (`13i`), a
 * supporter's (its registry id, `sup_…`: what the practices and reports of a supporter are stored under), a working
 * group's (its id, `grp_…`: the consultations and events held in it).
 */
export type ContributionSubject = { principle: number } | { norm: string } | { supporter: string } | { group: string };

/** One contribution, ready to list: a published practice, a case study, a public section of a report… */
export interface ContributionItem {
  /** The page, without its locale prefix (`/practices/prc_…`); absent for a name that has no page (shown as text). */
  path?: string;
  title: string;
  /** The title's language when it is not the page's (a practice not yet translated): set as its `lang`. */
  lang?: Locale;
  /** Who is behind it, when the listing page is not that supporter's own: a registry entry (linked) or a name. */
  by?: { name: string; supporterSlug?: string };
  /** A short qualifier shown after the title (the kind of practice, the report's year…), already localized. */
  note?: string;
}

/** A group of contributions of one kind, with its heading, as one module lists them. */
export interface ContributionGroup {
  key: string;
  heading: string;
  items: ContributionItem[];
  /** The number of items in all, when `items` is the first of more (a link after them then leads to `more`). */
  total: number;
  more?: string;
  /** What to say when `items` is empty ("No practice has been published for this norm yet."); without it, an empty group is left out. */
  empty?: string;
}

/**
 * A module's contributions to the pages of other modules, read when such a page is served (the principle page of the
 * call module lists the practices the norms module holds, without knowing that module). Published data only: these
 * groups are shown to everyone.
 */
export interface ContributionSource {
  name: string;
  list(db: Executor, subject: ContributionSubject, locale: Locale): Promise<ContributionGroup[]>;
}

/**
 * Every source's groups for a subject, in the modules' order (their manifests' `contributions`); a group with nothing
 * in it is left out unless it says what to show then (`empty`). Read when the page is rendered: a cached page is rendered again whenever the registry
 * changes (`registry.changed`), which a source's writes must announce.
 */
export async function listContributions(sources: readonly ContributionSource[], db: Executor, subject: ContributionSubject, locale: Locale): Promise<ContributionGroup[]> {
  const groups = await Promise.all(sources.map((source) => source.list(db, subject, locale)));
  return groups.flat().filter((group) => group.items.length > 0 || group.empty !== undefined);
}
