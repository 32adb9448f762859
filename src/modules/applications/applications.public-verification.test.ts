/**
 * Issue 14, item 10: the verification the platform does is published, the evidence never. An imported entry shows
 * "imported from the official registry" with the day it first appeared there; an entry approved with a note verbale
 * shows "verified through the diplomatic route" with the approval day; a claim approved with the executive's e-mail on
 * the website's domain shows "e-mail domain verified", and an import of the official source afterwards keeps it. The
 * page, the JSON API and the CSV say the same, and the registry filters by level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { issueToken } from '../../app/auth/tokens.js';
import { systemActor, type Actor } from '../../app/authz/actor.js';
import { formatDate } from '../../app/i18n/i18n.js';
import { importSupporters } from '../supporters/supporters.import.js';
import { readOfficialSupporters } from '../supporters/supporters.source.js';
import { supporters } from '../supporters/supporters.tables.js';
import { submitClaim } from './applications.claims.js';
import { approveApplication, recordNoteVerbale } from './applications.moderation.js';
import type { ApplicationForm } from './applications.schemas.js';
import { emailDomainSignal } from './applications.signals.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';
import { confirmApplication, submitApplication, type ApplicationsDeps } from './applications.usecases.js';

let t: TestApp;
let deps: ApplicationsDeps;
let moderator: Actor;
const today = () => new Date().toISOString().slice(0, 10);
const noteVerbale = 'NV-2026/0042-SECRET-REF';
const stateEmail = 'cabinet@mfa-exemplia.example';
const claimEmail = 'ciso@acme-widgets.example';
let state = { slug: '', code: '' };
let acmeSlug = '';

const get = (url: string) => t.app.inject({ url });
const row = async (id: string) => (await t.database.db.select().from(applications).where(eq(applications.id, id)))[0]!;

async function confirm(applicationId: string): Promise<void> {
  const token = await issueToken(t.database.db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 });
  expect((await confirmApplication(deps, token)).status).toBe('ok');
}

async function approve(applicationId: string) {
  const current = await row(applicationId);
  return approveApplication(deps, moderator, { id: applicationId, version: current.version });
}

/** The official source, newer: every entry renamed, so an import would rewrite every entry it does not keep. */
async function importNewerSource() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-site-'));
  fs.cpSync(fixtureSite, dir, { recursive: true });
  const folder = path.join(dir, '_supporters');
  for (const file of fs.readdirSync(folder)) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    fs.writeFileSync(path.join(folder, file), text.replace(/^name: "?(.*?)"?$/m, 'name: "$1 (renamed upstream)"'));
  }
  const parsed = await readOfficialSupporters(dir, { firstSeenCsv: path.join(fixtureSite, 'first-seen.csv') });
  fs.rmSync(dir, { recursive: true, force: true });
  return importSupporters({ db: t.database.db, ...parsed, actor: systemActor('test') });
}

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret } });
  deps = { db: t.database.db, events: t.app.context.events, config: t.config };
  const signed = await signInAs(t, { email: 'verify-mod@secretariat.example', role: 'moderator', method: 'passkey' });
  moderator = { kind: 'user', userId: signed.userId, email: 'verify-mod@secretariat.example', name: null, role: 'moderator', locale: 'en', sessionId: signed.sessionId, method: 'passkey', grants: [] };

  // A State joins through the diplomatic route: the moderator records its note verbale, then approves.
  const form: ApplicationForm = {
    category: 'state', name: 'Republic of Exemplia', countryCode: 'NZL', nature: null, website: 'https://mfa-exemplia.example', twitter: null, linkedin: null,
    statement: 'We support the Call.', statementLocale: 'en', executiveName: 'Ana Minister', executiveEmail: stateEmail, contactEmail: null, acceptCall: 'on', acceptPrivacy: 'on',
  };
  const { applicationId } = await submitApplication(deps, { locale: 'en', form });
  await confirm(applicationId);
  await recordNoteVerbale(deps, moderator, { id: applicationId, reference: noteVerbale });
  const approved = await approve(applicationId);
  const [published] = await t.database.db.select().from(supporters).where(eq(supporters.id, approved.supporterId!));
  state = { slug: published!.slug, code: (await row(applicationId)).verificationCode };

  // A company claims its imported entry; the platform found the executive's address on the website's domain.
  const [acme] = await t.database.db.select().from(supporters).where(eq(supporters.name, 'Acme Cyber Widgets'));
  acmeSlug = acme!.slug;
  const claim = await submitClaim(deps, { slug: acmeSlug, locale: 'en', form: { executiveName: 'Cy Security', executiveEmail: claimEmail, contactEmail: null, acceptPrivacy: 'on' } });
  await confirm(claim.applicationId);
  await t.database.db.update(applications).set({ signals: [emailDomainSignal(claimEmail, acme!.website)] }).where(eq(applications.id, claim.applicationId));
  await approve(claim.applicationId);
});
afterAll(async () => t?.close());

