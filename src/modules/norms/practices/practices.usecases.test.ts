import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { auditLog } from '../../../app/audit/audit.tables.js';
import { storeFile } from '../../../app/files/files.js';
import { files } from '../../../app/files/files.tables.js';
import { sampleHtml, samplePdf } from '../../../app/files/files.test-utils.js';
import { AppError } from '../../../app/http/errors.js';
import { publishRevision, rejectRevision, requestInformation } from './practices.moderation.js';
import { managedPractice, publicPractice } from './practices.queries.js';
import { practiceRevisions, practices } from './practices.tables.js';
import { anyone, buildDraft, buildPracticeText, setUpPractices, type PracticePeople } from './practices.test-support.js';
import { createPractice, savePractice, submitPractice, withdrawPractice } from './practices.usecases.js';

let t: TestApp;
let smtp: TestSmtpServer;
let people: PracticePeople;
const publicUrl = 'https://pariscall.example';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
  people = await setUpPractices(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** `status code` of the refusal, or `allowed`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
}

const storeFileForTest = (bytes: Buffer) => storeFile(t.database.db, bytes, { declaredName: 'other.pdf' });

const counts = async () => {
  const db = t.database.db;
  return {
    practices: (await db.select({ n: count() }).from(practices))[0]!.n,
    revisions: (await db.select({ n: count() }).from(practiceRevisions))[0]!.n,
    files: (await db.select({ n: count() }).from(files))[0]!.n,
  };
};

const revisionStates = async (id: string) =>
  (await t.database.db.select().from(practiceRevisions).where(eq(practiceRevisions.practiceId, id))).sort((a, b) => a.number - b.number).map((r) => [r.number, r.state]);

