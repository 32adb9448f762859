import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { auditLog } from '../../../app/audit/audit.tables.js';
import { anonymous } from '../../../app/authz/actor.js';
import { EventBus } from '../../../app/events/events.js';
import { AppError } from '../../../app/http/errors.js';
import { publicReport, sectionForEdit } from './reports.queries.js';
import { implementationReportSections, implementationReports } from './reports.tables.js';
import { buildContent, insertPractice, seedReport, setUpReports, type ReportPeople } from './reports.test-support.js';
import { addSections, publishReport, removeSection, saveSection, startReport } from './reports.usecases.js';

let t: TestApp;
let people: ReportPeople;
const practiceIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpReports(t);
  const db = t.database.db;
  practiceIds.cert = await insertPractice(db, { supporterId: people.orgA.id, title: { en: 'National CERT' }, norms: ['13a', '13k'] });
  practiceIds.supplyChain = await insertPractice(db, { supporterId: people.orgA.id, title: { en: 'Supply-chain audits', fr: 'Audits de la chaîne d’approvisionnement' }, norms: ['13a', '13i'], principles: [6] });
  practiceIds.draft = await insertPractice(db, { supporterId: people.orgA.id, title: { en: 'Unpublished plan' }, norms: ['13a'], state: 'draft' });
  practiceIds.otherOrg = await insertPractice(db, { supporterId: people.orgB.id, title: { en: 'Someone else’s' }, norms: ['13a'] });
  // Last year's report: its 13(a) section (public) already listed the CERT.
  await seedReport(db, {
    supporterId: people.orgA.id,
    year: 2023,
    published: true,
    sections: [{ subject: 'norm:13a', visibility: 'public', content: buildContent({ inPlace: { en: 'A CERT since 2019.', fr: 'Un CERT depuis 2019.' }, lessons: { en: 'Exercises matter.' }, practiceIds: [practiceIds.cert!] }) }],
  });
});
afterAll(async () => t?.close());

const db = () => t.database.db;

