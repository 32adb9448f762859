import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { AppError } from '../../app/http/errors.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { validateCsaf } from './cases.csaf.js';
import { remindHandler } from './cases.jobs.js';
import { publishCase, reviewStatement, saveStatement } from './cases.publication.js';
import { caseDetail, listMyCases } from './cases.queries.js';
import { createCasesPersonalDataRepository } from './cases.repository.js';
import { cvdStates } from './cases.tables.js';
import { actorOf, buildCaseInput, contactPerson, csafValidatorReady, csafWorkerStartMs, type CasePerson } from './cases.test-support.js';
import { acknowledgeEmbargo, addVulnerability, answer, inviteParticipant, openCase, setEmbargo } from './cases.usecases.js';

let t: TestApp;
let a: CasePerson;
let b: CasePerson;
let c: CasePerson;
const publicUrl = 'https://pariscall.example';
const now = new Date('2026-05-01T08:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  a = await contactPerson(t, 'psirt@org-a.example', 0);
  b = await contactPerson(t, 'cert@org-b.example', 1, 'America/New_York');
  c = await contactPerson(t, 'soc@org-c.example', 2);
});
// Publication validates its advisory: the validation worker starts here, in the hook's time (cases.test-support.ts).
beforeAll(csafValidatorReady, csafWorkerStartMs);
afterAll(async () => t?.close());

const deps = (actor = a.actor, at = now) => ({ db: t.database.db, actor, locale: 'en' as const, publicUrl, now: at });
const mails = async (tag: string) =>
  (await t.database.db.select().from(jobs).where(eq(jobs.type, 'email.send'))).filter((j) => (j.payload as { tag: string }).tag === tag).map((j) => j.payload as { to: string; text: string; html: string; subject: string });
const refusal = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? { code: error.code, status: error.status } : error));