describe('a practice from draft to publication and update', () => {
  it('draft → submit → information requested → resubmit → publish → update → publish, with e-mails, audit and the cache told', async () => {
    const db = t.database.db;
    const { rep, moderator } = people.actors;
    const changes: string[] = [];
    // On PostgreSQL the trigger's NOTIFY also comes back as 'database-notify'; the use case's own signal is what is tested.
    t.app.context.events.on('registry.changed', 'test.practices', ({ reason }) => {
      if (reason !== 'database-notify') changes.push(reason);
    });

    const { practice } = await createPractice({ db, actor: rep, supporterId: people.verified.id, draft: buildDraft({ uploads: [{ name: 'loi.pdf', bytes: samplePdf('loi') }] }) });
    expect(practice).toMatchObject({ state: 'draft', origin: 'platform', supporterId: people.verified.id, title: null });
    expect(await refusal(publicPractice({ db, practiceId: practice.id }))).toBe('404 practices.not-found');
    await submitPractice({ db, actor: rep, practiceId: practice.id });
    expect(await revisionStates(practice.id)).toEqual([[1, 'submitted']]);
    // Waiting for the decision, the revision is not edited.
    expect(await refusal(savePractice({ db, actor: rep, practiceId: practice.id, draft: buildDraft() }))).toBe('409 practices.in-moderation');

    await requestInformation({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: 'Quel texte fonde l’agence ?', publicUrl });
    await t.app.context.jobs.worker.drain();
    const asked = await smtp.waitForMessage((m) => (m.subject ?? '').startsWith('Le secrétariat demande des précisions'));
    expect(asked.text).toContain('Quel texte fonde l’agence ?');
    expect(asked.text).toContain(`${publicUrl}/fr/account/practices/${practice.id}/edit`);

    const managed = await managedPractice({ db, actor: rep, practiceId: practice.id });
    const pdf = managed.current!.attachments[0]!;
    const answered = buildDraft({ content: buildPracticeText({ description: { fr: 'Une agence créée par le décret n° 2009-834.' } }), keep: [pdf.sha256] });
    await savePractice({ db, actor: rep, practiceId: practice.id, draft: answered, submit: true });
    expect(await revisionStates(practice.id)).toEqual([[1, 'submitted']]);

    await publishRevision({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: null, events: t.app.context.events, publicUrl });
    const published = await publicPractice({ db, practiceId: practice.id });
    expect(published.practice).toMatchObject({ state: 'published', publishedRevision: 1, category: people.verified.category, editedBy: `user:${rep.userId}` });
    expect(published.content.attachments).toEqual([pdf]);
    expect(published.practice.searchText).toContain('decret n 2009 834');
    expect(published.practice.searchText).toContain('national cybersecurity agency');
    expect(changes).toEqual(['practices.publish']);
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => (m.subject ?? '').startsWith('Votre pratique est publiée'));
    expect(mail.text).toContain(`${publicUrl}/fr/practices/${practice.id}`);

    // An update is a new revision; the published one stays public until the new one is approved.
    const update = buildDraft({ content: buildPracticeText({ title: { fr: 'ANSSI', en: 'ANSSI' } }), keep: [pdf.sha256], changeNote: 'Nom court' });
    await savePractice({ db, actor: rep, practiceId: practice.id, draft: update, submit: true });
    expect(await revisionStates(practice.id)).toEqual([[1, 'published'], [2, 'submitted']]);
    expect((await publicPractice({ db, practiceId: practice.id })).content.title.fr).toBe('Agence nationale de la sécurité des systèmes d’information');
    await publishRevision({ db, actor: moderator, practiceId: practice.id, revision: 2, reason: null, events: t.app.context.events, publicUrl });
    expect(await revisionStates(practice.id)).toEqual([[1, 'superseded'], [2, 'published']]);
    const after = await publicPractice({ db, practiceId: practice.id });
    expect(after.content.title).toEqual({ fr: 'ANSSI', en: 'ANSSI' });
    expect(after.practice.publishedRevision).toBe(2);

    const trail = (await db.select().from(auditLog).where(eq(auditLog.subject, practice.id))).map((row) => row.action);
    expect(trail).toEqual(['practices.create', 'practices.submit', 'practices.request-information', 'practices.save', 'practices.submit', 'practices.publish', 'practices.save', 'practices.submit', 'practices.publish']);
  });

  it('declines with a reason the author receives; a decision needs a submitted revision and, to ask or decline, a reason', async () => {
    const db = t.database.db;
    const { rep, moderator } = people.actors;
    const { practice, revision: first } = await createPractice({ db, actor: rep, supporterId: people.verified.id, draft: buildDraft({ uploads: [{ name: 'annexe.pdf', bytes: samplePdf('annexe') }] }), submit: true });
    expect(await refusal(rejectRevision({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: '  ', publicUrl }))).toBe('422 practices.invalid');
    expect(await refusal(publishRevision({ db, actor: moderator, practiceId: practice.id, revision: 2, reason: null, publicUrl }))).toBe('409 practices.revision-decided');
    expect(await revisionStates(practice.id)).toEqual([[1, 'submitted']]);
    await rejectRevision({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: 'Hors du champ de l’Appel.', publicUrl });
    expect(await refusal(publishRevision({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: null, publicUrl }))).toBe('409 practices.revision-decided');
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => (m.subject ?? '').startsWith('Votre pratique a été refusée'));
    expect(mail.text).toContain('Hors du champ de l’Appel.');
    // After a refusal, editing starts a new draft revision; it may keep the practice's own files, and no other.
    const own = first.content.attachments[0]!;
    const foreign = (await storeFileForTest(samplePdf('someone else’s'))).sha256;
    const { revision } = await savePractice({ db, actor: rep, practiceId: practice.id, draft: buildDraft({ keep: [own.sha256, foreign] }) });
    expect(await revisionStates(practice.id)).toEqual([[1, 'rejected'], [2, 'draft']]);
    expect(revision.content.attachments).toEqual([own]);
  });

  it('withdrawing takes a practice out of the library and its waiting revision out of the queue', async () => {
    const db = t.database.db;
    const { rep, moderator } = people.actors;
    const { practice } = await createPractice({ db, actor: rep, supporterId: people.verified.id, draft: buildDraft(), submit: true });
    await publishRevision({ db, actor: moderator, practiceId: practice.id, revision: 1, reason: null, publicUrl });
    await savePractice({ db, actor: rep, practiceId: practice.id, draft: buildDraft(), submit: true });
    expect(await refusal(withdrawPractice({ db, actor: people.actors.otherRep, practiceId: practice.id, reason: null }))).toBe('404 practices.not-found');
    await withdrawPractice({ db, actor: rep, practiceId: practice.id, reason: 'Remplacée par une autre mesure' });
    expect(await revisionStates(practice.id)).toEqual([[1, 'published'], [2, 'draft']]);
    expect(await refusal(publicPractice({ db, practiceId: practice.id }))).toBe('410 practices.withdrawn');
    expect(await refusal(withdrawPractice({ db, actor: moderator, practiceId: practice.id, reason: null }))).toBe('409 practices.already-withdrawn');
  });
});

