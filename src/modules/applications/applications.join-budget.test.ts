import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';
import { actionBudgets } from '../../app/limits/limits.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { formStamp } from './applications.antibot.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';

/**
 * Joining has one budget per address, whatever the route or language: the API, the English and French forms and the
 * claims count together, in the database (so every process and restart agrees), and the address itself is not stored.
 */
let t: TestApp;
let slug = '';
const max = 4;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret, joinRateLimitPerHour: max } });
  const [entry] = await t.database.db.select().from(supporters).limit(1);
  slug = entry!.slug;
});
afterAll(async () => t?.close());

const form = (n: number) => ({
  category: 'private-sector',
  name: `Budget Probe ${n}`,
  countryCode: 'FRA',
  website: `https://budget-probe-${n}.example`,
  executiveName: 'Probe',
  executiveEmail: `probe${n}@budget-probe-${n}.example`,
  statementLocale: 'en',
  acceptCall: 'on',
  acceptPrivacy: 'on',
  started: formStamp(testSecret, Date.now() - 30_000),
});

async function applicationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(applications);
  return row?.n ?? 0;
}

async function postForm(url: string, payload: Record<string, string>, remoteAddress = '198.51.100.7') {
  const page = await csrfFor(t, url);
  return t.app.inject({ method: 'POST', url, remoteAddress, headers: { cookie: page.cookie }, payload: { ...payload, _csrf: page.token } });
}

describe('the join budget', () => {
  it('counts the API, both languages and claims together, then refuses with 429 and changes nothing', async () => {
    const address = '198.51.100.7';
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/applications', remoteAddress: address, payload: { ...form(1), acceptCall: true, acceptPrivacy: true } });
    expect(api.statusCode, api.body).toBe(202);
    expect((await postForm('/en/join', form(2), address)).statusCode).toBe(303);
    expect((await postForm('/fr/join', form(3), address)).statusCode).toBe(303);
    const claim = await postForm(`/en/supporters/${slug}/claim`, { executiveName: 'Probe', executiveEmail: 'claim@budget-probe.example', acceptPrivacy: 'on', started: form(4).started }, address);
    expect(claim.statusCode, claim.body).toBe(303);
    const before = await applicationCount();

    const refusedPage = await postForm('/fr/join', form(5), address);
    expect(refusedPage.statusCode).toBe(429);
    expect(refusedPage.headers['content-type']).toContain('text/html');
    expect(refusedPage.body).toContain('lang="fr"');
    expect(Number(refusedPage.headers['retry-after'])).toBeGreaterThan(3000);
    const refusedApi = await t.app.inject({ method: 'POST', url: '/api/v1/applications', remoteAddress: address, payload: { ...form(6), acceptCall: true, acceptPrivacy: true } });
    expect(refusedApi.statusCode).toBe(429);
    expect(refusedApi.headers['content-type']).toContain('application/problem+json');
    expect(refusedApi.json()).toMatchObject({ status: 429, code: 'request.rate-limited' });
    const refusedClaim = await t.app.inject({ method: 'POST', url: `/api/v1/supporters/${slug}/claims`, remoteAddress: address, payload: { executiveName: 'P', executiveEmail: 'c2@budget-probe.example', acceptPrivacy: true } });
    expect(refusedClaim.statusCode).toBe(429);
    expect(await applicationCount()).toBe(before);
  });

  it('is per address: another address still joins', async () => {
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/applications', remoteAddress: '203.0.113.9', payload: { ...form(7), acceptCall: true, acceptPrivacy: true } });
    expect(other.statusCode, other.body).toBe(202);
  });

  it('stores a keyed hash of the address, never the address', async () => {
    const rows = await t.database.db.select().from(actionBudgets);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.action).toBe('join');
      expect(row.client).not.toContain('198.51.100.7');
      expect(row.client).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
  });

  it('holds under concurrency: of 12 simultaneous requests from one new address, exactly the budget is accepted', async () => {
    const address = '192.0.2.44';
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/applications', remoteAddress: address, payload: { ...form(100 + i), acceptCall: true, acceptPrivacy: true } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - max);
  });
});
