import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { foldText } from '../../shared/text.js';
import { supporters } from '../supporters/supporters.tables.js';
import { handleJob } from '../../app/jobs/job-definition.js';
import { checkSignalsJob } from './applications.jobs.js';
import { checkDnsTxt, checkSignalsHandler, computeSignals, diplomaticSignal, emailDomainSignal } from './applications.signals.js';
import { applications } from './applications.tables.js';
import { checkWellKnown } from './applications.well-known.js';

const code = 'Zk3v9QmT0pLx7RbW2nYc4sHd';
const wellKnown = '/.well-known/pariscall-verification.txt';

describe('e-mail domain signal', () => {
  it.each([
    ['ceo@example.org', 'https://www.example.org', 'pass', 'e-mail and website on example.org'],
    ['ceo@mail.example.org', 'https://example.org/about', 'pass', 'e-mail and website on example.org'],
    ['ceo@shop.example.co.jp', 'https://www.example.co.jp', 'pass', 'e-mail and website on example.co.jp'],
    ['minister@ncsc.gov.uk', 'https://www.ncsc.gov.uk', 'pass', 'e-mail and website on ncsc.gov.uk'],
    ['minister@ncsc.gov.uk', 'https://www.gov.uk', 'fail', 'website on www.gov.uk, a shared host'],
    ['minister@ncsc.gov.uk', 'https://www.digital.gov.uk', 'fail', 'e-mail ncsc.gov.uk ≠ website digital.gov.uk'],
    ['ceo@example.com', 'https://example.org', 'fail', 'e-mail example.com ≠ website example.org'],
    ['someone@gmail.com', 'https://gmail.com', 'fail', 'e-mail gmail.com is a free mail provider'],
    ['someone@yahoo.co.uk', 'https://www.example.org', 'fail', 'e-mail yahoo.co.uk is a free mail provider'],
    ['someone@proton.me', 'https://proton.me', 'fail', 'e-mail proton.me is a free mail provider'],
    ['someone@facebook.com', 'https://facebook.com/acme', 'fail', 'website on facebook.com, a shared host'],
    ['ceo@example.org', null, 'fail', 'e-mail example.org, no website domain'],
    ['ceo@example.org', 'http://127.0.0.1', 'fail', 'e-mail example.org, no website domain'],
    [null, 'https://example.org', 'fail', 'no e-mail domain'],
  ])('%s for %s: %s (%s)', (email, website, status, detail) => {
    const signal = emailDomainSignal(email, website);
    expect(signal).toMatchObject({ kind: 'email-domain', status, detail });
    expect(Date.parse(signal.checkedAt ?? '')).not.toBeNaN();
  });
});

describe('diplomatic channel', () => {
  it.each([
    ['state', 'Sénégal', 'state'],
    ['state', 'Republic of Estonia', 'state'],
    ['public-authority', 'European Union', 'intergovernmental body'],
    ['public-authority', 'INTERPOL', 'intergovernmental body'],
    ['public-authority', 'Organisation internationale de la Francophonie', 'intergovernmental body'],
    ['public-authority', 'Ville de Lyon', null],
    ['civil-society', 'Organization for Digital Rights', null],
    ['private-sector', 'Union Bank', null],
  ])('%s %s → %s', (category, name, expected) => {
    const signal = diplomaticSignal(category, name);
    if (expected === null) return expect(signal).toBeNull();
    expect(signal).toMatchObject({ kind: 'diplomatic-channel', status: 'info' });
    expect(signal?.detail).toMatch(new RegExp(`^${expected}; .*note verbale`));
  });
});

