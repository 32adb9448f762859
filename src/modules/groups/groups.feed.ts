/**
 * A group's Atom 1.0 feed (the `feed` package): the public activity of every module that works in groups (this
 * module's news and document versions, and the consultations and events their modules declare as activity sources),
 * newest first. Texts are HTML-escaped for the CDATA sections `feed` writes; entry ids are the items' stable keys.
 */
import { escapeHtml } from '@kitajs/html';
import { Feed } from 'feed';
import type { ActivityItem } from '../../app/activity.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { groupsMessages } from './groups.messages.js';
import { shown } from './groups.models.js';
import type { GroupRow } from './groups.tables.js';

const asHtml = (text: string) => escapeHtml(text).replace(/>/g, '&gt;');

export const atomType = 'application/atom+xml; charset=utf-8';

export function groupFeed(input: { group: GroupRow; items: ActivityItem[]; locale: Locale; publicUrl: string }): string {
  const { group, locale } = input;
  const base = `${input.publicUrl.replace(/\/$/, '')}/${locale}`;
  const page = `${base}/groups/${group.slug}`;
  const name = shown(group.name, locale)?.text ?? group.slug;
  const feed = new Feed({
    id: `${page}/feed.atom`,
    title: groupsMessages(locale)('feed.title', { name }),
    link: page,
    feedLinks: { atom: `${page}/feed.atom` },
    language: locale,
    updated: input.items[0]?.at ?? group.updatedAt,
    generator: 'Paris Call Platform',
    copyright: '',
  });
  for (const item of input.items) {
    const title = shown(item.title, locale)?.text ?? item.key;
    const summary = item.summary ? shown(item.summary, locale)?.text : undefined;
    feed.addItem({
      id: `urn:pariscall:${item.key}`,
      link: `${base}${item.path}`,
      title: asHtml(title),
      ...(summary ? { description: asHtml(summary) } : {}),
      date: item.at,
      category: [{ term: item.kind }],
    });
  }
  return feed.atom1();
}
