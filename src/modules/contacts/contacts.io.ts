/**
 * The directory's exchange formats, pure (no I/O). JSON: a Global-IRT-like record (FIRSTdotorg/global-irt, schema v2
 * field names where one exists: `official-team-name`, `country-code`, `team-members`, `enckeys`, `languages`,
 * `operating-hours`, `last-modified`, `meta`), one member per contact with our fields beside. Text: an RFC 2350-style
 * description whose section 2 (contact information) is the organisation's first contact. Both import back: the JSON
 * gives every contact, the text one (its section 2). A file that does not parse is refused with its line.
 */
import { contactRoles } from './contacts.constants.js';
import type { RawDetails } from './contacts.models.js';
import type { ContactChannelRow, ContactKeyRow, ContactRow } from './contacts.tables.js';

export const jsonSchemaVersion = 'pariscall-contacts/1';

export interface ExportedOrganisation {
  organisation: { name: string; slug: string; countryCode: string | null };
  contacts: Array<{ contact: ContactRow; channels: ContactChannelRow[]; keys: ContactKeyRow[]; due: Date | null }>;
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function organisationJson(data: ExportedOrganisation, now: Date) {
  return {
    'official-team-name': data.organisation.name,
    'short-team-name': data.organisation.slug,
    'country-code': data.organisation.countryCode ? [data.organisation.countryCode] : [],
    'last-modified': now.toISOString(),
    'team-members': data.contacts.map(({ contact, channels, keys, due }) => ({
      name: contact.name,
      title: contact.title,
      role: contact.role,
      email: contact.email,
      languages: contact.languages,
      state: contact.state,
      'time-zone': contact.timeZone,
      'operating-hours': contact.weeklyHours.map((slot) => ({ day: days[slot.day - 1], opens: slot.opens, closes: slot.closes })),
      channels: channels.map((c) => ({ kind: c.kind, value: c.value, is24x7: c.is24x7, priority: c.position })),
      'phone-numbers': channels.filter((c) => c.kind === 'phone').map((c) => c.value),
      enckeys: keys.map((k) => k.fingerprint),
      keys: keys.map((k) => ({ type: 'openpgp', fingerprint: k.fingerprint, algorithm: k.algorithm, expires: k.expiresAt?.toISOString() ?? null })),
      rfc2350Url: contact.rfc2350Url,
      securityTxtUrl: contact.securityTxtUrl,
      cvdPolicyUrl: contact.cvdPolicyUrl,
      'escalation-order': contact.escalationOrder,
      'attestation-days': contact.attestationDays,
      lastAttested: contact.attestedAt?.toISOString() ?? null,
      attestationDueAt: due?.toISOString() ?? null,
    })),
    meta: { 'source-name': 'Paris Call platform', schema_version: jsonSchemaVersion, 'schema-url': 'https://github.com/FIRSTdotorg/global-irt' },
  };
}

/** A line of the file where parsing stopped (1-based), with a catalog key saying why. */
export interface ParseFailure {
  problem: string;
  line: number;
}

const lineAt = (text: string, position: number) => text.slice(0, position).split('\n').length;

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Where in the JSON text a member starts, to name its line when its fields are wrong. */
function memberLine(text: string, index: number): number {
  const at = text.indexOf('"team-members"');
  if (at < 0) return 1;
  let depth = 0;
  let seen = -1;
  for (let i = text.indexOf('[', at) + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch === '{' && depth++ === 0 && ++seen === index) return lineAt(text, i);
    if (ch === '}') depth--;
  }
  return lineAt(text, at);
}

/** The contacts of a JSON record, as raw details for the same checks as the form; or where it failed. */
export function parseOrganisationJson(text: string): { ok: true; members: Array<{ raw: RawDetails; line: number }> } | { ok: false; failure: ParseFailure } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return { ok: false, failure: { problem: 'import.json', line: position ? lineAt(text, Number(position)) : 1 } };
  }
  const members = (parsed as { 'team-members'?: unknown })?.['team-members'];
  if (!Array.isArray(members)) return { ok: false, failure: { problem: 'import.noMembers', line: 1 } };
  return {
    ok: true,
    members: members.map((m: Record<string, unknown>, index) => {
      const hours = Array<string>(7).fill('');
      for (const slot of Array.isArray(m['operating-hours']) ? m['operating-hours'] : []) {
        const day = days.indexOf(str((slot as Record<string, unknown>).day) as (typeof days)[number]);
        if (day >= 0) hours[day] = `${str((slot as Record<string, unknown>).opens)}-${str((slot as Record<string, unknown>).closes)}`;
      }
      const channels = (Array.isArray(m.channels) ? m.channels : []).map((c: Record<string, unknown>) => ({ kind: str(c.kind), value: str(c.value), is24x7: c.is24x7 === true, order: str(c.priority), published: false }));
      return {
        line: memberLine(text, index),
        raw: {
          role: str(m.role), name: str(m.name), title: str(m.title), email: str(m.email), timeZone: str(m['time-zone']), hours,
          languages: Array.isArray(m.languages) ? m.languages.map(str).join(',') : '', rfc2350Url: str(m.rfc2350Url), securityTxtUrl: str(m.securityTxtUrl),
          cvdPolicyUrl: str(m.cvdPolicyUrl), escalationOrder: str(m['escalation-order']), attestationDays: str(m['attestation-days']), channels,
        },
      };
    }),
  };
}

