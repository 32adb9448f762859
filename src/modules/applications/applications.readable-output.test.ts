import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { systemActor } from '../../app/authz/actor.js';
import { supporters, type SupporterRow } from '../supporters/supporters.tables.js';
import { withdrawSupporter } from '../supporters/supporters.usecases.js';
import { formStamp } from './applications.antibot.js';
import { applications } from './applications.tables.js';
import { drainJobs, testSecret } from './applications.test-support.js';
import { AccountSection } from './views/account-section.js';

/**
 * Issue 14.5 and 14.7: what a moderator, a representative and a visitor read is words in their language, never a
 * code, an ISO date or a label meant for a form. The app runs without SMTP_URL, so mail goes to the outbox folder.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret } });
});
afterAll(async () => t?.close());

const executiveEmail = 'exec@readable-output.example';

async function apply(): Promise<string> {
  const page = await csrfFor(t, '/en/join');
  const response = await t.app.inject({
    method: 'POST',
    url: '/en/join',
    headers: { cookie: page.cookie },
    payload: {
      category: 'civil-society',
      name: 'Readable Output Society',
      countryCode: 'FRA',
      nature: 'Association',
      website: 'https://readable-output.example',
      executiveName: 'Grace Hopper',
      executiveEmail,
      contactEmail: '',
      twitter: '',
      linkedin: '',
      statement: 'We join.',
      statementLocale: 'en',
      acceptCall: 'on',
      acceptPrivacy: 'on',
      homepage: '',
      started: formStamp(testSecret, Date.now() - 30_000),
      _csrf: page.token,
    },
  });
  expect(response.statusCode, response.body).toBe(303);
  const [row] = await t.database.db.select().from(applications).where(eq(applications.executiveEmail, executiveEmail));
  return row!.id;
}

describe('the review page of an application', () => {
  let id = '';
  let moderatorCookie = '';
  beforeAll(async () => {
    id = await apply();
    await drainJobs(t);
    moderatorCookie = (await signInAs(t, { email: 'readable-mod@secretariat.example', role: 'moderator', method: 'passkey' })).cookie;
  });

  it.each([
    ['en', 'Application submitted', 'Applicant (not signed in)', 'English', 'As submitted', 'written to the outbox folder (no mail server configured)'],
    ['fr', 'Candidature déposée', 'Candidat (non connecté)', 'anglais', 'Tel que soumis', 'écrit dans le dossier d’envoi (aucun serveur de messagerie configuré)'],
  ] as const)('in %s, names the history’s actions and actors, the statement’s language and the delivery in words', async (locale, action, actor, language, column, delivery) => {
    const page = await t.app.inject({ url: `/${locale}/secretariat/applications/${id}`, headers: { cookie: moderatorCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(action);
    expect(page.body).toContain(actor);
    // No audit code, actor code or language code as text of a cell.
    expect(page.body).not.toMatch(/>\s*(applications\.submit|anonymous|en)\s*</);
    expect(page.body).toContain(`<td><span>${language}</span></td>`);
    // The second column says what it holds, not the table's title again; review labels drop the form's "(optional)".
    expect(page.body).toContain(`<th scope="col">${column}</th>`);
    expect(page.body).not.toMatch(/\((optional|facultatif)\)/);
    // Mail written as a file was not "delivered to the mail server".
    expect(page.body).toContain(delivery);
    expect(page.body).not.toContain(locale === 'en' ? 'delivered to the mail server' : 'remis au serveur de messagerie');
  });

  it('says so on the list of all e-mails too', async () => {
    const page = await t.app.inject({ url: '/en/secretariat/deliveries', headers: { cookie: moderatorCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('written to the outbox folder (no mail server configured)');
  });
});

describe('a withdrawn supporter', () => {
  it('answers 410 with the date of withdrawal in the page’s language', async () => {
    const [row] = await t.database.db.select().from(supporters).where(eq(supporters.status, 'published')).limit(1);
    expect(await withdrawSupporter(t.database.db, row!.id, { actor: systemActor('test'), on: '2024-03-05' })).toBe(true);
    const en = await t.app.inject({ url: `/en/supporters/${row!.slug}` });
    expect(en.statusCode).toBe(410);
    expect(en.body).toContain('March 5, 2024');
    const fr = await t.app.inject({ url: `/fr/supporters/${row!.slug}` });
    expect(fr.body).toContain('5 mars 2024');
    expect(fr.body + en.body).not.toContain('2024-03-05');
  });

  it('is listed on the account page without a dash leading nowhere', () => {
    const withdrawn = { id: 'sup_1', slug: 'gone', name: 'Gone Org', status: 'withdrawn' } as SupporterRow;
    const html = String(AccountSection({ locale: 'en', supporters: [withdrawn], applications: [], secretariat: false }));
    expect(html).toContain('Gone Org');
    expect(html).toContain('Withdrawn');
    expect(html).not.toContain('—');
  });
});
