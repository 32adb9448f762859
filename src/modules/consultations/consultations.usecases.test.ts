import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { anonymous } from '../../app/authz/actor.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { AppError } from '../../app/http/errors.js';
import { consultationView, dispositionTable, publicDispositions, publicInputs } from './consultations.queries.js';
import { consultationDispositions, consultationInputs, consultations } from './consultations.tables.js';
import { buildConsultation, moveDeadlineIntoPast, openedConsultation, setUpConsultations, type ConsultationPeople } from './consultations.test-support.js';
import { createConsultation, disposeInput, openConsultation, publishSynthesis, sendInput, type InputDraft } from './consultations.usecases.js';

let t: TestApp;
let smtp: TestSmtpServer;
let people: ConsultationPeople;
const publicUrl = 'https://pariscall.test';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
  people = await setUpConsultations(t, { locales: { rep2: 'fr' } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const draft = (overrides: Partial<InputDraft> = {}): InputDraft => ({ paragraph: 1, body: 'Say "every stakeholder, including civil society".', publication: 'named', language: 'en', supporterId: null, ...overrides });
const code = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
};
const auditCount = async (id: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.subject, id))).length;

describe('consultation phases', () => {
  it('when a consultation is a draft, it takes no input and only its co-chairs see it', async () => {
    const db = t.database.db;
    const created = await createConsultation({ db, actor: people.actors.coChair, groupSlug: people.group.slug, consultation: buildConsultation() });
    expect(await code(sendInput({ db, actor: people.actors.person, consultationId: created.id, draft: draft() }))).toBe('consultations.not-found');
    expect(await code(consultationView({ db, actor: anonymous, id: created.id, now: new Date() }))).toBe('consultations.not-found');
    expect((await consultationView({ db, actor: people.actors.coChair, id: created.id, now: new Date() })).phase).toBe('draft');
  });

  it('only a co-chair of the group (or the secretariat) creates and opens a consultation', async () => {
    const db = t.database.db;
    expect(await code(createConsultation({ db, actor: people.actors.rep, groupSlug: people.group.slug, consultation: buildConsultation() }))).toBe('consultations.not-a-co-chair');
    const created = await createConsultation({ db, actor: people.actors.moderator, groupSlug: people.group.slug, consultation: buildConsultation() });
    expect(await code(openConsultation({ db, actor: people.actors.person, consultationId: created.id }))).toBe('consultations.not-found');
    expect(await code(openConsultation({ db, actor: people.actors.coChair, consultationId: created.id }))).toBe('ok');
    expect(await code(openConsultation({ db, actor: people.actors.coChair, consultationId: created.id }))).toBe('consultations.not-open');
  });

  it('an open consultation takes inputs until its deadline and none after; no disposition before it', async () => {
    const db = t.database.db;
    const opened = await openedConsultation(db, people);
    const input = await sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft() });
    expect(input.number).toBe(1);
    expect(await code(disposeInput({ db, actor: people.actors.coChair, consultationId: opened.id, inputId: input.id, outcome: 'accepted', reason: 'Clearer.', publicUrl }))).toBe('consultations.before-deadline');
    expect(await code(sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft(), now: new Date(opened.closesAt.getTime() + 1) }))).toBe('consultations.closed');
    await moveDeadlineIntoPast(db, opened.id);
    const before = await auditCount(opened.id);
    expect(await code(sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft() }))).toBe('consultations.closed');
    expect(await auditCount(opened.id)).toBe(before);
    expect((await db.select().from(consultationInputs).where(eq(consultationInputs.consultationId, opened.id))).length).toBe(1);
  });

  it("a supporters' consultation takes inputs from representatives only, speaking for their own organisation", async () => {
    const db = t.database.db;
    const opened = await openedConsultation(db, people, { audience: 'supporters' });
    expect(await code(sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft() }))).toBe('consultations.not-a-supporter');
    expect(await code(sendInput({ db, actor: people.actors.rep, consultationId: opened.id, draft: draft({ supporterId: 'sup_not_theirs' }) }))).toBe('consultations.organisation');
    expect(await code(sendInput({ db, actor: people.actors.rep, consultationId: opened.id, draft: draft({ paragraph: 99 }) }))).toBe('consultations.paragraph');
    const sent = await sendInput({ db, actor: people.actors.rep, consultationId: opened.id, draft: draft({ supporterId: people.org.id }), supporterName: people.org.name });
    expect(sent.supporterName).toBe(people.org.name);
  });
});

