/** The rules of events that need no database: what a valid event is, what changes a calendar, what a visitor sees. */
import { eventTextLimits, maxCapacity, opennessLevels, type Openness } from './events.constants.js';
import type { EventRow, Localized } from './events.tables.js';
import { isTimeZone, zonedInstant } from '../../shared/zoned-time.js';
import { textInLocale } from '../../shared/localized.js';

/** What an organiser sends (from the form or the API of the use cases), before it is checked. */
export interface EventInput {
  title: Localized;
  description: Localized;
  agenda: Localized;
  /** `YYYY-MM-DD`; with no times, the event lasts whole days, `endDate` inclusive. */
  startDate: string;
  endDate: string;
  /** `HH:MM` in `timeZone`; both empty for an all-day event. */
  startTime: string;
  endTime: string;
  timeZone: string;
  address: string;
  city: string;
  country: string;
  link: string;
  linkTitle: string;
  openness: string;
  /** Empty for no limit. */
  capacity: string;
  registrationOpen: boolean;
  /** Call-wide by-invitation events: the invited people's e-mail addresses. */
  invitees: string[];
  minutes: Localized;
  recordingUrl: string;
}

/** The columns an input becomes once checked. */
export type EventFields = Pick<
  EventRow,
  'title' | 'description' | 'agenda' | 'allDay' | 'startDate' | 'endDate' | 'startsAt' | 'endsAt' | 'timeZone' | 'address' | 'city' | 'country' | 'link' | 'linkTitle' | 'openness' | 'capacity' | 'registrationOpen' | 'minutes' | 'recordingUrl'
>;

/** Field name → catalog key of the problem. */
export type EventIssues = Record<string, string>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => isoDate.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= eventTextLimits.link;
  } catch {
    return false;
  }
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);
const cleanText = (text: Localized): Localized => Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as Localized;

/**
 * Checks an input; returns the fields to store, or every problem at once (each by its form field). Timed events need a
 * known time zone and an end after the start; all-day events an end date on or after the start date.
 */
export function checkEventInput(input: EventInput): { ok: true; fields: EventFields } | { ok: false; issues: EventIssues } {
  const issues: EventIssues = {};
  const title = cleanText(input.title);
  if (!title.en && !title.fr) issues.titleEn = 'error.title';
  for (const [name, text, limit] of [['title', title, eventTextLimits.title], ['description', input.description, eventTextLimits.description], ['agenda', input.agenda, eventTextLimits.agenda], ['minutes', input.minutes, eventTextLimits.minutes]] as const) {
    for (const lang of ['en', 'fr'] as const) {
      const value = text[lang] ?? '';
      if (value.length > limit || (name === 'title' ? /[\r\n]/.test(value) || controls.test(value) : controls.test(value))) issues[`${name}${lang === 'en' ? 'En' : 'Fr'}`] = 'error.text';
    }
  }
  if (!validDate(input.startDate)) issues.startDate = 'error.date';
  if (!validDate(input.endDate)) issues.endDate = 'error.date';
  const timed = Boolean(input.startTime.trim() || input.endTime.trim());
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (timed) {
    if (!isTimeZone(input.timeZone)) issues.timeZone = 'error.timeZone';
    else if (!issues.startDate && !issues.endDate) {
      startsAt = zonedInstant(input.startDate, input.startTime.trim(), input.timeZone);
      endsAt = zonedInstant(input.endDate, input.endTime.trim(), input.timeZone);
      if (!startsAt) issues.startTime = 'error.time';
      if (!endsAt) issues.endTime = 'error.time';
      if (startsAt && endsAt && endsAt <= startsAt) issues.endTime = 'error.endBeforeStart';
    }
  } else if (!issues.startDate && !issues.endDate && input.endDate < input.startDate) issues.endDate = 'error.endBeforeStart';
  for (const name of ['address', 'city', 'country', 'linkTitle'] as const) {
    const value = input[name];
    if (value.length > eventTextLimits.place || /[\r\n]/.test(value) || controls.test(value)) issues[name] = 'error.text';
  }
  if (input.link.trim() && !isHttpUrl(input.link.trim())) issues.link = 'error.link';
  if (input.recordingUrl.trim() && !isHttpUrl(input.recordingUrl.trim())) issues.recordingUrl = 'error.link';
  if (!(opennessLevels as readonly string[]).includes(input.openness)) issues.openness = 'error.openness';
  const capacity = input.capacity.trim() ? Number(input.capacity.trim()) : null;
  if (capacity !== null && (!/^\d+$/.test(input.capacity.trim()) || capacity < 1 || capacity > maxCapacity)) issues.capacity = 'error.capacity';
  if (input.invitees.length > eventTextLimits.invitees || input.invitees.some((e) => !email.test(e) || e.length > 254)) issues.invitees = 'error.invitees';
  if (Object.keys(issues).length) return { ok: false, issues };
  return {
    ok: true,
    fields: {
      title,
      description: cleanText(input.description),
      agenda: cleanText(input.agenda),
      allDay: !timed,
      startDate: timed ? null : input.startDate,
      endDate: timed ? null : input.endDate,
      startsAt,
      endsAt,
      timeZone: timed ? input.timeZone : null,
      address: blankToNull(input.address),
      city: blankToNull(input.city),
      country: blankToNull(input.country),
      link: blankToNull(input.link),
      linkTitle: blankToNull(input.linkTitle),
      openness: input.openness as Openness,
      capacity,
      registrationOpen: input.registrationOpen,
      minutes: cleanText(input.minutes),
      recordingUrl: blankToNull(input.recordingUrl),
    },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The columns a calendar shows: a change to any of them is a new SEQUENCE (RFC 5545 §3.8.7.4). */
const calendarColumns = ['title', 'description', 'agenda', 'allDay', 'startDate', 'endDate', 'startsAt', 'endsAt', 'timeZone', 'address', 'city', 'country', 'link', 'openness', 'state'] as const;

/** Whether the change alters what calendars hold, so subscribers' copies must be replaced. */
export function changesCalendars(before: Partial<EventRow>, after: Partial<EventRow>): boolean {
  return calendarColumns.some((column) => column in after && !same(before[column], after[column]));
}

/** When an event ends (for "upcoming" and "past"): the instant, or the day after its last day, at 00:00 UTC. */
export function endOf(event: Pick<EventRow, 'allDay' | 'endDate' | 'endsAt'>): Date {
  if (event.allDay) {
    const next = new Date(`${event.endDate}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next;
  }
  return event.endsAt!;
}

/** When it starts: the instant, or its first day at 00:00 UTC. */
export function startOf(event: Pick<EventRow, 'allDay' | 'startDate' | 'startsAt'>): Date {
  return event.allDay ? new Date(`${event.startDate}T00:00:00Z`) : event.startsAt!;
}

/** The text in the language asked, else in the other one (with the language it is in). */
export const shown = textInLocale;