describe('a coordination case from opening to publication', () => {
  let caseId = '';
  let vulnerabilityId = '';

  it('a designated contact opens a case for their organisation: it is a participant with no answer yet, told and reminded later', async () => {
    const row = await openCase({ ...deps(), input: buildCaseInput() });
    caseId = row.id;
    expect(row).toMatchObject({ marking: 'AMBER', coordinatorSupporterId: a.supporterId, state: 'open' });
    const detail = await caseDetail({ db: t.database.db, actor: a.actor, caseId, page: 1 });
    vulnerabilityId = detail.vulnerabilities[0]!.id;
    expect(detail.vulnerabilities[0]).toMatchObject({ cvss31Score: '9.8', cvss40Score: '9.3', cwe: 'CWE-502' });
    expect(detail.participants.map((p) => p.supporterId)).toEqual([a.supporterId]);
    expect(detail.stateOf(detail.participants[0]!.id, vulnerabilityId)).toBe('no-response');
    const invited = await mails('cases.invited');
    expect(invited.map((m) => m.to)).toContain(a.email);
    // The e-mail gives the case's id and link, never its embargoed content (TLP:AMBER).
    expect(invited[0]!.text).not.toContain('Widget');
    const [reminder] = await t.database.db.select().from(jobs).where(and(eq(jobs.type, 'cases.remind-non-responder'), eq(jobs.subjectRef, caseId)));
    expect(reminder!.runAt).toEqual(new Date(now.getTime() + 7 * 86_400_000));
  });

  it('someone who is not a designated contact cannot open a case', async () => {
    const member = actorOf(a.userId, a.email, []);
    expect(await refusal(openCase({ ...deps(member), input: buildCaseInput() }))).toEqual({ code: 'cases.not-contact', status: 403 });
  });

  it('a bad CVSS vector changes nothing and says which field', async () => {
    const error = await refusal(openCase({ ...deps(), input: buildCaseInput({ vulnerability: { ...buildCaseInput().vulnerability, cvss31: 'CVSS:3.1/AV:N/AC:L' } }) }));
    expect(error).toEqual({ code: 'cases.invalid', status: 422 });
  });

  it('the coordinator invites another organisation: its contacts are told, it starts at no response for every vulnerability', async () => {
    await inviteParticipant({ ...deps(), caseId, organisation: b.supporterId, products: 'Gadget 2\nGadget 3' });
    expect((await mails('cases.invited')).map((m) => m.to)).toContain(b.email);
    expect(await refusal(inviteParticipant({ ...deps(), caseId, organisation: b.supporterId, products: '' }))).toEqual({ code: 'cases.invalid', status: 422 });
    expect(await refusal(inviteParticipant({ ...deps(b.actor), caseId, organisation: c.supporterId, products: '' }))).toEqual({ code: 'cases.not-coordinator', status: 403 });
  });

  it('an organisation outside the case is not told it exists (TLP:AMBER)', async () => {
    expect(await refusal(caseDetail({ db: t.database.db, actor: c.actor, caseId, page: 1 }))).toEqual({ code: 'cases.not-found', status: 404 });
    const secretariat = actorOf(c.userId, c.email, [], 'moderator', 'passkey');
    expect(await refusal(caseDetail({ db: t.database.db, actor: secretariat, caseId, page: 1 }))).toEqual({ code: 'cases.not-found', status: 404 });
  });

  it('each answer is recorded with who and when, and audited from → to', async () => {
    await answer({ ...deps(b.actor), caseId, answers: { [vulnerabilityId]: 'not-affected' } });
    const [state] = await t.database.db.select().from(cvdStates).where(and(eq(cvdStates.caseId, caseId), eq(cvdStates.state, 'not-affected')));
    expect(state).toMatchObject({ changedBy: b.userId, changedAt: now });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subject, caseId), eq(auditLog.action, 'cases.state-changed')));
    expect(audit.map((e) => e.details)).toContainEqual(expect.objectContaining({ from: 'no-response', to: 'not-affected', vulnerabilityId }));
    expect(await refusal(answer({ ...deps(b.actor), caseId, answers: { [vulnerabilityId]: 'no-response' } }))).toEqual({ code: 'cases.invalid', status: 422 });
  });

  it('a new vulnerability starts at no response for everyone, so a reminder goes to whoever is still silent', async () => {
    const second = await addVulnerability({ ...deps(), caseId, input: { title: 'Path traversal', cwe: 'CWE-22', cve: '', cvss31: '', cvss40: '' } });
    await answer({ ...deps(b.actor), caseId, answers: { [second.id]: 'affected' } });
    const participants = (await caseDetail({ db: t.database.db, actor: a.actor, caseId, page: 1 })).participants;
    const later = new Date(now.getTime() + 7 * 86_400_000);
    const remind = remindHandler(t.database, { publicUrl, now: () => later });
    for (const p of participants) await remind({ caseId, participantId: p.id, round: 1 });
    const reminded = (await mails('cases.reminder')).map((m) => m.to);
    expect(reminded).toContain(a.email);
    expect(reminded).not.toContain(b.email);
    const next = await t.database.db.select().from(jobs).where(eq(jobs.idempotencyKey, `cases.remind:${participants.find((p) => p.supporterId === a.supporterId)!.id}:2`));
    expect(next[0]!.runAt).toEqual(new Date(later.getTime() + 7 * 86_400_000));
  });

  it('the embargo: a skipped local time is refused; set in a zone, acknowledged explicitly; a change voids acknowledgements and tells everyone', async () => {
    expect(await refusal(setEmbargo({ ...deps(), caseId, local: '2026-10-25T02:30', timeZone: 'America/New_York' }))).toBeNull();
    expect(await refusal(setEmbargo({ ...deps(), caseId, local: '2027-03-14T02:30', timeZone: 'America/New_York' }))).toEqual({ code: 'cases.invalid', status: 422 });
    const set = await setEmbargo({ ...deps(), caseId, local: '2026-06-15T12:00', timeZone: 'Europe/Paris' });
    expect(set.embargoAt).toEqual(new Date('2026-06-15T10:00:00Z'));
    await acknowledgeEmbargo({ ...deps(b.actor), caseId });
    let detail = await caseDetail({ db: t.database.db, actor: b.actor, caseId, page: 1 });
    expect(detail.tallies.acked).toBe(1);
    expect(detail.readerZone).toBe('America/New_York');
    await setEmbargo({ ...deps(), caseId, local: '2026-06-16T12:00', timeZone: 'Europe/Paris' });
    detail = await caseDetail({ db: t.database.db, actor: b.actor, caseId, page: 1 });
    expect(detail.tallies.acked).toBe(0);
    expect((await mails('cases.embargo')).map((m) => m.to)).toEqual(expect.arrayContaining([a.email, b.email]));
  });

  it('statements: drafted, submitted, sent back, approved by the coordinator only', async () => {
    await saveStatement({ ...deps(b.actor), caseId, text: 'Gadget is affected; update to 3.1.', language: 'en', submit: true });
    const participantB = (await caseDetail({ db: t.database.db, actor: a.actor, caseId, page: 1 })).participants.find((p) => p.supporterId === b.supporterId)!;
    expect(await refusal(reviewStatement({ ...deps(b.actor), caseId, participantId: participantB.id, decision: 'approve', review: '' }))).toEqual({ code: 'cases.not-coordinator', status: 403 });
    await reviewStatement({ ...deps(), caseId, participantId: participantB.id, decision: 'changes', review: 'Name the fixed version.' });
    expect(await refusal(reviewStatement({ ...deps(), caseId, participantId: participantB.id, decision: 'approve', review: '' }))).toEqual({ code: 'cases.no-statement', status: 409 });
    await saveStatement({ ...deps(b.actor), caseId, text: 'Gadget 2 and 3 are affected; fixed in 3.1.', language: 'en', submit: true });
    await reviewStatement({ ...deps(), caseId, participantId: participantB.id, decision: 'approve', review: '' });
    // A draft that is never approved stays out of the advisory.
    await saveStatement({ ...deps(), caseId, text: 'A draft of the coordinator’s own.', language: 'en', submit: false });
  });

  it('publication waits for the embargo or every acknowledgement, then gives a valid CSAF 2.0 advisory with approved statements only', async () => {
    expect(await refusal(publishCase({ ...deps(), caseId }))).toEqual({ code: 'cases.too-early', status: 409 });
    await acknowledgeEmbargo({ ...deps(b.actor), caseId });
    await acknowledgeEmbargo({ ...deps(a.actor), caseId });
    const published = await publishCase({ ...deps(), caseId });
    expect(published.state).toBe('published');
    expect(await validateCsaf(published.csaf)).toEqual([]);
    const text = JSON.stringify(published.csaf);
    expect(text).toContain('fixed in 3.1');
    expect(text).not.toContain('A draft of the coordinator');
    expect(published.csaf).toMatchObject({ document: { category: 'csaf_security_advisory', csaf_version: '2.0', distribution: { tlp: { label: 'WHITE' } }, tracking: { status: 'final' } } });
    expect(await refusal(answer({ ...deps(b.actor), caseId, answers: { [vulnerabilityId]: 'fixed' } }))).toEqual({ code: 'cases.published', status: 409 });
  });

  it('a case whose advisory would not be valid CSAF is not published, with the validator’s errors', async () => {
    const row = await openCase({ ...deps(), input: buildCaseInput({ products: '' }) });
    await setEmbargo({ ...deps(), caseId: row.id, local: '2026-05-02T12:00', timeZone: 'UTC' });
    await acknowledgeEmbargo({ ...deps(), caseId: row.id });
    const error = await publishCase({ ...deps(), caseId: row.id }).catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cases.csaf-invalid');
    expect((error as AppError).localize('en')).toMatch(/mandatoryTest_6_1|csaf_2_0_strict/);
  });
});