describe('private and anonymous inputs', () => {
  it('private inputs are read by the co-chairs and their author only; anonymous ones never show the name', async () => {
    const db = t.database.db;
    const opened = await openedConsultation(db, people);
    await sendInput({ db, actor: people.actors.rep, consultationId: opened.id, draft: draft({ body: 'PRIVATE-REMARK', publication: 'private', supporterId: people.org.id }), supporterName: people.org.name });
    await sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft({ body: 'ANON-REMARK', publication: 'anonymous' }) });
    await sendInput({ db, actor: people.actors.rep2, consultationId: opened.id, draft: draft({ body: 'NAMED-REMARK', paragraph: null }) });
    const now = new Date();
    for (const actor of [anonymous, people.actors.rep2]) {
      const view = await consultationView({ db, actor, id: opened.id, now });
      expect(view.inputs.map((i) => i.body).sort()).toEqual(['ANON-REMARK', 'NAMED-REMARK']);
      expect(JSON.stringify(view.inputs)).not.toContain('Pat Public');
    }
    const author = await consultationView({ db, actor: people.actors.person, id: opened.id, now });
    expect(author.inputs.find((i) => i.body === 'ANON-REMARK')?.author).toBe('Pat Public');
    const chair = await consultationView({ db, actor: people.actors.coChair, id: opened.id, now });
    expect(chair.inputs.find((i) => i.body === 'PRIVATE-REMARK')?.author).toBe('Rita Rep');
    expect(chair.inputs.find((i) => i.body === 'ANON-REMARK')?.author).toBeNull();
    const exported = await publicInputs({ db, actor: people.actors.coChair, id: opened.id, now });
    expect(exported.inputs.map((i) => i.body).sort()).toEqual(['ANON-REMARK', 'NAMED-REMARK']);
    expect(JSON.stringify(exported)).not.toMatch(/Pat Public|PRIVATE-REMARK|@/);
  });
});

