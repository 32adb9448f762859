/**
 * The working groups' own activity, read by a group's Atom feed and the subscribers' digests (src/app/activity.ts):
 * news posted and document versions added. Members-only items are listed only for a members' query.
 */
import type { ActivityItem, ActivitySource } from '../../app/activity.js';
import { createGroupsRepository } from './groups.repository.js';

export const groupsActivity: ActivitySource = {
  name: 'groups',
  async list(db, query) {
    const repository = createGroupsRepository(db);
    const members = query.visibility === 'members';
    const scope = { groupIds: query.groupIds, since: query.since, until: query.until, members, limit: query.limit };
    const [news, versions] = await Promise.all([repository.newsBetween(scope), repository.versionsBetween(scope)]);
    const groups = new Map((await repository.list()).map((g) => [g.id, g.slug]));
    const items: ActivityItem[] = [
      ...news.map((item) => ({
        key: `groups:${item.id}:news`,
        groupId: item.groupId,
        kind: 'news',
        at: item.createdAt,
        title: item.title,
        summary: Object.fromEntries(Object.entries(item.body).map(([language, text]) => [language, text.length > 280 ? `${text.slice(0, 279)}…` : text])),
        path: `/groups/${groups.get(item.groupId)}#news-${item.id}`,
        visibility: item.visibility as 'public' | 'members',
      })),
      ...versions.map(({ version, document }) => ({
        key: `groups:${document.id}:v${version.number}`,
        groupId: document.groupId,
        kind: 'document',
        at: version.createdAt,
        title: document.title,
        ...(version.note ? { summary: { en: version.note, fr: version.note } } : {}),
        path: `/groups/${groups.get(document.groupId)}#document-${document.id}`,
        visibility: document.visibility as 'public' | 'members',
      })),
    ];
    return items;
  },
};
