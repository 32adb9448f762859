/**
 * The organiser's form as flat fields (`titleEn`, `startDate`, `startTime`, `timeZone`, `invitees` one per line…) and
 * the input the use cases take; and an event back into fields, to edit it.
 */
import type { Locale } from '../../app/i18n/i18n.js';
import { eventsMessages, type EventsMessageKey } from './events.messages.js';
import { checkEventInput, type EventInput } from './events.models.js';
import type { EventRow } from './events.tables.js';
import { localParts } from '../../shared/zoned-time.js';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

const textFields = [
  'titleEn', 'titleFr', 'descriptionEn', 'descriptionFr', 'agendaEn', 'agendaFr', 'startDate', 'endDate', 'startTime', 'endTime', 'timeZone',
  'address', 'city', 'country', 'link', 'linkTitle', 'openness', 'capacity', 'registrationOpen', 'invitees', 'minutesEn', 'minutesFr', 'recordingUrl',
] as const;

/** The text fields of a posted body (anything else ignored; a repeated field keeps its first value). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  const source = (body ?? {}) as Record<string, unknown>;
  for (const name of textFields) {
    const value = Array.isArray(source[name]) ? (source[name] as unknown[])[0] : source[name];
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

const pair = (en: string | undefined, fr: string | undefined) => ({ ...(en ? { en } : {}), ...(fr ? { fr } : {}) });

export function inputOf(values: FormValues): EventInput {
  const v = (name: string) => values[name] ?? '';
  return {
    title: pair(v('titleEn'), v('titleFr')),
    description: pair(v('descriptionEn'), v('descriptionFr')),
    agenda: pair(v('agendaEn'), v('agendaFr')),
    startDate: v('startDate').trim(),
    endDate: (v('endDate').trim() || v('startDate').trim()),
    startTime: v('startTime').trim(),
    endTime: v('endTime').trim(),
    timeZone: v('timeZone').trim(),
    address: v('address'),
    city: v('city'),
    country: v('country'),
    link: v('link'),
    linkTitle: v('linkTitle'),
    openness: v('openness') || 'public',
    capacity: v('capacity'),
    registrationOpen: v('registrationOpen') === 'yes',
    invitees: v('invitees').split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean),
    minutes: pair(v('minutesEn'), v('minutesFr')),
    recordingUrl: v('recordingUrl'),
  };
}

/** Reads the form: the input, or every problem beside its field in the page's language. */
export function eventFromForm(body: unknown, locale: Locale): { ok: true; input: EventInput; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues } {
  const values = formValues(body);
  const input = inputOf(values);
  const checked = checkEventInput(input);
  if (checked.ok) return { ok: true, input, values };
  const t = eventsMessages(locale);
  return { ok: false, values, errors: Object.fromEntries(Object.entries(checked.issues).map(([field, key]) => [field, t(key as EventsMessageKey)])) };
}

/** An event as the form's fields. */
export function eventValues(event: EventRow, invitees: string[]): FormValues {
  const zone = event.timeZone ?? 'Europe/Paris';
  const start = event.startsAt ? localParts(event.startsAt, zone) : null;
  const end = event.endsAt ? localParts(event.endsAt, zone) : null;
  return {
    titleEn: event.title.en ?? '', titleFr: event.title.fr ?? '',
    descriptionEn: event.description.en ?? '', descriptionFr: event.description.fr ?? '',
    agendaEn: event.agenda.en ?? '', agendaFr: event.agenda.fr ?? '',
    startDate: start?.date ?? event.startDate ?? '', endDate: end?.date ?? event.endDate ?? '',
    startTime: start?.time ?? '', endTime: end?.time ?? '', timeZone: zone,
    address: event.address ?? '', city: event.city ?? '', country: event.country ?? '', link: event.link ?? '', linkTitle: event.linkTitle ?? '',
    openness: event.openness, capacity: event.capacity === null ? '' : String(event.capacity), registrationOpen: event.registrationOpen ? 'yes' : '',
    invitees: invitees.join('\n'), minutesEn: event.minutes.en ?? '', minutesFr: event.minutes.fr ?? '', recordingUrl: event.recordingUrl ?? '',
  };
}