describe('dispositions and the synthesis', () => {
  it('after the deadline, every input gets a disposition; the synthesis publishes them, e-mails each contributor once, and a later change is a new audited version', async () => {
    const db = t.database.db;
    const opened = await openedConsultation(db, people);
    const a = await sendInput({ db, actor: people.actors.rep2, consultationId: opened.id, draft: draft({ body: 'First of mine' }) });
    const b = await sendInput({ db, actor: people.actors.rep2, consultationId: opened.id, draft: draft({ body: 'Second of mine', paragraph: 2 }) });
    const c = await sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft({ body: 'SECRET-CONTENT', publication: 'private' }) });
    const d = await sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft({ body: 'Anonymous one', publication: 'anonymous' }) });
    await moveDeadlineIntoPast(db, opened.id);
    const dispose = (inputId: string, outcome: 'accepted' | 'merged' | 'partly' | 'not-retained', reason: string) => disposeInput({ db, actor: people.actors.coChair, consultationId: opened.id, inputId, outcome, reason, publicUrl });
    expect(await code(dispose(a.id, 'accepted', 'First try'))).toBe('ok');
    expect(await code(disposeInput({ db, actor: people.actors.rep, consultationId: opened.id, inputId: a.id, outcome: 'accepted', reason: 'x', publicUrl }))).toBe('consultations.not-a-co-chair');
    await dispose(a.id, 'accepted', 'Clearer wording.');
    expect((await db.select().from(consultationDispositions).where(eq(consultationDispositions.inputId, a.id))).map((r) => [r.version, r.reason])).toEqual([[1, 'Clearer wording.']]);
    const conclusion = { synthesis: { en: 'We listened.', fr: 'Nous avons écouté.' }, revised: ['Accreditation is open to every stakeholder, including civil society.', 'Agendas are shared.'], changes: new Map([[1, [a.number]]]) };
    expect(await code(publishSynthesis({ db, actor: people.actors.coChair, consultationId: opened.id, conclusion, publicUrl }))).toBe('consultations.undisposed');
    await dispose(b.id, 'merged', 'Merged into paragraph 1.');
    await dispose(c.id, 'not-retained', 'Out of scope.');
    await dispose(d.id, 'partly', 'In part.');
    expect(await code(publishSynthesis({ db, actor: people.actors.coChair, consultationId: opened.id, conclusion: { ...conclusion, changes: new Map([[9, [a.number]]]) }, publicUrl }))).toBe('consultations.changes');
    await publishSynthesis({ db, actor: people.actors.coChair, consultationId: opened.id, conclusion, publicUrl });
    expect(await code(publishSynthesis({ db, actor: people.actors.coChair, consultationId: opened.id, conclusion, publicUrl }))).toBe('consultations.concluded');

    await t.app.context.jobs.worker.drain();
    const french = await smtp.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(people.emails.rep2));
    expect(french.subject).toContain('Suites données à votre contribution');
    expect(french.text).toContain('Contribution nº 1');
    expect(french.text).toContain('Contribution nº 2');
    const mine = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(people.emails.person));
    expect(mine.text).toContain('Out of scope.');
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(people.emails.rep2))).toHaveLength(1);

    const table = await publicDispositions({ db, actor: anonymous, id: opened.id, now: new Date() });
    expect(table.rows.map((r) => r.input.number)).toEqual([a.number, b.number, d.number]);
    expect(JSON.stringify(table.rows)).not.toMatch(/SECRET-CONTENT|Out of scope|Pat Public|@/);

    await dispose(a.id, 'partly', 'On reflection, only in part.');
    const versions = await db.select().from(consultationDispositions).where(eq(consultationDispositions.inputId, a.id));
    expect(versions.map((r) => [r.version, r.outcome, r.published])).toEqual([[1, 'accepted', true], [2, 'partly', true]]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subject, opened.id), eq(auditLog.action, 'consultations.disposition.revise')));
    expect(audit?.details).toMatchObject({ version: 2, previous: { version: 1, outcome: 'accepted' } });
    await t.app.context.jobs.worker.drain();
    await smtp.waitForMessage((m) => (m.subject ?? '').startsWith('La suite donnée à votre contribution a changé'));
    const history = (await publicDispositions({ db, actor: anonymous, id: opened.id, now: new Date() })).rows.find((r) => r.input.id === a.id);
    expect(history?.history.map((h) => h.version)).toEqual([1, 2]);
    const chairTable = await dispositionTable({ db, actor: people.actors.coChair, id: opened.id, now: new Date() });
    expect(chairTable.rows).toHaveLength(4);
    const [row] = await db.select().from(consultations).where(eq(consultations.id, opened.id));
    expect(row?.state).toBe('concluded');
  });

  it('a refused disposition changes nothing and writes nothing to the audit log', async () => {
    const db = t.database.db;
    const opened = await openedConsultation(db, people);
    const input = await sendInput({ db, actor: people.actors.person, consultationId: opened.id, draft: draft() });
    const before = await db.select().from(auditLog).where(like(auditLog.action, 'consultations.disposition%'));
    expect(await code(disposeInput({ db, actor: people.actors.coChair, consultationId: opened.id, inputId: input.id, outcome: 'accepted', reason: 'Too early', publicUrl }))).toBe('consultations.before-deadline');
    expect(await db.select().from(consultationDispositions).where(eq(consultationDispositions.inputId, input.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(like(auditLog.action, 'consultations.disposition%'))).toHaveLength(before.length);
  });
});
