/**
 * Activity for the notifications' tests. The real sources (news, documents, consultations, events) are being written
 * by the modules that own them; these tests feed the digests and reminders through a small in-memory ActivitySource
 * with the same contract (`list` by groups, period and visibility; `deadlines` by window), registered on the app's
 * context as the composition root registers the modules' manifests' `activity`.
 */
import type { ActivityItem, ActivityQuery, ActivitySource } from '../../app/activity.js';
import type { AppContext } from '../../app/context.js';

export interface TestActivity extends ActivitySource {
  items: ActivityItem[];
}

export function testActivitySource(name = 'test-activity'): TestActivity {
  const items: ActivityItem[] = [];
  const inQuery = (item: ActivityItem, query: ActivityQuery) =>
    (!query.groupIds || query.groupIds.includes(item.groupId)) &&
    item.at >= query.since &&
    item.at < query.until &&
    (query.visibility === 'members' || item.visibility === 'public');
  return {
    name,
    items,
    async list(_db, query) {
      const found = items.filter((item) => inQuery(item, query)).sort((a, b) => b.at.getTime() - a.at.getTime());
      return query.limit === undefined ? found : found.slice(0, query.limit);
    },
    async deadlines(_db, window) {
      return items.filter((item) => item.deadline && item.deadline >= window.from && item.deadline < window.to);
    },
  };
}

/** Adds a source to a running app's context, as `createServer` does with the modules' `activity`. */
export function registerActivitySource(context: AppContext, source: ActivitySource): void {
  (context.activity as ActivitySource[]).push(source);
}

let serial = 0;

/** An activity item of a group; `at` and `visibility` as given, the rest made up for the test and said so in the title. */
export function buildItem(overrides: Partial<ActivityItem> & Pick<ActivityItem, 'groupId' | 'at'>): ActivityItem {
  const n = ++serial;
  return {
    key: `test-activity:itm_${n}:posted`,
    kind: 'news',
    title: { en: `Test news ${n}`, fr: `Actualité de test ${n}` },
    path: `/groups/test/news/${n}`,
    visibility: 'public',
    ...overrides,
  };
}