describe('markings decide who reads a case', () => {
  it('TLP:GREEN reaches the community (any contact); TLP:RED only the person who opened the case', async () => {
    const green = await openCase({ ...deps(), input: buildCaseInput({ marking: 'GREEN' }) });
    await expect(caseDetail({ db: t.database.db, actor: c.actor, caseId: green.id, page: 1 })).resolves.toBeTruthy();
    const red = await openCase({ ...deps(), input: buildCaseInput({ marking: 'RED' }) });
    await inviteParticipant({ ...deps(), caseId: red.id, organisation: b.supporterId, products: '' });
    expect(await refusal(caseDetail({ db: t.database.db, actor: b.actor, caseId: red.id, page: 1 }))).toEqual({ code: 'cases.not-found', status: 404 });
    await expect(caseDetail({ db: t.database.db, actor: a.actor, caseId: red.id, page: 1 })).resolves.toBeTruthy();
  });

  it('every reading of a case is in the audit log', async () => {
    const row = await openCase({ ...deps(), input: buildCaseInput() });
    await caseDetail({ db: t.database.db, actor: a.actor, caseId: row.id, page: 1 });
    const reads = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subject, row.id), eq(auditLog.action, 'cases.read')));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actor).toBe(`user:${a.userId}`);
  });
});

describe('the secretariat as coordinator, and personal data', () => {
  it('a moderator signed in with a passkey opens a case as coordinator, invites, and sees it in their list; an e-mail-link session may not', async () => {
    const moderator = actorOf(c.userId, c.email, [], 'moderator', 'passkey');
    const row = await openCase({ ...deps(moderator), as: 'secretariat', input: buildCaseInput({ products: '' }) });
    expect(row.coordinatorSupporterId).toBeNull();
    await inviteParticipant({ ...deps(moderator), caseId: row.id, organisation: a.supporterId, products: 'Widget 4.2' });
    const detail = await caseDetail({ db: t.database.db, actor: moderator, caseId: row.id, page: 1 });
    expect(detail.isCoordinator).toBe(true);
    expect(detail.coordinatorName).toBeNull();
    expect((await listMyCases({ db: t.database.db, actor: moderator })).map((x) => x.id)).toContain(row.id);
    // The invited organisation's contact reads it and answers; it does not coordinate.
    await expect(caseDetail({ db: t.database.db, actor: a.actor, caseId: row.id, page: 1 })).resolves.toMatchObject({ isCoordinator: false, mayParticipate: true });
    const byLink = actorOf(c.userId, c.email, [], 'moderator', 'email-link');
    expect(await refusal(openCase({ ...deps(byLink), input: buildCaseInput() }))).toEqual({ code: 'cases.not-contact', status: 403 });
  });

  it('a person’s part of cases is exported, and erasing cuts the links while the organisations’ answers stay', async () => {
    const repository = createCasesPersonalDataRepository(t.database.db);
    const mine = await repository.of(b.userId);
    expect(mine.answered.length).toBeGreaterThan(0);
    expect(mine.acknowledged.length).toBeGreaterThan(0);
    await t.database.db.transaction((tx) => createCasesPersonalDataRepository(tx).unlink(b.userId));
    expect(await repository.of(b.userId)).toEqual({ opened: [], acknowledged: [], answered: [] });
    const kept = await t.database.db.select().from(cvdStates).where(eq(cvdStates.state, 'not-affected'));
    expect(kept.length).toBeGreaterThan(0);
  });
});