describe('who may write, see and decide', () => {
  it.each([
    ['anonymous', () => anyone, '401 auth.unauthorized'],
    ['a signed-in member', () => people.actors.member, '403 practices.not-allowed'],
    ['a moderator signed in by e-mail link (not the secretariat yet)', () => people.actors.moderatorByLink, '403 practices.not-allowed'],
    ['the representative of an organisation not verified on the platform', () => people.actors.otherRep, '403 practices.not-allowed'],
    ['the secretariat (it moderates what an organisation reports, it does not write it)', () => people.actors.moderator, '403 practices.not-allowed'],
  ])('%s may not create a practice for the verified organisation', async (_who, actor, expected) => {
    const before = await counts();
    expect(await refusal(createPractice({ db: t.database.db, actor: actor(), supporterId: people.verified.id, draft: buildDraft() }))).toBe(expected);
    expect(await refusal(createPractice({ db: t.database.db, actor: actor(), supporterId: people.unverified.id, draft: buildDraft() }))).toBe(expected);
    expect(await counts()).toEqual(before);
  });

  it('another organisation’s representative, a member and a visitor do not learn that a draft exists; none may decide', async () => {
    const db = t.database.db;
    const { practice } = await createPractice({ db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft(), submit: true });
    for (const actor of [people.actors.otherRep, people.actors.member, anyone, people.actors.moderatorByLink]) {
      expect(await refusal(managedPractice({ db, actor, practiceId: practice.id }))).toBe('404 practices.not-found');
      expect(await refusal(savePractice({ db, actor, practiceId: practice.id, draft: buildDraft() }))).toBe('404 practices.not-found');
      expect(await refusal(submitPractice({ db, actor, practiceId: practice.id }))).toBe('404 practices.not-found');
    }
    for (const actor of [people.actors.rep, people.actors.member]) {
      expect(await refusal(publishRevision({ db, actor, practiceId: practice.id, revision: 1, reason: null, publicUrl }))).toBe('403 auth.forbidden');
    }
    expect(await refusal(publishRevision({ db, actor: anyone, practiceId: practice.id, revision: 1, reason: null, publicUrl }))).toBe('401 auth.unauthorized');
    expect(await revisionStates(practice.id)).toEqual([[1, 'submitted']]);
  });
});

describe('bad input changes nothing', () => {
  it('refuses content breaking the rules, each problem named by its field', async () => {
    const before = await counts();
    const content = buildPracticeText({ title: { en: 'Only a translation' }, startedOn: '2024-05-01', endedOn: '2023-01-01', countries: ['XXX'], principles: [], norms: [], links: [{ url: 'javascript:alert(1)' }] });
    const error = await createPractice({ db: t.database.db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft({ content }) }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('practices.invalid');
    expect(Object.fromEntries((error as AppError).issues.map((i) => [i.field, i.message]))).toEqual({
      titleFr: 'error.titleOriginal',
      endedOn: 'error.endBeforeStart',
      countries: 'error.country',
      principles: 'error.implementsNothing',
      'link-0': 'error.url',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an HTML page sent as a PDF, storing neither the file nor the practice (nor the good file sent with it)', async () => {
    const before = await counts();
    const uploads = [{ name: 'good.pdf', bytes: samplePdf('good-and-bad') }, { name: 'report.pdf', bytes: sampleHtml() }];
    expect(await refusal(createPractice({ db: t.database.db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft({ uploads }) }))).toBe('422 files.refused');
    expect(await counts()).toEqual(before);
  });
});
