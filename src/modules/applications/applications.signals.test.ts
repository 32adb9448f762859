import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { findDuplicates } from './applications.duplicates.js';
import { checkDnsTxt, checkWellKnown, computeSignals, diplomaticSignal, emailDomainSignal, isPrivateAddress } from './applications.signals.js';
import { dnsTxtRecord, emailDomainMatches, registrableDomain, wellKnownUrl } from './applications.verification.js';

describe('registrable domains and e-mail domain signals', () => {
  it.each([
    ['https://www.example.org/about', 'example.org'],
    ['https://service.gov.uk', 'service.gov.uk'],
    ['https://www.ncsc.gov.uk/x', 'ncsc.gov.uk'],
    ['someone@mail.example.co.jp', 'example.co.jp'],
    ['not a url', null],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each([
    ['ceo@example.org', 'https://www.example.org', 'pass'],
    ['ceo@mail.example.org', 'https://example.org', 'pass'],
    ['ceo@example.com', 'https://example.org', 'fail'],
    ['someone@gmail.com', 'https://gmail.com', 'fail'],
    ['minister@ncsc.gov.uk', 'https://www.gov.uk', 'fail'],
    ['ceo@example.org', null, 'fail'],
  ])('%s for %s: %s', (email, website, expected) => {
    expect(emailDomainSignal(email, website).status).toBe(expected);
  });

  it('a free-mail address never matches, even another free-mail address', () => {
    expect(emailDomainMatches('a@gmail.com', 'b@gmail.com')).toBe(false);
    expect(emailDomainMatches('a@org.example', 'b@org.example')).toBe(true);
  });

  it('tells the applicant exactly what to publish', () => {
    expect(wellKnownUrl('https://www.example.org/about')).toBe('https://www.example.org/.well-known/pariscall-verification.txt');
    expect(dnsTxtRecord('https://www.example.org', 'abc')).toBe('example.org TXT "pariscall-verification=abc"');
  });
});

describe('diplomatic channel', () => {
  it.each([
    ['state', 'Sénégal', 'info'],
    ['public-authority', 'European Union', 'info'],
    ['public-authority', 'INTERPOL', 'info'],
    ['public-authority', 'Organisation internationale de la Francophonie', 'info'],
    ['public-authority', 'Ville de Lyon', null],
    ['private-sector', 'Union Bank', null],
  ])('%s %s → %s', (category, name, expected) => {
    expect(diplomaticSignal(category, name)?.status ?? null).toBe(expected);
  });
});

describe('private addresses are never fetched', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('verification file at the website', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/.well-known/pariscall-verification.txt' && request.headers.host?.startsWith('127.0.0.1')) {
        response.end('code-123\n');
      } else if (request.url?.startsWith('/redirect')) {
        response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes when the code is published', async () => {
    expect((await checkWellKnown(base, 'code-123', { allowPrivate: true })).status).toBe('pass');
  });
  it('fails with the wrong code', async () => {
    expect((await checkWellKnown(base, 'other', { allowPrivate: true })).status).toBe('fail');
  });
  it('refuses a private address unless told otherwise (SSRF)', async () => {
    const signal = await checkWellKnown(base, 'code-123');
    expect(signal.status).toBe('fail');
    expect(signal.detail).toMatch(/port|private/);
    const byName = await checkWellKnown('https://intranet.example', 'x', { lookup: async () => ['10.0.0.5'] });
    expect(byName.detail).toContain('private');
  });
  it('does not follow redirects', async () => {
    const redirecting = http.createServer((_q, r) => r.writeHead(301, { location: 'http://169.254.169.254/' }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const signal = await checkWellKnown(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`, 'x', { allowPrivate: true });
    redirecting.close();
    expect(signal.status).toBe('fail');
    expect(signal.detail).toContain('redirected');
  });
});

describe('verification DNS record', () => {
  it.each([
    [[['pariscall-verification=abc']], 'pass'],
    [[['pariscall-verification=', 'abc']], 'pass'],
    [[['v=spf1 -all'], ['pariscall-verification=zzz']], 'fail'],
  ])('%j → %s', async (records, expected) => {
    expect((await checkDnsTxt('https://www.example.org', 'abc', { resolveTxt: async () => records })).status).toBe(expected);
  });
  it('a missing domain is a failed check, not an error', async () => {
    const signal = await checkDnsTxt('https://example.org', 'abc', { resolveTxt: async () => Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })) });
    expect(signal.status).toBe('fail');
  });
  it('all checks together', async () => {
    const signals = await computeSignals(
      { category: 'state', name: 'Sénégal', website: 'https://www.diplomatie.gouv.sn', executiveEmail: 'cab@diplomatie.gouv.sn', verificationCode: 'abc' },
      { resolveTxt: async () => [['pariscall-verification=abc']], lookup: async () => ['10.0.0.1'] },
    );
    expect(signals.map((s) => [s.kind, s.status])).toEqual([
      ['email-domain', 'pass'],
      ['well-known', 'fail'],
      ['dns-txt', 'pass'],
      ['diplomatic-channel', 'info'],
    ]);
  });
});

describe('likely duplicates in the registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: fixtureSite });
  });
  afterAll(async () => t?.close());

  it.each([
    ['Societe Generale de Fiction SA', null, 'Société Générale de Fiction', 'similar-name'],
    ['ACME cyber widgets', null, 'Acme Cyber Widgets', 'similar-name'],
    ['Totally different name', 'https://shop.eutelfiction.example/fr', 'Eutelfiction', 'same-domain'],
  ])('%s (%s) ↔ %s', async (name, website, expected, reason) => {
    const found = await findDuplicates(t.database.db, { name, website });
    expect(found.find((d) => d.name === expected)?.reason).toBe(reason);
  });

  it('an unrelated organisation has no duplicate', async () => {
    expect(await findDuplicates(t.database.db, { name: 'Quantum Llama Observatory', website: 'https://llama.example' })).toEqual([]);
  });
});
