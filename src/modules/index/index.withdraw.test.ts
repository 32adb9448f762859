/**
 * Withdrawing a published edition over real HTTP on a real database: the secretariat only, with a reason; the
 * edition leaves the public list and stops being the base of the next edition's changes, while its address keeps
 * answering with the date and the reason (pages and API alike), even when another process withdrew it.
 */
import type { SystemActor } from '../../app/authz/actor.js';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { formatDate } from '../../app/i18n/i18n.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { indexMessages } from './index.messages.js';
import { postForm } from './index.secretariat.test-support.js';
import { indexEditions } from './index.tables.js';
import { createDraftEdition, publishEdition, withdrawEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';
import { indexAdminMessages } from './views/secretariat/secretariat.locales.js';

const operator: SystemActor = { kind: 'system', ref: 'cli:test' };
let t: TestApp;
let secretariat: string;

async function publish(slug: string, runs = 128, extra: { isPilot?: boolean } = {}) {
  const deps = { db: t.database.db };
  await createDraftEdition(deps, operator, {
    slug,
    titles: { en: `Edition ${slug}`, fr: `Édition ${slug}` },
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 5, runs, weightPerturbation: 0.25 },
    ...extra,
  });
  return (await publishEdition(deps, operator, { slug })).edition;
}

const state = async (slug: string) => (await t.database.db.select().from(indexEditions).where(eq(indexEditions.slug, slug)))[0];
const withdraw = (slug: string, reason: string, cookie = secretariat, locale = 'en') =>
  postForm(t, `/${locale}/secretariat/index/${slug}/withdraw`, { reason }, `/${locale}/secretariat/index`, cookie);
const listed = async () => ((await t.app.inject({ url: '/api/v1/index/editions' })).json() as { items: { slug: string }[] }).items.map((i) => i.slug);

beforeAll(async () => {
  t = await createTestApp();
  secretariat = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
  await publish('first', 128, { isPilot: true });
  await publish('second', 192);
});
afterAll(async () => t?.close());

describe('withdrawing a published edition', () => {
  it('offers the withdrawal on a published edition’s screen, saying that a new edition replaces it', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const page = await t.app.inject({ url: `/${locale}/secretariat/index/second`, headers: { cookie: secretariat } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`action="/${locale}/secretariat/index/second/withdraw"`);
      expect(page.body).toContain(indexAdminMessages(locale)('withdraw.replace'));
    }
  });

  it('refuses a member (403) and a withdrawal without a reason (422), changing nothing', async () => {
    const member = await signInAs(t, { email: 'member@example.org', role: 'member' });
    expect((await withdraw('second', 'Because', member.cookie)).statusCode).toBe(403);
    const empty = await withdraw('second', '   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(indexAdminMessages('en')('error.reason'));
    expect((await state('second'))?.status).toBe('published');
  });

  it('when the secretariat withdraws an edition with a reason, it leaves the public list and its address says when and why', async () => {
    expect(await listed()).toEqual(['second', 'first']);
    // Read once, so this process keeps its snapshot: the withdrawal must still show.
    expect((await t.app.inject({ url: '/en/index/second' })).statusCode).toBe(200);
    const response = await withdraw('second', 'Superseded by a corrected dataset');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/secretariat/index/second?done=withdrawn');
    const row = await state('second');
    expect(row).toMatchObject({ status: 'withdrawn', withdrawalReason: 'Superseded by a corrected dataset', withdrawnBy: expect.stringMatching(/^user:/) });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'index.edition.withdraw'));
    expect(audit).toMatchObject({ subject: row?.id, reason: 'Superseded by a corrected dataset' });

    expect(await listed()).toEqual(['first']);
    for (const locale of ['en', 'fr'] as const) {
      const list = await t.app.inject({ url: `/${locale}/index` });
      expect(list.body).not.toContain(`/${locale}/index/second"`);
      const notice = indexMessages(locale)('index.withdrawn', { date: formatDate(locale, row!.withdrawnAt!.toISOString().slice(0, 10)), reason: 'Superseded by a corrected dataset' });
      for (const path of ['', '/methodology', '/map', '/units/AAA', '/indicators/gci']) {
        const page = await t.app.inject({ url: `/${locale}/index/second${path}` });
        expect(page.statusCode, path).toBe(200);
        expect(page.body, path).toContain(notice);
      }
    }
    const api = await t.app.inject({ url: '/api/v1/index/editions/second' });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ slug: 'second', withdrawn: { at: row!.withdrawnAt!.toISOString(), reason: 'Superseded by a corrected dataset' } });
    const admin = await t.app.inject({ url: '/en/secretariat/index/second', headers: { cookie: secretariat } });
    expect(admin.body).not.toContain('/second/withdraw"');
  });

  it('refuses to withdraw an edition twice, or a draft (409)', async () => {
    const again = await withdraw('second', 'Again');
    expect(again.statusCode).toBe(409);
    await createDraftEdition({ db: t.database.db }, operator, {
      slug: 'draft', titles: { en: 'Draft', fr: 'Brouillon' }, iData: fixtureTable('small-iData.csv'), iMeta: fixtureTable('small-iMeta.csv'),
    });
    expect((await withdraw('draft', 'Not yet')).statusCode).toBe(409);
    expect((await state('draft'))?.status).toBe('draft');
  });

  it('when the next edition is published, its changes compare with the latest edition that is not withdrawn', async () => {
    const third = await publish('third', 256);
    expect(third.changes?.previous?.slug).toBe('first');
    expect(third.previousEditionId).toBe((await state('first'))?.id);
    expect(await listed()).toEqual(['third', 'first']);
  });

  it('when another process withdraws an edition this one has read, the list and its pages no longer serve it as current', async () => {
    expect((await t.app.inject({ url: '/fr/index/first' })).statusCode).toBe(200);
    // Straight through the use case: this process's response cache is not told.
    await withdrawEdition({ db: t.database.db }, operator, { slug: 'first', reason: 'Pilot replaced' });
    expect(await listed()).toEqual(['third']);
    const page = await t.app.inject({ url: '/fr/index/first' });
    expect(page.body).toContain('Pilot replaced');
    expect(page.body).toContain(indexMessages('fr')('index.pilot'));
    const api = (await t.app.inject({ url: '/api/v1/index/editions/first' })).json();
    expect(api).toMatchObject({ pilot: true, withdrawn: { reason: 'Pilot replaced' } });
    const n = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'index.edition.withdraw'));
    expect(n[0]?.n).toBe(2);
  });
});

describe('the pilot flag', () => {
  it('marks an edition as a pilot from the stored flag, not from its title', async () => {
    const pilot = await t.app.inject({ url: '/en/index/first' });
    expect(pilot.body).toContain(indexMessages('en')('index.pilot'));
    const other = await t.app.inject({ url: '/en/index/third' });
    expect(other.body).not.toContain(indexMessages('en')('index.pilot'));
    expect((await t.app.inject({ url: '/api/v1/index/editions/third' })).json()).toMatchObject({ pilot: false, withdrawn: null });
  });
});
