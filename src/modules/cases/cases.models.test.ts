import { beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantState } from './cases.constants.js';
import { buildCsaf, csafDistribution, csafFilename, validateCsaf } from './cases.csaf.js';
import { scoreVector } from './cases.cvss.js';
import { checkEmbargo, checkVulnerability, mayPublish } from './cases.models.js';
import { localToInstant, zonedText } from './cases.time.js';

describe('CVSS through ae-cvss-calculator, against FIRST’s reference scores', () => {
  it.each([
    // FIRST CVSS v3.1 specification, section 7 examples and the calculator's well-known vectors.
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'CRITICAL'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'MEDIUM'], // CVE-2013-1937 (phpMyAdmin XSS), FIRST examples
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'CRITICAL'],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'HIGH'],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0, 'NONE'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L', 5.6, 'MEDIUM'],
  ])('3.1 %s scores %s', (vector, score, severity) => {
    expect(scoreVector('3.1', vector)).toMatchObject({ baseScore: score, severity });
  });

  it.each([
    // FIRST CVSS v4.0 calculator: the highest base vector, and the specification's examples.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
  ])('4.0 %s scores %s', (vector, score) => {
    expect(scoreVector('4.0', vector)?.baseScore).toBe(score);
  });

  it('an incomplete vector, an unknown value or another version is refused, not scored', () => {
    expect(scoreVector('3.1', 'CVSS:3.1/AV:N/AC:L')).toBeNull();
    expect(scoreVector('3.1', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
    expect(scoreVector('3.1', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
    expect(scoreVector('4.0', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H')).toBeNull();
    expect(scoreVector('4.0', 'not a vector')).toBeNull();
  });

  it('a bad vector is a clear error in the reader’s language', () => {
    const fr = checkVulnerability({ title: 'X', cwe: 'CWE-99999', cve: 'CVE-26-1', cvss31: 'CVSS:3.1/AV:N', cvss40: 'CVSS:4.0/AV:N' }, 'fr');
    expect(fr.issues.map((i) => i.field)).toEqual(['cwe', 'cve', 'cvss31', 'cvss40']);
    expect(fr.issues[2]!.message).toContain('vecteur CVSS 3.1 complet');
  });
});

describe('embargo times in IANA zones', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('a local time is stored as its UTC instant and shown with its zone and offset', () => {
    const result = checkEmbargo('2026-07-01T12:00', 'America/New_York', now, 'en');
    expect(result).toEqual({ at: new Date('2026-07-01T16:00:00Z'), zone: 'America/New_York' });
    expect(zonedText('en', new Date('2026-07-01T16:00:00Z'), 'Asia/Tokyo')).toBe('July 2, 2026 at 1:00 AM (Asia/Tokyo, UTC+09:00)');
  });

  it('a time the clocks skip is refused, an overlap takes the earlier instant', () => {
    expect(localToInstant('2026-03-29T02:30', 'Europe/Paris')).toBe('skipped');
    expect(checkEmbargo('2026-03-29T02:30', 'Europe/Paris', now, 'en')).toMatchObject({ issues: [{ field: 'embargoAt', code: 'cases.skipped' }] });
    expect(localToInstant('2026-10-25T02:30', 'Europe/Paris')).toEqual(new Date('2026-10-25T00:30:00Z'));
  });

  it('an unknown zone, a non-date or a past time is refused', () => {
    expect(checkEmbargo('2026-07-01T12:00', 'Mars/Olympus', now, 'en')).toMatchObject({ issues: [{ field: 'timeZone' }] });
    expect(checkEmbargo('tomorrow', 'UTC', now, 'en')).toMatchObject({ issues: [{ field: 'embargoAt', code: 'cases.local' }] });
    expect(checkEmbargo('2025-07-01T12:00', 'UTC', now, 'en')).toMatchObject({ issues: [{ code: 'cases.past' }] });
  });

  it('publication: after the embargo, or earlier only when every organisation acknowledged it', () => {
    const embargoAt = new Date('2026-07-01T00:00:00Z');
    expect(mayPublish({ embargoAt: null, now, participants: 1, acknowledged: 1 })).toBe('no-embargo');
    expect(mayPublish({ embargoAt, now, participants: 3, acknowledged: 2 })).toBe('too-early');
    expect(mayPublish({ embargoAt, now, participants: 3, acknowledged: 3 })).toBe('ok');
    expect(mayPublish({ embargoAt, now: embargoAt, participants: 3, acknowledged: 0 })).toBe('ok');
  });
});

describe('CSAF 2.0', () => {
  // The validation worker's first answer waits for the library to compile its schemas (seconds on a busy machine): in
  // this hook's time, not the first test's. (cases.test-support.ts has the same, but loads the application with it.)
  beforeAll(() => validateCsaf({}), 120_000);
  const source = (overrides = {}) => ({
    trackingId: 'PCP-CVD-2026-Test/1', title: 'Flaw in Widget', summary: 'A flaw.', language: 'en', marking: 'CLEAR' as const,
    publisherName: 'Paris Call', publisherNamespace: 'https://pariscall.example', advisoryUrl: 'https://pariscall.example/en/advisories/x', releasedAt: new Date('2026-12-07T10:00:00Z'),
    participants: [{ id: 'a', name: 'Acme' }, { id: 'b', name: 'Beta' }, { id: 'c', name: 'Silent Corp' }],
    products: [{ id: 'p1', participantId: 'a', name: 'Widget 1.0' }, { id: 'p2', participantId: 'b', name: 'Gadget 2' }, { id: 'p3', participantId: 'c', name: 'Quiet 3' }],
    vulnerabilities: [{ id: 'v1', title: 'XSS', cwe: 'CWE-79', cve: 'CVE-2026-12345', cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }],
    states: new Map<string, Map<string, ParticipantState>>([['a', new Map([['v1', 'affected']])], ['b', new Map([['v1', 'not-affected']])]]),
    statements: [{ participantName: 'Acme', text: 'Update to 1.1.' }],
    ...overrides,
  });

  it('the advisory passes the BSI validator (strict schema and every mandatory test) with no error', async () => {
    expect(await validateCsaf(buildCsaf(source()))).toEqual([]);
  });

  it('silence is under investigation, never known_not_affected, and the advisory says who did not answer', () => {
    const doc = buildCsaf(source()) as { vulnerabilities: Array<{ product_status: Record<string, string[]>; notes: Array<{ text: string }> }> };
    expect(doc.vulnerabilities[0]!.product_status).toEqual({ known_affected: ['CSAFPID-0001'], known_not_affected: ['CSAFPID-0002'], under_investigation: ['CSAFPID-0003'] });
    expect(doc.vulnerabilities[0]!.notes.map((n) => n.text).join(' ')).toContain('Silent Corp');
  });

  it('a document the validator refuses is reported with its test and place', async () => {
    const errors = await validateCsaf(buildCsaf(source({ products: [] })));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toHaveProperty('test');
    expect(errors[0]).toHaveProperty('instancePath');
  });

  it('TLP 2.0 labels in CSAF 2.0’s TLP 1.0 words, and the file name of section 5.1', () => {
    expect(csafDistribution('CLEAR')).toEqual({ tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } });
    expect(csafDistribution('AMBER+STRICT')).toMatchObject({ text: expect.stringContaining('AMBER+STRICT'), tlp: { label: 'AMBER' } });
    expect(csafDistribution('RED').tlp.label).toBe('RED');
    expect(csafFilename('PCP-CVD-2026-Test/1')).toBe('pcp-cvd-2026-test_1.json');
  });

  it.each(['GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const)('a %s-marked export is valid CSAF too', async (marking) => {
    expect(await validateCsaf(buildCsaf(source({ marking })))).toEqual([]);
  });
});