describe('an entry imported from the official registry', () => {
  it('is "imported from the official registry", dated by its first appearance there, on the page, in the API and in the CSV', async () => {
    const api = (await get('/api/v1/supporters/roumanie-state-ROM')).json();
    expect(api.verification).toEqual({ level: 'official-registry', on: '2019-09-16' });
    const page = await get('/en/supporters/roumanie-state-ROM');
    expect(page.body).toContain('Imported from the official registry, on or before September 16, 2019');
    const fr = await get('/fr/supporters/roumanie-state-ROM');
    expect(fr.body).toContain('Importé du registre officiel, le 16 septembre 2019 au plus tard');
    const csv = (await get('/supporters.csv')).body.split('\n');
    expect(csv).toContain('"Roumanie","state","ROM","","","","","official-registry","2019-09-16"');
  });
});

describe('an entry approved with a note verbale', () => {
  it('is "verified through the diplomatic route" on the approval day, everywhere', async () => {
    const api = (await get(`/api/v1/supporters/${state.slug}`)).json();
    expect(api.verification).toEqual({ level: 'diplomatic-route', on: today() });
    const inList = (await get('/api/v1/supporters?q=exemplia')).json();
    expect(inList.items[0].verification).toEqual({ level: 'diplomatic-route', on: today() });
    const page = (await get(`/en/supporters/${state.slug}`)).body;
    expect(page).toContain(`Verified through the diplomatic route, ${formatDate('en', today())}`);
    expect((await get(`/fr/supporters/${state.slug}`)).body).toContain(`Vérifié par la voie diplomatique, le ${formatDate('fr', today())}`);
    const csv = (await get('/supporters.csv?q=exemplia')).body.trimEnd().split('\n');
    expect(csv[1]).toBe(`"Republic of Exemplia","state","NZL","","https://mfa-exemplia.example","","${today()}","diplomatic-route","${today()}"`);
  });

  it('publishes nothing of the evidence: no note verbale, no verification code, no e-mail address', async () => {
    const outputs = await Promise.all(
      [`/api/v1/supporters/${state.slug}`, '/api/v1/supporters?pageSize=500', `/en/supporters/${state.slug}`, `/fr/supporters/${state.slug}`, '/en/supporters', '/supporters.csv', `/en/supporters/${acmeSlug}`].map(get),
    );
    for (const output of outputs) {
      expect(output.statusCode).toBe(200);
      for (const secret of [noteVerbale, state.code, stateEmail, claimEmail, 'mfa-exemplia.example/.well-known']) expect(output.body).not.toContain(secret);
    }
  });
});

describe('a claim approved with the e-mail domain checked', () => {
  it('raises the imported entry to "e-mail domain verified", and an import of the official source afterwards keeps it', async () => {
    expect((await get(`/api/v1/supporters/${acmeSlug}`)).json().verification).toEqual({ level: 'email-domain', on: today() });
    const report = await importNewerSource();
    expect(report.kept).toContainEqual({ slug: acmeSlug, reason: 'claimed' });
    expect(report.updated.length).toBeGreaterThan(0);
    expect((await get(`/api/v1/supporters/${acmeSlug}`)).json().verification).toEqual({ level: 'email-domain', on: today() });
    const [acme] = await t.database.db.select().from(supporters).where(eq(supporters.slug, acmeSlug));
    expect({ level: acme!.verificationLevel, on: acme!.verifiedOn }).toEqual({ level: 'email-domain', on: today() });
  });
});

describe('the registry filtered by verification level', () => {
  it('the API lists only the entries at that level, with the level counts in the facets', async () => {
    const body = (await get('/api/v1/supporters?verification=diplomatic-route')).json();
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual([state.slug]);
    const all = (await get('/api/v1/supporters')).json();
    expect(all.facets.verification).toEqual(
      expect.arrayContaining([
        { value: 'diplomatic-route', count: 1 },
        { value: 'email-domain', count: 1 },
        { value: 'official-registry', count: all.total - 2 },
      ]),
    );
    const two = (await get('/api/v1/supporters?verification=diplomatic-route&verification=email-domain')).json();
    expect(two.total).toBe(2);
    const csv = (await get('/supporters.csv?verification=email-domain')).body.trimEnd().split('\n');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['"Acme Cyber Widgets"']);
  });

  it('the page lists them, offers the level as a filter with its count, and shows it as an active filter', async () => {
    const page = (await get('/en/supporters?verification=diplomatic-route')).body;
    expect(page).toContain('Republic of Exemplia');
    expect(page).not.toContain('Acme Cyber Widgets');
    expect(page).toMatch(/<input type="checkbox" id="verification-diplomatic-route" name="verification" value="diplomatic-route" checked/);
    expect(page).toMatch(/Verified through the diplomatic route <span class="count">\(1\)<\/span>/);
    expect(page).toContain('Remove filter: Verified through the diplomatic route');
  });

  it('refuses an unknown level with a 400 problem naming the field, and a 400 page', async () => {
    const response = await get('/api/v1/supporters?verification=notarised');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(problem.errors.map((e: { field: string }) => e.field.replace(/\.\d+$/, ''))).toContain('querystring.verification');
    expect((await get('/supporters.csv?verification=notarised')).statusCode).toBe(400);
    const page = await get('/fr/supporters?verification=notarised');
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });
});
