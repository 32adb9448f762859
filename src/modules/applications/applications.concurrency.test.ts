/**
 * Ten identical applications sent at once (a double-clicking user, a replaying client) make one application and one
 * confirmation e-mail, on PostgreSQL too, where the requests really run in parallel on several connections.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret } });
});
afterAll(async () => t?.close());

const body = {
  category: 'civil-society',
  name: 'Parallel Requests Institute',
  countryCode: 'BEL',
  website: 'https://parallel.example',
  executiveName: 'Pat Parallel',
  executiveEmail: 'pat@parallel.example',
  statementLocale: 'en',
  acceptCall: true,
  acceptPrivacy: true,
};

describe('concurrent identical submissions', () => {
  it('when ten identical applications arrive at once, one application and one confirmation e-mail are made', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: body })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(202));
    const ids = new Set(responses.map((r) => (r.json() as { id?: string; applicationId?: string }).id ?? r.json().applicationId));
    expect(ids.size).toBe(1);
    const [made] = await t.database.db.select({ n: count() }).from(applications).where(eq(applications.name, body.name));
    expect(made?.n).toBe(1);
    const [mails] = await t.database.db.select({ n: count() }).from(jobs).where(eq(jobs.type, 'email.send'));
    expect(mails?.n).toBe(1);
  });
});
