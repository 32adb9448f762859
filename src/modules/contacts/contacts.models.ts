/**
 * The pure rules of the directory: what a contact's details must be (the form, the API and the imports all end here),
 * time zones and their UTC offsets, the attestation clock (due date, reminder, overdue) and the folded search text.
 */
import { foldText } from '../../shared/text.js';
import { attestation, channelKinds, contactLimits, contactRoles, type ChannelKind, type ContactRole } from './contacts.constants.js';
import type { WeeklySlot } from './contacts.tables.js';

export interface ChannelInput {
  kind: ChannelKind;
  value: string;
  is24x7: boolean;
  position: number;
  published: boolean;
}

/** What a representative (or the contact) gives: everything but the state, the account and the keys. */
export interface ContactDetails {
  role: ContactRole;
  name: string;
  title: string | null;
  email: string;
  timeZone: string;
  weeklyHours: WeeklySlot[];
  languages: string[];
  rfc2350Url: string | null;
  securityTxtUrl: string | null;
  cvdPolicyUrl: string | null;
  escalationOrder: number;
  attestationDays: number;
  channels: ChannelInput[];
}

/** A field's problem, as a catalog key of the module (`error.email`). */
export type DetailIssues = Record<string, string>;

const emailShape = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** An IANA zone name the runtime knows (`Europe/Paris`, `UTC`); abbreviations such as `CET` or `EST` are refused. */
export function isTimeZone(zone: string): boolean {
  if (zone !== 'UTC' && !/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `at`, as `UTC+01:00` (`UTC` itself for zero). */
export function utcOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return part === 'GMT' ? 'UTC' : part.replace('GMT', 'UTC');
}

function httpsUrl(value: string): string | null | false {
  if (!value) return null;
  if (value.length > contactLimits.url) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : false;
  } catch {
    return false;
  }
}

/** One day's hours as typed (`09:00-18:00`, empty for closed) → a slot, or false when malformed. */
export function parseDayHours(day: number, typed: string): WeeklySlot | null | false {
  const value = typed.trim();
  if (!value) return null;
  const [opens, closes] = value.split(/\s*[-–]\s*/);
  if (!opens || !closes || !hhmm.test(opens) || !hhmm.test(closes) || opens >= closes) return false;
  return { day, opens, closes };
}

function checkChannel(kind: ChannelKind, value: string): boolean {
  if (kind === 'email') return emailShape.test(value);
  if (kind === 'portal') return httpsUrl(value) !== false && httpsUrl(value) !== null;
  return /^\+?[0-9 ().-]{4,30}$/.test(value) || (kind === 'signal' && /^[A-Za-z0-9._-]{3,40}$/.test(value));
}

/** The raw values the edges hand over (form fields, API body, imported record), checked into details or issues. */
export interface RawDetails {
  role: string;
  name: string;
  title: string;
  email: string;
  timeZone: string;
  hours: string[];
  languages: string;
  rfc2350Url: string;
  securityTxtUrl: string;
  cvdPolicyUrl: string;
  escalationOrder: string;
  attestationDays: string;
  channels: Array<{ kind: string; value: string; is24x7: boolean; order: string; published: boolean }>;
}

