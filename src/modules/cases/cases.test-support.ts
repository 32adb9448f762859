/** Organisations, designated contacts and cases for the cases' tests. */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { UserActor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { supporters } from '../supporters/supporters.tables.js';
import { buildCsaf, validateCsaf } from './cases.csaf.js';
import type { CaseInput } from './cases.models.js';
import { cvdCases, cvdParticipants } from './cases.tables.js';
import { openCase } from './cases.usecases.js';

/** Time for the CSAF validation worker's first answer: the library compiles its schemas first (seconds on a busy machine). */
export const csafWorkerStartMs = 120_000;

/**
 * Starts the CSAF validation worker and waits until it answers, for a `beforeAll` given `csafWorkerStartMs`: the tests
 * that validate or publish then run within their own time, not the library's first load.
 */
export async function csafValidatorReady(): Promise<void> {
  await validateCsaf({});
}

export interface CasePerson {
  userId: string;
  email: string;
  cookie: string;
  supporterId: string;
  actor: UserActor;
}

export const actorOf = (userId: string, email: string, grants: UserActor['grants'], role: UserActor['role'] = 'member', method: UserActor['method'] = 'email-link'): UserActor => ({
  kind: 'user', userId, email, name: null, role, locale: 'en', sessionId: 'ses_test', method, grants,
});

/** A designated contact (signed in) of the n-th published organisation of the registry, in `timeZone`. */
export async function contactPerson(t: TestApp, email: string, n: number, timeZone = 'Europe/Paris'): Promise<CasePerson> {
  const orgs = await t.database.db.select({ id: supporters.id }).from(supporters).where(eq(supporters.status, 'published')).orderBy(supporters.id).limit(n + 1);
  const supporterId = orgs[n]!.id;
  const signed = await signInAs(t, { email });
  await seedContact(t.database.db, { supporterId, userId: signed.userId, email, timeZone });
  return { ...signed, email, supporterId, actor: actorOf(signed.userId, email, [{ role: 'contact', scopeId: supporterId }]) };
}

export const buildCaseInput = (overrides: Partial<CaseInput> = {}): CaseInput => ({
  title: 'Remote code execution in Widget', summary: 'An unauthenticated attacker can run code on Widget servers.', language: 'en', marking: 'AMBER', products: 'Widget 4.2',
  vulnerability: { title: 'Deserialisation of untrusted data', cwe: 'CWE-502', cve: 'CVE-2026-40001', cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
  ...overrides,
});

/** A published advisory, written directly (for tests of the public routes, such as the authorization matrix). */
export async function seedPublishedAdvisory(db: Executor, trackingId = 'PCP-CVD-2026-SEEDED'): Promise<string> {
  const at = new Date('2026-06-01T12:00:00Z');
  const csaf = buildCsaf({
    trackingId, title: 'Seeded advisory', summary: 'A published advisory.', language: 'en', marking: 'CLEAR', publisherName: 'Paris Call', publisherNamespace: 'https://pariscall.example',
    advisoryUrl: `https://pariscall.example/en/advisories/${trackingId}`, releasedAt: at, participants: [{ id: 'p', name: 'Vendor' }], products: [{ id: 'x', participantId: 'p', name: 'Widget' }],
    vulnerabilities: [{ id: 'v', title: 'Flaw', cwe: null, cve: null, cvss31: null, cvss40: null }], states: new Map([['p', new Map([['v', 'fixed' as const]])]]), statements: [],
  });
  await db.insert(cvdCases).values({ title: 'Seeded advisory', summary: 'A published advisory.', language: 'en', state: 'published', publishedAt: at, trackingId, csaf });
  return trackingId;
}

/** The authorization matrix's case (TLP:AMBER, opened by the contact of `supporterId`) with its participant, and a published advisory. */
export async function seedMatrixCase(t: TestApp, contact: { userId: string; email: string; supporterId: string }): Promise<{ case: string; caseParticipant: string; advisory: string }> {
  const actor = actorOf(contact.userId, contact.email, [{ role: 'contact', scopeId: contact.supporterId }]);
  const row = await openCase({ db: t.database.db, actor, locale: 'en', publicUrl: t.config.publicUrl, input: buildCaseInput({ title: 'Matrix case' }) });
  const [participant] = await t.database.db.select().from(cvdParticipants).where(eq(cvdParticipants.caseId, row.id));
  return { case: row.id, caseParticipant: participant!.id, advisory: await seedPublishedAdvisory(t.database.db, 'PCP-CVD-2026-MATRIX') };
}
