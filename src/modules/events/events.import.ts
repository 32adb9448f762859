/**
 * Imports the official site's events (from the reference bundle on first start, or `pariscall import`): idempotent —
 * an event already there and unchanged is left as it is; one changed in the source is updated with a higher SEQUENCE;
 * one an organiser edited on the platform (`edited_by`) is kept as it is, so an import never undoes a platform edit.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type SystemActor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { calendarDomain } from './events.constants.js';
import { changesCalendars } from './events.models.js';
import { createEventsRepository } from './events.repository.js';
import type { OfficialEvent } from './events.source.js';
import type { NewEventRow } from './events.tables.js';

export interface EventsImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Changed on the platform since: left as they are. */
  kept: string[];
}

/** The stable UID of an official event: from its file name, the same on every installation. */
export const officialUid = (sourceKey: string) => `official-${sourceKey.replace(/^_events\//, '').replace(/\.md$/, '')}@${calendarDomain}`;

function rowOf(event: OfficialEvent): Omit<NewEventRow, 'uid' | 'createdBy'> {
  return {
    groupId: null,
    title: { en: event.title },
    description: event.description ? { en: event.description } : {},
    agenda: {},
    allDay: true,
    startDate: event.startDate,
    endDate: event.endDate,
    startsAt: null,
    endsAt: null,
    timeZone: null,
    address: event.address,
    city: event.city,
    country: event.country,
    link: event.link,
    linkTitle: event.linkTitle,
    hashtag: event.hashtag,
    openness: event.openness,
    sourceKey: event.sourceKey,
  };
}

export async function importOfficialEvents(input: { db: Executor; events: OfficialEvent[]; actor: SystemActor }): Promise<EventsImportReport> {
  const report: EventsImportReport = { added: [], updated: [], unchanged: [], kept: [] };
  if (!input.events.length) return report;
  const repository = createEventsRepository(input.db);
  const existing = new Map((await repository.findBySourceKeys(input.events.map((e) => e.sourceKey))).map((row) => [row.sourceKey!, row]));
  for (const event of input.events) {
    const row = rowOf(event);
    const found = existing.get(event.sourceKey);
    if (!found) {
      await repository.insert({ ...row, uid: officialUid(event.sourceKey), createdBy: actorRef(input.actor) });
      report.added.push(event.sourceKey);
    } else if (found.editedBy) report.kept.push(event.sourceKey);
    else if (changesCalendars(found, row) || found.linkTitle !== row.linkTitle || found.hashtag !== row.hashtag) {
      await repository.update(found.id, { ...row, sequence: found.sequence + (changesCalendars(found, row) ? 1 : 0) });
      report.updated.push(event.sourceKey);
    } else report.unchanged.push(event.sourceKey);
  }
  await recordAudit(input.db, {
    actor: actorRef(input.actor), action: 'events.import', subject: null,
    details: { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, kept: report.kept },
  });
  return report;
}

/** The import's report as the CLI prints it. */
export function formatEventsReport(report: EventsImportReport): string[] {
  const lines = [`  Events: ${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.kept.length} kept as changed on the platform`];
  for (const key of report.kept) lines.push(`    kept ${key}`);
  return lines;
}