/** The status and code a promise is refused with, or `allowed`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
}

const audits = async (action: string) => (await db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;
const section = async (reportId: string, subject: string) =>
  (await db().select().from(implementationReportSections).where(and(eq(implementationReportSections.reportId, reportId), eq(implementationReportSections.subject, subject))))[0]!;

describe('starting a report', () => {
  it('pre-fills each section from last year’s section and from the organisation’s published practices, and says so', async () => {
    const { report, prefilled } = await startReport({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024, original: 'en', subjects: ['norm:13a', 'principle:6', 'norm:13b'] });
    expect(prefilled).toEqual([
      { subject: 'norm:13a', fromYear: 2023, practices: 2 },
      { subject: 'principle:6', fromYear: null, practices: 1 },
      { subject: 'norm:13b', fromYear: null, practices: 0 },
    ]);
    const a = await section(report.id, 'norm:13a');
    // Last year's answers and visibility, the CERT still linked, the new practice linked and named in both languages.
    expect(a.visibility).toBe('public');
    expect(a.content.practiceIds).toEqual([practiceIds.cert, practiceIds.supplyChain]);
    expect(a.content.inPlace).toEqual({
      en: 'A CERT since 2019.\n\nPractice reported in the Paris Call’s library: “Supply-chain audits”.',
      fr: 'Un CERT depuis 2019.\n\nPratique signalée dans la bibliothèque de l’Appel de Paris : « Audits de la chaîne d’approvisionnement ».',
    });
    expect(a.content.lessons).toEqual({ en: 'Exercises matter.' });
    const six = await section(report.id, 'principle:6');
    expect(six.visibility).toBe('secretariat');
    expect(six.content.practiceIds).toEqual([practiceIds.supplyChain]);
    expect(six.content.inPlace).toEqual({ en: 'Practice reported in the Paris Call’s library: “Supply-chain audits”.' });
    const b = await section(report.id, 'norm:13b');
    expect(b.content).toEqual({ inPlace: {}, lessons: {}, challenges: {}, assistanceNeeded: {}, assistanceOffered: {}, practiceIds: [] });
    expect(await audits('reports.start')).toBe(1);
  });

  it('refuses a second report for the same year, and a report to anyone but a verified organisation’s representatives, changing nothing', async () => {
    const before = (await db().select({ n: count() }).from(implementationReports))[0]!.n;
    const input = { db: db(), supporterId: people.orgA.id, year: 2024, original: 'en' as const, subjects: ['norm:13c' as const] };
    expect(await refusal(startReport({ ...input, actor: people.actors.repA2 }))).toBe('409 reports.report.exists');
    expect(await refusal(startReport({ ...input, year: 2022, actor: people.actors.repB }))).toBe('403 reports.write.not-allowed');
    expect(await refusal(startReport({ ...input, year: 2022, actor: people.actors.moderator }))).toBe('403 reports.write.not-allowed');
    expect(await refusal(startReport({ ...input, year: 2022, actor: anonymous }))).toBe('401 auth.unauthorized');
    expect(await refusal(startReport({ ...input, supporterId: people.unverified.id, year: 2022, actor: people.actors.repUnverified }))).toBe('403 reports.write.unverified');
    expect((await db().select({ n: count() }).from(implementationReports))[0]!.n).toBe(before);
  });

  it('a French report is pre-filled in French', async () => {
    const { report } = await startReport({ db: db(), actor: people.actors.repB, supporterId: people.orgB.id, year: 2024, original: 'fr', subjects: ['norm:13a'] });
    expect((await section(report.id, 'norm:13a')).content.inPlace).toEqual({ fr: 'Pratique signalée dans la bibliothèque de l’Appel de Paris : « Someone else’s ».' });
  });
});

describe('editing sections', () => {
  const content = (text: string) => buildContent({ inPlace: { en: text } });

  it('when two representatives save the same section from the same version, the second gets a conflict with the first’s text, and nothing is overwritten', async () => {
    const base = { db: db(), supporterId: people.orgA.id, year: 2024, subject: 'norm:13b' as const };
    const first = await saveSection({ ...base, actor: people.actors.repA1, section: { version: 1, visibility: 'members', content: content('Ana’s text') } });
    expect(first.status).toBe('saved');
    const second = await saveSection({ ...base, actor: people.actors.repA2, section: { version: 1, visibility: 'public', content: content('Bo’s text') } });
    expect(second).toMatchObject({ status: 'conflict', current: { version: 2, visibility: 'members', updatedBy: `user:${people.actors.repA1.userId}`, content: { inPlace: { en: 'Ana’s text' } } } });
    const report = (await db().select().from(implementationReports).where(and(eq(implementationReports.supporterId, people.orgA.id), eq(implementationReports.year, 2024))))[0]!;
    expect((await section(report.id, 'norm:13b')).content.inPlace).toEqual({ en: 'Ana’s text' });
    // Keeping one's own text is a new save against the version now saved.
    const again = await saveSection({ ...base, actor: people.actors.repA2, section: { version: 2, visibility: 'public', content: content('Bo’s text, merged with Ana’s') } });
    expect(again).toMatchObject({ status: 'saved', section: { version: 3, visibility: 'public' } });
  });

  it('of saves sent at once from one version, exactly one is written; saves of different sections at once are all written', async () => {
    const base = { db: db(), supporterId: people.orgA.id, year: 2024 };
    const same = await Promise.all(
      [people.actors.repA1, people.actors.repA2, people.actors.repA1].map((actor, i) => saveSection({ ...base, actor, subject: 'principle:6', section: { version: 1, visibility: 'secretariat', content: content(`Attempt ${i}`) } })),
    );
    expect(same.filter((o) => o.status === 'saved')).toHaveLength(1);
    expect(same.filter((o) => o.status === 'conflict')).toHaveLength(2);
    const winner = same.find((o) => o.status === 'saved')!;
    for (const loser of same.filter((o) => o.status === 'conflict')) expect(loser).toMatchObject({ current: { version: 2, content: winner.status === 'saved' ? winner.section.content : {} } });

    const current = await sectionForEdit({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024, subject: 'norm:13a' });
    const [a, b] = await Promise.all([
      saveSection({ ...base, actor: people.actors.repA1, subject: 'norm:13a', section: { version: current.current.section.version, visibility: 'public', content: content('13(a) by Ana') } }),
      saveSection({ ...base, actor: people.actors.repA2, subject: 'principle:6', section: { version: 2, visibility: 'members', content: content('Principle 6 by Bo') } }),
    ]);
    expect([a.status, b.status]).toEqual(['saved', 'saved']);
  });

  it('audits each save, and refuses another organisation’s representative, the secretariat and practices that are not the organisation’s', async () => {
    const saves = await audits('reports.section.save');
    expect(saves).toBeGreaterThanOrEqual(4);
    const base = { db: db(), supporterId: people.orgA.id, year: 2024, subject: 'norm:13b' as const, section: { version: 3, visibility: 'public' as const, content: content('Intruder') } };
    expect(await refusal(saveSection({ ...base, actor: people.actors.repB }))).toBe('403 reports.write.not-allowed');
    expect(await refusal(saveSection({ ...base, actor: people.actors.moderator }))).toBe('403 reports.write.not-allowed');
    for (const id of [practiceIds.otherOrg!, practiceIds.draft!]) {
      expect(await refusal(saveSection({ ...base, actor: people.actors.repA1, section: { ...base.section, content: { ...content('x'), practiceIds: [id] } } }))).toBe('422 reports.section.practice');
    }
    expect(await audits('reports.section.save')).toBe(saves);
  });

  it('adds sections pre-filled, and keeps a section a colleague saved after the version a removal was asked from', async () => {
    expect(await addSections({ db: db(), actor: people.actors.repA2, supporterId: people.orgA.id, year: 2024, subjects: ['norm:13k', 'norm:13a'] })).toEqual([{ subject: 'norm:13k', fromYear: null, practices: 1 }]);
    expect(await refusal(removeSection({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024, subject: 'norm:13b', version: 1 }))).toBe('409 reports.section.changed');
    expect(await removeSection({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024, subject: 'norm:13k', version: 1 })).toBe(true);
  });
});

describe('publishing and reading by visibility', () => {
  it('publishes once a question is answered, and only once', async () => {
    await startReport({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2019, original: 'en', subjects: ['norm:13c'] });
    expect(await refusal(publishReport({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2019 }))).toBe('422 reports.publish.empty');
    expect(await refusal(publishReport({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2018 }))).toBe('404 reports.report.not-found');
    expect(await refusal(publishReport({ db: db(), actor: people.actors.repB, supporterId: people.orgA.id, year: 2024 }))).toBe('403 reports.write.not-allowed');
    // Pages listing published reports are told (their cached copies are dropped); a draft's changes tell nobody.
    const events = new EventBus();
    const told: string[] = [];
    events.on('registry.changed', 'test', ({ reason }) => told.push(reason));
    await saveSection({ db: db(), events, actor: people.actors.repA1, supporterId: people.orgA.id, year: 2019, subject: 'norm:13c', section: { version: 1, visibility: 'secretariat', content: buildContent() } });
    expect(told).toEqual([]);
    const first = await publishReport({ db: db(), events, actor: people.actors.repA2, supporterId: people.orgA.id, year: 2024 });
    expect(first).toMatchObject({ published: true, report: { state: 'published' } });
    expect(told).toEqual(['reports.publish']);
    expect((await publishReport({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024 })).published).toBe(false);
    expect(await audits('reports.publish')).toBe(1);
  });

  it('shows each reader the sections their role allows, and a draft only to the organisation and the secretariat', async () => {
    // A section added after publication starts shared with the secretariat only.
    await addSections({ db: db(), actor: people.actors.repA1, supporterId: people.orgA.id, year: 2024, subjects: ['norm:13d'] });
    const read = async (actor: Parameters<typeof publicReport>[0]['actor'], year = 2024) =>
      (await publicReport({ db: db(), actor, supporterSlug: people.orgA.slug, year })).sections.map((s) => `${s.subject}:${s.visibility}`);
    expect(await read(anonymous)).toEqual(['norm:13a:public', 'norm:13b:public']);
    expect(await read(people.actors.member)).toEqual(['norm:13a:public', 'norm:13b:public']);
    expect(await read(people.actors.repB)).toEqual(['norm:13a:public', 'norm:13b:public', 'principle:6:members']);
    expect(await read(people.actors.repA1)).toEqual(['norm:13a:public', 'norm:13b:public', 'norm:13d:secretariat', 'principle:6:members']);
    expect(await read(people.actors.moderator)).toEqual(['norm:13a:public', 'norm:13b:public', 'norm:13d:secretariat', 'principle:6:members']);
    expect((await publicReport({ db: db(), actor: anonymous, supporterSlug: people.orgA.slug, year: 2024 })).hidden).toBe(2);

    expect(await refusal(read(anonymous, 2019))).toBe('404 reports.report.not-found');
    expect(await refusal(read(people.actors.repB, 2019))).toBe('404 reports.report.not-found');
    expect(await read(people.actors.repA2, 2019)).toEqual(['norm:13c:secretariat']);
    expect(await read(people.actors.moderator, 2019)).toEqual(['norm:13c:secretariat']);
  });
});
