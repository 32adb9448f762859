import { describe, expect, it } from 'vitest';
import {
  carriesCode,
  dnsTxtInstruction,
  dnsTxtRecord,
  emailDomainMatches,
  isFreeMailDomain,
  isIntergovernmentalName,
  isPrivateAddress,
  newVerificationCode,
  registrableDomain,
  wellKnownUrl,
} from './applications.verification.js';

describe('registrable domains', () => {
  it.each([
    ['https://www.example.org/about', 'example.org'],
    ['https://WWW.Example.ORG./', 'example.org'],
    ['example.org', 'example.org'],
    ['https://shop.example.co.jp/fr', 'example.co.jp'],
    ['https://www.ncsc.gov.uk/x', 'ncsc.gov.uk'],
    ['https://www.gov.uk', 'www.gov.uk'], // gov.uk is a public suffix: every department is its own domain
    ['https://www.diplomatie.gouv.fr', 'diplomatie.gouv.fr'],
    ['https://acme.github.io/site', 'acme.github.io'], // private suffixes count: github.io users are different owners
    ['https://bücher.example', 'xn--bcher-kva.example'],
    ['someone@mail.example.co.jp', 'example.co.jp'],
    ['CEO@Example.ORG', 'example.org'],
    ['http://127.0.0.1:8080', null],
    ['https://[::1]/', null],
    ['https://co.uk', null],
    ['not a url', null],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });
});

describe('what the applicant must publish', () => {
  it.each([
    ['https://www.example.org/about?x=1', 'https://www.example.org/.well-known/pariscall-verification.txt'],
    ['http://example.org', 'https://example.org/.well-known/pariscall-verification.txt'],
    ['https://shop.example.co.jp', 'https://shop.example.co.jp/.well-known/pariscall-verification.txt'],
    ['not a url', null],
  ])('the file for %s is at %s', (website, expected) => {
    expect(wellKnownUrl(website)).toBe(expected);
  });

  it('the DNS record goes on the registrable domain, not on www', () => {
    expect(dnsTxtRecord('https://www.example.org', 'abc')).toBe('example.org TXT "pariscall-verification=abc"');
    expect(dnsTxtInstruction('https://news.ncsc.gov.uk', 'abc')).toEqual({ name: 'ncsc.gov.uk', value: 'pariscall-verification=abc' });
    expect(dnsTxtRecord('http://127.0.0.1', 'abc')).toBeNull();
  });

  it('a verification code is long, URL-safe and never the same twice', () => {
    const codes = new Set(Array.from({ length: 200 }, newVerificationCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it.each([
    ['abcdefgh12345678', true],
    ['abcdefgh12345678\n', true],
    ['\uFEFFpariscall-verification=abcdefgh12345678\r\n', true],
    ['other\nabcdefgh12345678\n', true],
    ['xabcdefgh12345678', false],
    ['abcdefgh1234567', false],
    ['', false],
  ])('the published text %j carries the code: %s', (text, expected) => {
    expect(carriesCode(text, 'abcdefgh12345678')).toBe(expected);
  });

  it('an empty or trivial code is never found', () => {
    expect(carriesCode('anything', '')).toBe(false);
    expect(carriesCode('abc', 'abc')).toBe(false);
  });
});

describe('domains that prove nothing', () => {
  it.each([
    ['gmail.com', true],
    ['yahoo.co.jp', true],
    ['yahoo.fr', true],
    ['outlook.fr', true],
    ['proton.me', true],
    ['protonmail.com', true],
    ['orange.fr', true],
    ['orange.com', false],
    ['example.org', false],
  ])('%s is free mail: %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });

  it.each([
    ['a@example.org', 'https://www.example.org', true],
    ['a@mail.example.org', 'b@example.org', true],
    ['a@gmail.com', 'b@gmail.com', false],
    ['a@google.com', 'https://sites.google.com/view/acme', false],
    ['a@example.org', 'https://example.com', false],
    ['a@example.org', 'not a url', false],
  ])('%s and %s belong together: %s', (email, other, expected) => {
    expect(emailDomainMatches(email, other)).toBe(expected);
  });
});

describe('addresses the platform never reaches', () => {
  it.each([
    ['127.0.0.1', true],
    ['0.0.0.0', true],
    ['10.1.2.3', true],
    ['100.64.0.1', true],
    ['172.20.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:a9fe:a9fe', true],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::5db8:d822', false],
    ['::ffff:93.184.216.34', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['not an address', true],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('intergovernmental names', () => {
  it.each([
    ['European Union', true],
    ['Union européenne', true],
    ['INTERPOL', true],
    ['Organisation for Economic Co-operation and Development (OECD)', true],
    ['Council of Europe', true],
    ['Organization of American States', true],
    ['Organisation internationale de la Francophonie', true],
    ['International Telecommunication Union', true],
    ['World Health Organization', true],
    ['Ville de Lyon', false],
    ['Union Bank', false],
    ['Europa Cyber Forum', false],
  ])('%s: %s', (name, expected) => {
    expect(isIntergovernmentalName(name)).toBe(expected);
  });
});