describe('verification file at the website', () => {
  let server: http.Server;
  let port = 0;
  let base = '';
  let hits: string[] = [];
  let handle: http.RequestListener = (_q, r) => r.writeHead(404).end();
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hits.push(`${request.headers.host}${request.url}`);
      handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  beforeEach(() => {
    hits = [];
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const local = { allowPrivate: true };
  const serve = (body: string) => (handle = (q, r) => (q.url === wellKnown ? r.end(body) : r.writeHead(404).end()));

  it('passes when the file holds the code', async () => {
    serve(`${code}\n`);
    const signal = await checkWellKnown(`${base}/about/us`, code, local);
    expect(signal).toMatchObject({ kind: 'well-known', status: 'pass', detail: `${base}${wellKnown}` });
    expect(hits).toEqual([`127.0.0.1:${port}${wellKnown}`]);
  });

  it('passes with the prefixed form too', async () => {
    serve(`pariscall-verification=${code}\r\n`);
    expect((await checkWellKnown(base, code, local)).status).toBe('pass');
  });

  it('fails with another code', async () => {
    serve('Zk3v9QmT0pLx7RbW2nYc4sHX\n');
    expect(await checkWellKnown(base, code, local)).toMatchObject({ status: 'fail', detail: `the code is not in the first 4096 bytes of ${base}${wellKnown}` });
  });

  it('fails when the file is missing', async () => {
    handle = (_q, r) => r.writeHead(404).end(code);
    expect(await checkWellKnown(base, code, local)).toMatchObject({ status: 'fail', detail: `HTTP 404 at ${base}${wellKnown}` });
  });

  it('follows a redirect on the same host', async () => {
    handle = (q, r) => (q.url === wellKnown ? r.writeHead(302, { location: '/static/verification.txt' }).end() : r.end(code));
    expect(await checkWellKnown(base, code, local)).toMatchObject({ status: 'pass', detail: `${base}/static/verification.txt` });
  });

  it('refuses a redirect to another host, even a private one it is allowed to reach', async () => {
    handle = (_q, r) => r.writeHead(301, { location: `http://localhost:${port}${wellKnown}` }).end();
    const signal = await checkWellKnown(base, code, local);
    expect(signal).toMatchObject({ status: 'fail', detail: `redirected to another site (localhost:${port}); the file must be served at ${base}${wellKnown}` });
    expect(hits).toHaveLength(1);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    handle = (_q, r) => r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    expect((await checkWellKnown(base, code, local)).detail).toMatch(/^redirected to another site \(169\.254\.169\.254\)/);
  });

  it('follows a redirect within the registrable domain (example.test → www.example.test), not to a sibling site', async () => {
    const byName = { allowPrivate: true, lookup: async () => ['127.0.0.1'] };
    handle = (q, r) => {
      if (q.headers.host?.startsWith('www.example.test')) return r.end(code);
      r.writeHead(301, { location: `http://www.example.test:${port}${q.url}` }).end();
    };
    expect(await checkWellKnown(`http://example.test:${port}`, code, byName)).toMatchObject({ status: 'pass', detail: `http://www.example.test:${port}${wellKnown}` });
    handle = (_q, r) => r.writeHead(301, { location: `http://example-evil.test:${port}${wellKnown}` }).end();
    expect((await checkWellKnown(`http://example.test:${port}`, code, byName)).detail).toMatch(/^redirected to another site \(example-evil\.test/);
  });

  it('gives up after three redirects', async () => {
    handle = (q, r) => r.writeHead(302, { location: `${q.url}x` }).end();
    expect((await checkWellKnown(base, code, local)).detail).toBe(`more than 3 redirects from ${base}${wellKnown}`);
    expect(hits).toHaveLength(4);
  });

  it('reads only the first 4 KB of a huge body', async () => {
    handle = (_q, r) => {
      r.write(`${code}\n`);
      const junk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 256 && !r.destroyed; i++) r.write(junk); // 16 MB, unless the client hangs up first
      r.end();
    };
    const started = Date.now();
    expect((await checkWellKnown(base, code, local)).status).toBe('pass');
    handle = (_q, r) => r.end(`${'x'.repeat(8 * 1024)}\n${code}\n`);
    expect((await checkWellKnown(base, code, local)).detail).toMatch(/^the code is not in the first 4096 bytes/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out on a server that never answers', async () => {
    handle = () => {}; // holds the request open
    const started = Date.now();
    const signal = await checkWellKnown(base, code, { allowPrivate: true, timeoutMs: 300 });
    expect(signal).toMatchObject({ status: 'fail', detail: `timed out after 300 ms at ${base}${wellKnown}` });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    [() => base, /^only ports 80 and 443 \(127\.0\.0\.1:\d+\)$/],
    [() => 'http://127.0.0.1/', /^127\.0\.0\.1 is a private address$/],
    [() => 'http://[::1]/', /^::1 is a private address$/],
    [() => 'http://169.254.169.254/', /^169\.254\.169\.254 is a private address$/],
    [() => 'http://[::ffff:10.0.0.1]/', /is a private address$/],
    [() => 'ftp://example.org/', /^only http and https \(ftp:\)$/],
    [() => 'file:///etc/passwd', /^only http and https \(file:\)$/],
    [() => 'not a url', /^the website is not a URL$/],
  ])('refuses %s without reaching it (SSRF)', async (website, detail) => {
    serve(code);
    const signal = await checkWellKnown(website(), code);
    expect(signal.status).toBe('fail');
    expect(signal.detail).toMatch(detail);
    expect(hits).toEqual([]);
  });

  it('refuses a name that resolves to a private address', async () => {
    const signal = await checkWellKnown('https://intranet.example', code, { lookup: async () => ['93.184.216.34', '10.0.0.5'] });
    expect(signal.detail).toBe('intranet.example is a private address');
  });

  it('refuses a name re-pointed to a private address between the check and the connection (DNS rebinding)', async () => {
    serve(code);
    let calls = 0;
    const lookup = async () => (++calls === 1 ? ['93.184.216.34'] : ['127.0.0.1']);
    const signal = await checkWellKnown('http://rebind.example', code, { lookup });
    expect(signal).toMatchObject({ status: 'fail', detail: 'rebind.example is a private address' });
    expect(calls).toBe(2);
    expect(hits).toEqual([]);
  });

  it('a name that does not resolve is a failed check', async () => {
    const lookup = async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect((await checkWellKnown('https://nowhere.example', code, { lookup })).detail).toBe('nowhere.example does not resolve (ENOTFOUND)');
  });

  it('works the same with an injected fetch, redirects checked hop by hop', async () => {
    serve(code);
    expect((await checkWellKnown(base, code, { allowPrivate: true, fetch })).status).toBe('pass');
    handle = (_q, r) => r.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    expect((await checkWellKnown(base, code, { allowPrivate: true, fetch })).detail).toMatch(/^redirected to another site/);
  });

  it('a refused connection is a failed check with its cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await checkWellKnown(`http://127.0.0.1:${closedPort}`, code, local)).detail).toBe(`could not fetch http://127.0.0.1:${closedPort}${wellKnown}: ECONNREFUSED`);
  });
});

describe('verification DNS record', () => {
  const txt = (records: string[][]) => ({ resolveTxt: async () => records });
  it.each([
    [[[`pariscall-verification=${code}`]], 'pass'],
    [[['pariscall-verification=', code]], 'pass'], // a record split into chunks
    [[['v=spf1 -all'], [`pariscall-verification=${code}`]], 'pass'],
    [[[`pariscall-verification=${code}x`]], 'fail'],
    [[[code]], 'fail'],
    [[['v=spf1 -all']], 'fail'],
    [[], 'fail'],
  ])('%j → %s', async (records, expected) => {
    expect((await checkDnsTxt('https://www.example.org', code, txt(records))).status).toBe(expected);
  });

  it('asks the registrable domain', async () => {
    const asked: string[] = [];
    const signal = await checkDnsTxt('https://news.ncsc.gov.uk/x', code, { resolveTxt: async (domain) => (asked.push(domain), [[`pariscall-verification=${code}`]]) });
    expect(asked).toEqual(['ncsc.gov.uk']);
    expect(signal).toMatchObject({ kind: 'dns-txt', status: 'pass', detail: 'TXT ncsc.gov.uk' });
  });

  it.each([
    ['ENOTFOUND', 'no TXT record on example.org (ENOTFOUND)'],
    ['ENODATA', 'no TXT record on example.org (ENODATA)'],
    ['ETIMEOUT', 'DNS timed out for example.org'],
    ['ESERVFAIL', 'DNS lookup failed for example.org (ESERVFAIL)'],
  ])('a resolver error %s is a failed check: %s', async (errorCode, detail) => {
    const resolveTxt = async () => Promise.reject(Object.assign(new Error(errorCode), { code: errorCode }));
    expect(await checkDnsTxt('https://example.org', code, { resolveTxt })).toMatchObject({ status: 'fail', detail });
  });

  it('a resolver that never answers times out', async () => {
    const signal = await checkDnsTxt('https://example.org', code, { resolveTxt: () => new Promise(() => {}), timeoutMs: 100 });
    expect(signal).toMatchObject({ status: 'fail', detail: 'DNS timed out for example.org' });
  });

  it('a website without a registrable domain is a failed check', async () => {
    expect((await checkDnsTxt('http://127.0.0.1:8080', code, txt([]))).detail).toBe('the website has no registrable domain');
  });
});

describe('all signals of an application', () => {
  const deps = { resolveTxt: async () => [[`pariscall-verification=${code}`]], lookup: async () => ['10.0.0.1'] };

  it('a state with a website: every check, in a stable order', async () => {
    const signals = await computeSignals({ category: 'state', name: 'Sénégal', website: 'https://www.diplomatie.gouv.sn', executiveEmail: 'cab@diplomatie.gouv.sn', verificationCode: code }, deps);
    expect(signals.map((s) => [s.kind, s.status])).toEqual([
      ['email-domain', 'pass'],
      ['well-known', 'fail'],
      ['dns-txt', 'pass'],
      ['diplomatic-channel', 'info'],
    ]);
  });

  it('without a website, the website checks are not run', async () => {
    const signals = await computeSignals({ category: 'civil-society', name: 'Cyber Peace', website: null, executiveEmail: 'a@gmail.com', verificationCode: code }, deps);
    expect(signals.map((s) => [s.kind, s.status])).toEqual([['email-domain', 'fail']]);
  });
});

describe('the check-signals job', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(supporters).values({ id: 'sup_acme', slug: 'acme-private-sector-FRA', name: 'Acme Cyber Widgets', website: 'https://acme.example', searchText: 'acme cyber widgets', sortName: foldText('Acme Cyber Widgets') });
  });
  afterAll(async () => database?.close());

  const insertApplication = async (values: Partial<typeof applications.$inferInsert> = {}) => {
    const [row] = await database.db
      .insert(applications)
      .values({ category: 'private-sector', name: 'ACME cyber widgets SA', locale: 'en', status: 'submitted', website: 'https://www.acme.example', executiveEmail: 'ceo@acme.example', verificationCode: code, ...values })
      .returning();
    return row!;
  };
  const read = async (id: string) => (await database.db.select().from(applications).where(eq(applications.id, id)))[0]!;
  const deps = { resolveTxt: async () => [[`pariscall-verification=${code}`]], lookup: async () => ['10.0.0.1'] };

  it('stores the signals and duplicates, and running it again gives the same result', async () => {
    const application = await insertApplication();
    const handler = checkSignalsHandler(database, deps);
    await handler({ applicationId: application.id }, { id: 'job_1', attempt: 1 });
    const first = await read(application.id);
    expect(first.signals.map((s) => [s.kind, s.status])).toEqual([
      ['email-domain', 'pass'],
      ['well-known', 'fail'],
      ['dns-txt', 'pass'],
    ]);
    expect(first.duplicates).toEqual([{ supporterId: 'sup_acme', slug: 'acme-private-sector-FRA', name: 'Acme Cyber Widgets', reason: 'same-domain', similarity: expect.any(Number) }]);
    expect(first.version).toBe(application.version); // a check is not a transition: moderators' versions stay valid

    await handler({ applicationId: application.id }, { id: 'job_1', attempt: 2 });
    const second = await read(application.id);
    const withoutTimes = (row: typeof second) => row.signals.map(({ checkedAt: _, ...rest }) => rest);
    expect(withoutTimes(second)).toEqual(withoutTimes(first));
    expect(second.duplicates).toEqual(first.duplicates);
  });

  it('an approved application does not list its own supporter as a duplicate', async () => {
    const application = await insertApplication({ status: 'approved', supporterId: 'sup_acme' });
    await checkSignalsHandler(database, deps)({ applicationId: application.id }, { id: 'job_2', attempt: 1 });
    expect((await read(application.id)).duplicates).toEqual([]);
  });

  it('an unknown or purged application is left alone', async () => {
    const handler = checkSignalsHandler(database, deps);
    await expect(handler({ applicationId: 'app_missing' }, { id: 'job_3', attempt: 1 })).resolves.toBeUndefined();
    const purged = await insertApplication({ status: 'expired', executiveEmail: null, purgedAt: new Date() });
    await handler({ applicationId: purged.id }, { id: 'job_4', attempt: 1 });
    expect((await read(purged.id)).signals).toEqual([]);
  });

  it('a payload without an application is refused before the check runs (the worker parks the job)', async () => {
    expect(handleJob(checkSignalsJob, checkSignalsHandler(database, deps)).accept({})).toEqual({ invalid: 'applicationId: invalid_type' });
  });

  it('when the application changes during the check, nothing stale is stored and the retry checks the new values', async () => {
    const application = await insertApplication();
    const changing = {
      ...deps,
      resolveTxt: async () => {
        await database.db.update(applications).set({ website: 'https://other.example' }).where(eq(applications.id, application.id));
        return [];
      },
    };
    await expect(checkSignalsHandler(database, changing)({ applicationId: application.id }, { id: 'job_6', attempt: 1 })).rejects.toThrow(/changed during the check/);
    expect((await read(application.id)).signals).toEqual([]);
    await checkSignalsHandler(database, deps)({ applicationId: application.id }, { id: 'job_6', attempt: 2 });
    const retried = await read(application.id);
    expect(retried.signals[0]).toMatchObject({ kind: 'email-domain', status: 'fail', detail: 'e-mail acme.example ≠ website other.example' });
    expect(retried.duplicates.map((d) => d.reason)).toEqual(['similar-name']);
  });
});
