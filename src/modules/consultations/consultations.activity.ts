/**
 * What consultations add to a group's feed and its subscribers' digests: a consultation opened, a synthesis published
 * (public for a public consultation, for the group's members otherwise); and the open consultations whose deadline
 * falls in a window, for the reminders sent as it approaches.
 */
import type { ActivityItem, ActivityQuery, ActivitySource } from '../../app/activity.js';
import type { Executor } from '../../app/database/database.js';
import { consultationsMessages } from './consultations.messages.js';
import { deadlineText } from './consultations.presenters.js';
import { createConsultationsRepository } from './consultations.repository.js';
import type { ConsultationRow } from './consultations.tables.js';

const visibilityOf = (c: ConsultationRow): ActivityItem['visibility'] => (c.audience === 'public' ? 'public' : 'members');

/** A title in each language the consultation has one in. */
function titles(c: ConsultationRow, key: 'consultations.activity.opened' | 'consultations.activity.concluded') {
  return Object.fromEntries((['en', 'fr'] as const).filter((l) => c.title[l] ?? c.title[l === 'en' ? 'fr' : 'en']).map((l) => [l, consultationsMessages(l)(key, { title: c.title[l] ?? c.title[l === 'en' ? 'fr' : 'en']! })]));
}

function opened(c: ConsultationRow): ActivityItem {
  return {
    key: `consultations:${c.id}:opened`,
    groupId: c.groupId,
    kind: 'consultation',
    at: c.opensAt!,
    title: titles(c, 'consultations.activity.opened'),
    summary: { en: consultationsMessages('en')('consultations.activity.openedSummary', { deadline: deadlineText('en', c.closesAt, c.timeZone) }), fr: consultationsMessages('fr')('consultations.activity.openedSummary', { deadline: deadlineText('fr', c.closesAt, c.timeZone) }) },
    path: `/consultations/${c.id}`,
    visibility: visibilityOf(c),
    deadline: c.closesAt,
  };
}

function concluded(c: ConsultationRow): ActivityItem {
  return { key: `consultations:${c.id}:concluded`, groupId: c.groupId, kind: 'consultation', at: c.concludedAt!, title: titles(c, 'consultations.activity.concluded'), path: `/consultations/${c.id}/synthesis`, visibility: visibilityOf(c) };
}

async function list(db: Executor, query: ActivityQuery): Promise<ActivityItem[]> {
  if (query.groupIds && query.groupIds.length === 0) return [];
  const repository = createConsultationsRepository(db);
  const audience = query.visibility === 'public' ? 'public' : undefined;
  const [openedRows, concludedRows] = await Promise.all([
    repository.happenedBetween('opensAt', query.since, query.until, query.groupIds, audience),
    repository.happenedBetween('concludedAt', query.since, query.until, query.groupIds, audience),
  ]);
  const items = [...openedRows.map(opened), ...concludedRows.map(concluded)].sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
  return query.limit === undefined ? items : items.slice(0, query.limit);
}

async function deadlines(db: Executor, window: { from: Date; to: Date }): Promise<ActivityItem[]> {
  return (await createConsultationsRepository(db).closingBetween(window.from, window.to)).map(opened);
}

export const consultationsActivity: ActivitySource = { name: 'consultations', list, deadlines };
