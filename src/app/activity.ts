import type { Localized } from '../shared/localized.js';
import type { Executor } from './database/database.js';

/** Text per language (see src/shared/localized.ts). */
export type ActivityText = Localized;

/**
 * Something that happened in a working group: news posted, a document version added, a consultation opened or
 * concluded, an event scheduled, moved or cancelled. Each module that works inside groups declares where its activity
 * is read from (its manifest's `activity`); the group's Atom feed and the subscribers' digests gather them all without
 * knowing those modules.
 */
export interface ActivityItem {
  /** The source's name and the thing's id and version (`consultations:cns_…:opened`): unique, stable (an Atom entry id). */
  key: string;
  groupId: string;
  /** `news`, `document`, `consultation`, `event`, …: the feed's category and the digest's section. */
  kind: string;
  at: Date;
  title: ActivityText;
  summary?: ActivityText;
  /** The page, without its locale prefix (`/groups/wg-4/news/…`). */
  path: string;
  /** `public`, or `members`: shown only to the group's members, observers and co-chairs (never in a public feed). */
  visibility: 'public' | 'members';
  /** When what it announces closes (a consultation's deadline), for the reminders sent as it approaches. */
  deadline?: Date;
}

export interface ActivityQuery {
  /** The groups whose activity is read; absent for every group. */
  groupIds?: readonly string[];
  /** From this instant (inclusive) to `until` (exclusive). */
  since: Date;
  until: Date;
  /** Public items only (a public feed), or members' items as well. */
  visibility: 'public' | 'members';
  /** At most this many items per source, newest first. */
  limit?: number;
}

/** A module's activity in working groups, read when a feed or a digest is made. */
export interface ActivitySource {
  name: string;
  list(db: Executor, query: ActivityQuery): Promise<ActivityItem[]>;
  /** What closes within [from, to) (open consultations by their deadline), whatever `at` is; for deadline reminders. */
  deadlines?(db: Executor, window: { from: Date; to: Date }): Promise<ActivityItem[]>;
}

/** Every source's items for the query, newest first. */
export async function listActivity(sources: readonly ActivitySource[], db: Executor, query: ActivityQuery): Promise<ActivityItem[]> {
  const lists = await Promise.all(sources.map((source) => source.list(db, query)));
  const items = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
  return query.limit === undefined ? items : items.slice(0, query.limit);
}