/** The organisation as an RFC 2350-style text: section 2 from its first contact, every contact under 2.9. */
export function organisationRfc2350(data: ExportedOrganisation, now: Date): string {
  const first = data.contacts[0];
  const lines: string[] = [];
  const section = (heading: string, ...body: string[]) => lines.push(heading, ...body.map((b) => `   ${b}`), '');
  lines.push(`Description of ${data.organisation.name} (RFC 2350 style, contact information)`, '');
  section('1. Document Information');
  section('1.1 Date of Last Update', now.toISOString().slice(0, 10));
  section('1.2 Distribution List for Notifications', 'None.');
  section('1.3 Locations where this Document May Be Found', first?.contact.rfc2350Url ?? 'Not published.');
  section('2. Contact Information');
  section('2.1 Name of the Team', data.organisation.name);
  section('2.2 Address', 'Not published.');
  section('2.3 Time Zone', first ? first.contact.timeZone : 'UTC');
  section('2.4 Telephone Number', ...(first?.channels.filter((c) => c.kind === 'phone').map((c) => c.value) ?? ['None.']));
  section('2.5 Facsimile Number', 'None.');
  section('2.6 Other Telecommunication', ...(first?.channels.filter((c) => c.kind !== 'phone' && c.kind !== 'email').map((c) => `${c.kind}: ${c.value}`) ?? []));
  section('2.7 Electronic Mail Address', first?.contact.email ?? '');
  section('2.8 Public Keys and Encryption Information', ...(first?.keys.map((k) => `OpenPGP ${k.fingerprint}${k.expiresAt ? ` (expires ${k.expiresAt.toISOString().slice(0, 10)})` : ''}`) ?? []));
  section('2.9 Team Members', ...data.contacts.map(({ contact }) => `${contact.name}${contact.title ? `, ${contact.title}` : ''} (${contact.role})`));
  section('2.10 Other Information', ...[first?.contact.securityTxtUrl && `security.txt: ${first.contact.securityTxtUrl}`, first?.contact.cvdPolicyUrl && `CVD policy: ${first.contact.cvdPolicyUrl}`].filter((l): l is string => !!l));
  const hours = first?.contact.weeklyHours.map((s) => `${days[s.day - 1]} ${s.opens}-${s.closes}`).join(', ');
  const around = first?.channels.some((c) => c.is24x7) ? '24/7' : '';
  section('2.11 Points of Customer Contact', ...[hours ? `Hours: ${hours}` : '', around, `Languages: ${first?.contact.languages.join(', ') ?? ''}`].filter(Boolean));
  return lines.join('\n');
}

/**
 * One contact from section 2 of an RFC 2350-style text: 2.1 name, 2.3 time zone (IANA), 2.4 telephone, 2.7 e-mail,
 * 2.11 hours (`mon 09:00-17:00, …`), 24/7 and languages. A missing or malformed field is refused with its line.
 */
export function parseRfc2350(text: string): { ok: true; raw: RawDetails } | { ok: false; failure: ParseFailure } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections = new Map<string, { line: number; body: string[] }>();
  let current: string | null = null;
  lines.forEach((line, index) => {
    const heading = /^\s*(\d+(?:\.\d+)*)\.?\s+\S/.exec(line);
    if (heading) {
      current = heading[1]!;
      sections.set(current, { line: index + 1, body: [] });
    } else if (current && line.trim()) sections.get(current)!.body.push(line.trim());
  });
  const need = (key: string) => sections.get(key);
  for (const key of ['2.1', '2.3', '2.7']) {
    const found = need(key);
    if (!found || !found.body.length) return { ok: false, failure: { problem: `import.rfc2350.missing.${key}`, line: found?.line ?? lines.length } };
  }
  const zone = need('2.3')!;
  const phone = need('2.4')?.body.filter((b) => /^\+?[0-9 ().-]{4,30}$/.test(b)) ?? [];
  const hoursSection = need('2.11');
  const hours = Array<string>(7).fill('');
  const hoursText = hoursSection?.body.find((b) => /^hours:/i.test(b));
  if (hoursText) {
    for (const part of hoursText.replace(/^hours:\s*/i, '').split(',')) {
      const match = /^\s*(mon|tue|wed|thu|fri|sat|sun)\s+(\S+)\s*$/i.exec(part);
      if (!match) return { ok: false, failure: { problem: 'import.rfc2350.hours', line: hoursSection!.line + 1 + hoursSection!.body.indexOf(hoursText) } };
      hours[days.indexOf(match[1]!.toLowerCase() as (typeof days)[number])] = match[2]!;
    }
  }
  const is24x7 = hoursSection?.body.some((b) => /24\s*[/x]\s*7/i.test(b)) ?? false;
  const languages = hoursSection?.body.find((b) => /^languages:/i.test(b))?.replace(/^languages:\s*/i, '') ?? '';
  const email = need('2.7')!.body[0]!;
  const zoneValue = zone.body[0]!;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zoneValue)) return { ok: false, failure: { problem: 'import.rfc2350.timeZone', line: zone.line + 1 } };
  return {
    ok: true,
    raw: {
      role: contactRoles[1], name: need('2.1')!.body[0]!, title: '', email, timeZone: zoneValue, hours, languages,
      rfc2350Url: '', securityTxtUrl: '', cvdPolicyUrl: '', escalationOrder: '', attestationDays: '',
      channels: [{ kind: 'email', value: email, is24x7, order: '0', published: false }, ...phone.map((value, i) => ({ kind: 'phone', value, is24x7, order: String(i + 1), published: false }))],
    },
  };
}
