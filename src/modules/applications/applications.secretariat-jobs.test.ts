import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { getJob } from '../../app/jobs/jobs.test-utils.js';
import { checkSignalsJob } from './applications.jobs.js';
import { testSecret } from './applications.test-support.js';

/**
 * The secretariat's list of stopped background jobs: a check whose stored payload no longer fits its definition is
 * parked by the worker and shown with its reason in both languages, without its payload; nobody else sees the list.
 */
let t: TestApp;
let parkedId = '';
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ config: { secretKey: testSecret } });
  // As a release with another payload shape might have left it; enqueueJob would refuse it.
  const [row] = await t.database.db
    .insert(jobs)
    .values({ type: checkSignalsJob.name, version: checkSignalsJob.version, payload: { application: 'app_x', executiveEmail: 'hidden.person@example.org' } })
    .returning({ id: jobs.id });
  parkedId = row!.id;
  await t.app.context.jobs.worker.drain();
  cookies.moderator = (await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator' })).cookie;
  cookies.admin = (await signInAs(t, { email: 'admin@secretariat.example', role: 'admin' })).cookie;
  cookies.member = (await signInAs(t, { email: 'member@org.example' })).cookie;
  cookies.moderatorByLink = (await signInAs(t, { email: 'link-mod@secretariat.example', role: 'moderator', method: 'email-link' })).cookie;
});
afterAll(async () => t?.close());

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('the secretariat page of stopped jobs', () => {
  it('the worker parked the job whose payload fails its schema', async () => {
    expect(await getJob(t.database, parkedId)).toMatchObject({ status: 'parked', attempts: 1, lastError: 'job.payload-invalid: applicationId: invalid_type' });
  });

  it.each([
    ['en', 'Background jobs that stopped', 'parked', 'its data does not match the job’s definition'],
    ['fr', 'Tâches de fond arrêtées', 'mise de côté', 'ses données ne correspondent pas à la définition de la tâche'],
  ])('in %s, lists the parked job with its type, version, state, attempts and reason, not its payload', async (locale, title, state, reason) => {
    const response = await get(`/${locale}/secretariat/jobs`, cookies.moderator);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const row = /<tr>\s*<td><code>applications\.check-signals<\/code><\/td>([\s\S]*?)<\/tr>/.exec(response.body)?.[1] ?? '';
    expect(response.body).toContain(`<h1>${title}</h1>`);
    expect(row).toMatch(new RegExp(`<td>1</td><td>${state}</td><td>1</td>`));
    expect(row).toContain(reason);
    expect(row).toContain('(applicationId: invalid_type)');
    expect(response.body).not.toContain('hidden.person');
    expect(response.body).not.toContain('app_x');
  });

  it('is linked from the moderation queue', async () => {
    const response = await get('/en/secretariat/applications', cookies.admin);
    expect(response.body).toContain('href="/en/secretariat/jobs"');
  });

  it('says so when no job has stopped', async () => {
    await t.database.db.delete(jobs);
    const response = await get('/fr/secretariat/jobs', cookies.admin);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Aucune tâche de fond arrêtée.');
  });

  it('sends anonymous visitors to sign in and refuses members and moderators without a passkey session', async () => {
    const anonymous = await get('/en/secretariat/jobs');
    expect([302, 303]).toContain(anonymous.statusCode);
    expect(String(anonymous.headers.location)).toContain('/en/sign-in');
    expect((await get('/en/secretariat/jobs', cookies.member)).statusCode).toBe(403);
    const byLink = await get('/fr/secretariat/jobs', cookies.moderatorByLink);
    expect([302, 303, 403]).toContain(byLink.statusCode);
    if (byLink.statusCode !== 403) expect(String(byLink.headers.location)).toContain('/account/passkeys');
  });
});