export function checkDetails(raw: RawDetails): { ok: true; value: ContactDetails } | { ok: false; errors: DetailIssues } {
  const errors: DetailIssues = {};
  const text = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!(contactRoles as readonly string[]).includes(raw.role)) errors.role = 'error.role';
  const name = text(raw.name);
  if (!name || name.length > contactLimits.name) errors.name = 'error.name';
  const title = text(raw.title);
  if (title.length > contactLimits.title) errors.title = 'error.title';
  const email = raw.email.trim().toLowerCase();
  if (!emailShape.test(email) || email.length > contactLimits.email) errors.email = 'error.email';
  const timeZone = raw.timeZone.trim();
  if (!isTimeZone(timeZone)) errors.timeZone = 'error.timeZone';
  const weeklyHours: WeeklySlot[] = [];
  raw.hours.forEach((typed, index) => {
    const slot = parseDayHours(index + 1, typed ?? '');
    if (slot === false) errors[`hours-${index + 1}`] = 'error.hours';
    else if (slot) weeklyHours.push(slot);
  });
  const languages = raw.languages.split(/[\s,;]+/).map((l) => l.trim()).filter(Boolean);
  if (languages.length > contactLimits.languages || languages.some((l) => !languageTag.test(l))) errors.languages = 'error.languages';
  const urls = { rfc2350Url: httpsUrl(raw.rfc2350Url.trim()), securityTxtUrl: httpsUrl(raw.securityTxtUrl.trim()), cvdPolicyUrl: httpsUrl(raw.cvdPolicyUrl.trim()) };
  for (const [field, value] of Object.entries(urls)) if (value === false) errors[field] = 'error.url';
  const escalationOrder = raw.escalationOrder.trim() === '' ? 0 : Number(raw.escalationOrder);
  if (!Number.isInteger(escalationOrder) || escalationOrder < 0 || escalationOrder > 999) errors.escalationOrder = 'error.order';
  const attestationDays = raw.attestationDays.trim() === '' ? attestation.defaultDays : Number(raw.attestationDays);
  if (!Number.isInteger(attestationDays) || attestationDays < attestation.minDays || attestationDays > attestation.maxDays) errors.attestationDays = 'error.attestationDays';
  const channels: ChannelInput[] = [];
  raw.channels.forEach((channel, index) => {
    const value = channel.value.trim();
    if (!value) return;
    const kind = channel.kind as ChannelKind;
    const position = channel.order.trim() === '' ? index : Number(channel.order);
    if (!(channelKinds as readonly string[]).includes(kind) || value.length > contactLimits.channelValue || !checkChannel(kind, value) || !Number.isInteger(position) || position < 0 || position > 99) {
      errors[`channel-${index}-value`] = 'error.channel';
      return;
    }
    channels.push({ kind, value, is24x7: channel.is24x7, position, published: channel.published });
  });
  if (channels.length > contactLimits.channels) errors['channel-0-value'] = 'error.channel';
  if (Object.keys(errors).length) return { ok: false, errors };
  channels.sort((a, b) => a.position - b.position);
  return {
    ok: true,
    value: {
      role: raw.role as ContactRole, name, title: title || null, email, timeZone, weeklyHours, languages,
      rfc2350Url: urls.rfc2350Url || null, securityTxtUrl: urls.securityTxtUrl || null, cvdPolicyUrl: urls.cvdPolicyUrl || null,
      escalationOrder, attestationDays, channels: channels.map((c, position) => ({ ...c, position })),
    },
  };
}

/** When the contact must attest next: its last attestation (or acceptance) plus its period. */
export function attestationDue(contact: { attestedAt: Date | null; attestationDays: number }): Date | null {
  return contact.attestedAt ? new Date(contact.attestedAt.getTime() + contact.attestationDays * 86_400_000) : null;
}

/** What the clock says of a contact at `now`: nothing, a reminder (once per due date), or the stale flag. */
export function attestationStep(
  contact: { state: string; attestedAt: Date | null; attestationDays: number; remindedFor: Date | null },
  now: Date,
): 'none' | 'remind' | 'flag' {
  const due = attestationDue(contact);
  if (!due || (contact.state !== 'active' && contact.state !== 'stale')) return 'none';
  if (due <= now) return contact.state === 'active' ? 'flag' : 'none';
  const remindFrom = due.getTime() - attestation.remindDaysBefore * 86_400_000;
  if (now.getTime() >= remindFrom && contact.remindedFor?.getTime() !== due.getTime()) return 'remind';
  return 'none';
}

/** The directory's search text: folded name, title, organisation name and country, so "société" finds "Societe". */
export function contactSearchText(input: { name: string; title: string | null; organisation: string; country: string | null; role: string; languages: string[] }): string {
  return foldText([input.name, input.title ?? '', input.organisation, input.country ?? '', input.role, ...input.languages].join(' '));
}
