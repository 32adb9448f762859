import { describe, expect, it } from 'vitest';
import { isUsable, parseSecurityTxt } from './disclosure.security-txt.js';

const now = new Date('2021-06-01T00:00:00Z');

// RFC 9116 §3's example of a signed file (its `[signature]` placeholder kept), and the field examples of §2.5.
const rfcSigned = [
  '-----BEGIN PGP SIGNED MESSAGE-----',
  'Hash: SHA256',
  '',
  '# Canonical URI',
  'Canonical: https://example.com/.well-known/security.txt',
  '',
  '# Our security address',
  'Contact: mailto:security@example.com',
  '',
  '# Our OpenPGP key',
  'Encryption: https://example.com/pgp-key.txt',
  '',
  '# Our security policy',
  'Policy: https://example.com/security-policy.html',
  '',
  '# Our security acknowledgments page',
  'Acknowledgments: https://example.com/hall-of-fame.html',
  '',
  'Expires: 2021-12-31T18:37:07.000Z',
  '-----BEGIN PGP SIGNATURE-----',
  'Version: GnuPG v2.2',
  '',
  '[signature]',
  '-----END PGP SIGNATURE-----',
  '',
].join('\n');

const rfcFields = [
  '# This is a comment.',
  'Contact: mailto:security@example.com',
  'Contact: mailto:security%2Buri%2Bencoded@example.com',
  'Contact: tel:+1-201-555-0123',
  'Contact: https://example.com/security-contact.html',
  'Encryption: https://example.com/pgp-key.txt',
  'Encryption: dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY',
  'Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
  'Acknowledgments: https://example.com/hall-of-fame.html',
  'Expires: 2021-12-31T18:37:07.000Z',
  'Hiring: https://example.com/jobs.html',
  'Policy: https://example.com/disclosure.html',
  'Preferred-Languages: en, es, fr',
  'CSAF: https://example.com/.well-known/csaf/provider-metadata.json',
  'Canonical: https://www.example.com/.well-known/security.txt',
  '',
].join('\r\n');

describe('security.txt parsing (RFC 9116)', () => {
  it("reads RFC 9116's signed example: the signature is stripped and noted, every field kept with its line", () => {
    const parsed = parseSecurityTxt(rfcSigned, now);
    expect(parsed.problems).toEqual([]);
    expect(parsed.signed).toBe(true);
    expect(parsed.contact).toEqual([{ value: 'mailto:security@example.com', line: 8 }]);
    expect(parsed.canonical).toEqual([{ value: 'https://example.com/.well-known/security.txt', line: 5 }]);
    expect(parsed.expires).toMatchObject({ line: 19, date: new Date('2021-12-31T18:37:07.000Z') });
    expect(parsed.acknowledgments[0]?.value).toBe('https://example.com/hall-of-fame.html');
  });

  it("reads every field example of RFC 9116 §2.5, with CRLF line ends", () => {
    const parsed = parseSecurityTxt(rfcFields, now);
    expect(parsed.problems).toEqual([]);
    expect(parsed.contact.map((c) => c.value)).toEqual(['mailto:security@example.com', 'mailto:security%2Buri%2Bencoded@example.com', 'tel:+1-201-555-0123', 'https://example.com/security-contact.html']);
    expect(parsed.encryption).toHaveLength(3);
    expect(parsed.preferredLanguages).toEqual(['en', 'es', 'fr']);
    expect(parsed.hiring[0]).toEqual({ value: 'https://example.com/jobs.html', line: 11 });
    expect(parsed.csaf).toHaveLength(1);
    expect(isUsable(parsed)).toBe(true);
  });

  it('accepts unknown fields and field names in any case', () => {
    const parsed = parseSecurityTxt('contact: mailto:a@example.org\nEXPIRES: 2021-12-31T00:00:00Z\nX-Bug-Bounty: https://example.org/bounty\n', now);
    expect(parsed.problems).toEqual([]);
    expect(parsed.other).toEqual([{ name: 'X-Bug-Bounty', value: 'https://example.org/bounty', line: 3 }]);
  });

  it.each([
    ['a missing Expires, reported at the last line', 'Contact: mailto:a@example.org\n# end\n', [{ line: 2, code: 'missing-expires' }]],
    ['a missing Contact', 'Expires: 2021-12-31T00:00:00Z\n', [{ line: 1, code: 'missing-contact' }]],
    ['a second Expires', 'Contact: mailto:a@example.org\nExpires: 2021-12-31T00:00:00Z\nExpires: 2021-11-30T00:00:00Z\n', [{ line: 3, code: 'duplicate-expires' }]],
    ['an expired file', 'Contact: mailto:a@example.org\nExpires: 2021-01-01T00:00:00Z\n', [{ line: 2, code: 'expired' }]],
    ['a date that is not RFC 3339', 'Contact: mailto:a@example.org\nExpires: 31/12/2021\n', [{ line: 2, code: 'invalid-expires' }]],
    ['an http Contact', 'Contact: http://example.org/security\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 1, code: 'bad-scheme', field: 'Contact' }]],
    ['an e-mail address without mailto:', 'Contact: security@example.org\nContact: tel:+33100000000\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 1, code: 'bad-scheme' }]],
    ['an http Policy and Encryption', 'Contact: mailto:a@example.org\nPolicy: http://example.org/p\nEncryption: http://example.org/k\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 2, code: 'bad-scheme' }, { line: 3, code: 'bad-scheme' }]],
    ['an http Canonical', 'Contact: mailto:a@example.org\nCanonical: http://example.org/.well-known/security.txt\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 2, code: 'bad-scheme' }]],
    ['Preferred-Languages twice', 'Contact: mailto:a@example.org\nPreferred-Languages: en\nPreferred-Languages: fr\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 3, code: 'duplicate-preferred-languages' }]],
    ['a line that is not a field', 'Contact: mailto:a@example.org\n<html><body>Not found</body></html>\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 2, code: 'malformed-line' }]],
    ['a signature block that never ends', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@example.org\nExpires: 2021-12-31T00:00:00Z\n', [{ line: 1, code: 'bad-signature-format' }]],
  ])('reports %s with its line', (_name, text, expected) => {
    const parsed = parseSecurityTxt(text, now);
    expect(parsed.problems).toMatchObject(expected);
    expect(parsed.problems).toHaveLength(expected.length);
    expect(isUsable(parsed)).toBe(false);
  });

  it('warns, without refusing, when Expires is more than a year ahead', () => {
    const parsed = parseSecurityTxt('Contact: mailto:a@example.org\nExpires: 2030-01-01T00:00:00Z\n', now);
    expect(parsed.problems).toEqual([{ line: 2, code: 'expires-far', severity: 'warning', field: 'Expires' }]);
    expect(isUsable(parsed)).toBe(true);
  });

  it('unescapes dash-escaped lines of a signed file', () => {
    const parsed = parseSecurityTxt('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n- Contact: mailto:a@example.org\nExpires: 2021-12-31T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\n\nx\n-----END PGP SIGNATURE-----\n', now);
    expect(parsed.contact).toEqual([{ value: 'mailto:a@example.org', line: 4 }]);
    expect(parsed.problems).toEqual([]);
  });
});
