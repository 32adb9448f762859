/**
 * The details' rules, and importing and exporting an organisation's contacts: a JSON record and an RFC 2350-style
 * text round-trip; a file that does not parse, or a member that breaks a rule, is refused with its line and nothing
 * changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { importContacts, readImport } from './contacts.imports.js';
import { organisationJson, organisationRfc2350, parseRfc2350 } from './contacts.io.js';
import { attestationStep, checkDetails, isTimeZone, utcOffset, type RawDetails } from './contacts.models.js';
import { organisationExport } from './contacts.queries.js';
import { createContactsRepository } from './contacts.repository.js';
import { buildDetails, organisationWithRepresentative } from './contacts.test-support.js';
import { nominateContact } from './contacts.usecases.js';

const raw = (overrides: Partial<RawDetails> = {}): RawDetails => ({
  role: 'technical', name: 'Desk', title: '', email: 'Desk@CERT.example', timeZone: 'Europe/Paris', hours: ['09:00-18:00', '', '', '', '', '', ''], languages: 'fr, en',
  rfc2350Url: '', securityTxtUrl: 'https://cert.example/.well-known/security.txt', cvdPolicyUrl: '', escalationOrder: '', attestationDays: '',
  channels: [{ kind: 'phone', value: '+33 1 23 45 67 89', is24x7: true, order: '', published: false }], ...overrides,
});

describe('the details’ rules', () => {
  it('accepts valid details, lower-cases the e-mail and defaults the attestation period to 90 days', () => {
    const checked = checkDetails(raw());
    expect(checked).toMatchObject({ ok: true, value: { email: 'desk@cert.example', attestationDays: 90, weeklyHours: [{ day: 1, opens: '09:00', closes: '18:00' }], languages: ['fr', 'en'] } });
  });

  it.each([
    [{ timeZone: 'CET' }, 'timeZone'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ hours: ['18:00-09:00', '', '', '', '', '', ''] }, 'hours-1'],
    [{ attestationDays: '6' }, 'attestationDays'],
    [{ attestationDays: '401' }, 'attestationDays'],
    [{ email: 'not-an-address' }, 'email'],
    [{ role: 'spy' }, 'role'],
    [{ cvdPolicyUrl: 'javascript:alert(1)' }, 'cvdPolicyUrl'],
    [{ channels: [{ kind: 'phone', value: 'call me', is24x7: false, order: '', published: false }] }, 'channel-0-value'],
  ] as const)('refuses %j on %s', (overrides, field) => {
    const checked = checkDetails(raw(overrides as Partial<RawDetails>));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toContain(field);
  });

  it('knows IANA zones and shows their UTC offset at a given time', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('EST')).toBe(false);
    expect(utcOffset('Europe/Paris', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffset('Europe/Paris', new Date('2026-12-01T00:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffset('UTC', new Date())).toMatch(/^UTC(\+00:00)?$/);
  });

  it.each([
    ['2026-01-05', 'none'],
    ['2026-01-18', 'remind'],
    ['2026-01-31T08:00:00Z', 'flag'],
  ] as const)('the clock at %s says %s (attested 2026-01-01, every 30 days)', (at, step) => {
    expect(attestationStep({ state: 'active', attestedAt: new Date('2026-01-01T08:00:00Z'), attestationDays: 30, remindedFor: null }, new Date(at))).toBe(step);
  });
});

describe('reading imported files', () => {
  it('names the line where a JSON file stops parsing', () => {
    expect(() => readImport('json', '{\n  "team-members": [\n    { "name": "A", }\n  ]\n}')).toThrow(expect.objectContaining({ code: 'contacts.import-refused', message: expect.stringContaining('Line 3') }));
  });

  it('names the line of a member that breaks a rule', () => {
    const text = JSON.stringify({ 'team-members': [{ name: 'A', role: 'technical', email: 'a@cert.example', 'time-zone': 'UTC' }, { name: 'B', role: 'technical', email: 'b@cert.example', 'time-zone': 'CET' }] }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"B"')) ;
    expect(() => readImport('json', text)).toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp(`^Line (${line}|${line - 1}|${line + 1}): Give an IANA`)) }));
  });

  it('reads section 2 of an RFC 2350 text, and names the line of a zone that is not IANA', () => {
    const text = ['2. Contact Information', '2.1 Name of the Team', '   CERT-Example', '2.3 Time Zone', '   Europe/Paris', '2.4 Telephone Number', '   +33 1 23 45 67 89', '2.7 Electronic Mail Address', '   cert@example.org', '2.11 Points of Customer Contact', '   Hours: mon 09:00-17:00, fri 09:00-12:00', '   24/7', '   Languages: fr, en'].join('\n');
    const parsed = parseRfc2350(text);
    expect(parsed).toMatchObject({ ok: true, raw: { name: 'CERT-Example', email: 'cert@example.org', timeZone: 'Europe/Paris', languages: 'fr, en' } });
    if (parsed.ok) expect(checkDetails(parsed.raw)).toMatchObject({ ok: true, value: { weeklyHours: [{ day: 1, opens: '09:00', closes: '17:00' }, { day: 5, opens: '09:00', closes: '12:00' }], channels: [{ kind: 'email', is24x7: true }, { kind: 'phone', is24x7: true }] } });
    expect(parseRfc2350(text.replace('Europe/Paris', 'CET (UTC+1)'))).toEqual({ ok: false, failure: { problem: 'import.rfc2350.timeZone', line: 5 } });
    expect(parseRfc2350(text.replace('2.7 Electronic Mail Address\n   cert@example.org\n', ''))).toMatchObject({ ok: false, failure: { problem: 'import.rfc2350.missing.2.7' } });
  });
});

describe('importing and exporting an organisation’s contacts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: fixtureSite });
  });
  afterAll(async () => t?.close());

  it('exports JSON and RFC 2350 text that import back: known e-mails are updated, new ones nominated', async () => {
    const db = t.database.db;
    const { organisation, rep } = await organisationWithRepresentative(t, 3);
    await nominateContact({ db, actor: rep.actor, publicUrl: 'https://p.test', supporterId: organisation.id, details: buildDetails({ email: 'desk@cert.example', name: 'Desk' }), locale: 'en' });
    const data = await organisationExport({ db, actor: rep.actor, supporterId: organisation.id });
    const json = organisationJson(data, new Date());
    expect(json['team-members']).toMatchObject([{ name: 'Desk', email: 'desk@cert.example', 'time-zone': 'Europe/Paris', channels: [{ kind: 'email' }, { kind: 'phone' }] }]);
    expect(json.meta.schema_version).toBe('pariscall-contacts/1');

    const changed = JSON.stringify({ ...json, 'team-members': [{ ...json['team-members'][0], title: 'Head of desk' }, { ...json['team-members'][0], name: 'Second', email: 'second@cert.example' }] });
    expect(await importContacts({ db, actor: rep.actor, publicUrl: 'https://p.test', supporterId: organisation.id, format: 'json', text: changed, locale: 'en' })).toEqual({ nominated: 1, updated: 1 });
    const contacts = await createContactsRepository(db).ofSupporter(organisation.id);
    expect(contacts.map((c) => [c.email, c.title]).sort()).toEqual([['desk@cert.example', 'Head of desk'], ['second@cert.example', 'Duty officer']]);

    const text = organisationRfc2350(await organisationExport({ db, actor: rep.actor, supporterId: organisation.id }), new Date());
    expect(text).toContain('2.3 Time Zone\n   Europe/Paris');
    expect(await importContacts({ db, actor: rep.actor, publicUrl: 'https://p.test', supporterId: organisation.id, format: 'rfc2350', text, locale: 'en' })).toEqual({ nominated: 0, updated: 1 });
  });

  it('a broken file changes nothing', async () => {
    const db = t.database.db;
    const { organisation, rep } = await organisationWithRepresentative(t, 4);
    await expect(importContacts({ db, actor: rep.actor, publicUrl: 'https://p.test', supporterId: organisation.id, format: 'json', text: '{"team-members": [{"name": "A", "role": "technical", "email": "a@x.example", "time-zone": "UTC"}, {"name": ""}]}', locale: 'fr' }))
      .rejects.toMatchObject({ code: 'contacts.import-refused', status: 422 });
    expect(await createContactsRepository(db).ofSupporter(organisation.id)).toEqual([]);
  });
});
