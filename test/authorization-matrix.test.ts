import { seedIncident } from '../src/modules/incidents/incidents.test-support.js';
import { count, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from './helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from './helpers/auth.js';
import { registeredRoutes, type Route } from './helpers/routes.js';
import { appAccess } from '../src/app/app.access.js';
import { auditLog } from '../src/app/audit/audit.tables.js';
import { passkeys } from '../src/app/auth/auth.tables.js';
import { issueToken } from '../src/app/auth/tokens.js';
import { resolveSecretKey } from '../src/app/auth/secret.js';
import { signUnsubscribeToken } from '../src/modules/notifications/notifications.tokens.js';
import { audiences, expectedOutcomes, type Audience, type Outcome, type RouteAccess } from '../src/app/authz/access.js';
import { grantRole } from '../src/app/authz/grants.js';
import { locales } from '../src/app/i18n/i18n.js';
import { jobs } from '../src/app/jobs/jobs.tables.js';
import { modules } from '../src/app/modules.js';
import { recoveryCodes, totpFactors } from '../src/modules/accounts/accounts.totp.tables.js';
import { signInPurpose } from '../src/modules/accounts/accounts.usecases.js';
import { applications } from '../src/modules/applications/applications.tables.js';
import { testSecret } from '../src/modules/applications/applications.test-support.js';
import { confirmApplication, submitApplication } from '../src/modules/applications/applications.usecases.js';
import type { ApplicationForm } from '../src/modules/applications/applications.schemas.js';
import { createDraftEdition, publishEdition } from '../src/modules/index/index.usecases.js';
import { fixtureTable } from '../src/modules/index/index.usecases.test-support.js';
import { groups } from '../src/modules/groups/groups.tables.js';
import { events } from '../src/modules/events/events.tables.js';
import { createGroupsRepository } from '../src/modules/groups/groups.repository.js';
import { storeFile } from '../src/app/files/files.js';
import { samplePdf } from '../src/app/files/files.test-utils.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { toolkitReference } from '../src/modules/toolkit/toolkit.reference.js';
import { normsReference } from '../src/modules/norms/norms.reference.js';
import { seedPublishedPractice } from '../src/modules/norms/practices/practices.test-support.js';
import { crosswalkReference } from '../src/modules/norms/crosswalk/crosswalk.reference.js';
import { buildAssessment } from '../src/modules/toolkit/assessment/assessment.test-support.js';
import { saveAssessment } from '../src/modules/toolkit/assessment/assessment.usecases.js';
import { referenceDir } from '../src/app/reference/reference.js';
import { seedReport } from '../src/modules/norms/reports/reports.test-support.js';
import { seedDisclosureEntry } from '../src/modules/disclosure/disclosure.test-support.js';
import { seedConsultation } from '../src/modules/consultations/consultations.test-support.js';
import { seedRunningExercise } from '../src/modules/pings/pings.test-support.js';
import { seedContact } from '../src/modules/contacts/contacts.test-support.js';
import { seedRequest } from '../src/modules/requests/requests.test-support.js';
import { contactKeys } from '../src/modules/contacts/contacts.tables.js';
import { seedMatrixCase } from '../src/modules/cases/cases.test-support.js';

/**
 * The authorization matrix, generated: every registered route × every audience, against the access each module declares
 * beside its policies (`<module>.access.ts`, outcomes in src/app/authz/access.ts). A route without a declaration, or a
 * declaration without a route, fails. Each request carries real identifiers, a valid CSRF token and a body the handler
 * accepts, so that only authorization can turn it away; a refused request leaves the audit log as it was and shows
 * nothing of the application.
 */
let t: TestApp;
const declarations: RouteAccess[] = [...appAccess, ...modules.flatMap((module) => module.access ?? [])];
let routes: Route[] = [];

const applicantEmail = 'neo@matrix.example';
/** The application's organisation: a refused request must not show it. */
const applicantOrg = 'Matrix Applicant Org';
const cookies = {} as Record<Audience, string>;
const userIds = {} as Partial<Record<Audience, string>>;
const emails: Record<Exclude<Audience, 'anonymous'>, { email: string; role?: 'moderator' | 'admin'; method?: 'email-link' | 'passkey' }> = {
  // The member is the applicant: even their own application's page in the back office is refused to them.
  member: { email: applicantEmail },
  'other-representative': { email: 'rep@org-b.example' },
  representative: { email: 'rep@org-a.example' },
  'moderator-by-link': { email: 'link-mod@secretariat.example', role: 'moderator', method: 'email-link' },
  moderator: { email: 'mod@secretariat.example', role: 'moderator', method: 'passkey' },
  admin: { email: 'admin@secretariat.example', role: 'admin', method: 'passkey' },
  'co-chair': { email: 'co-chair@wg.example' },
  'group-member': { email: 'member@wg.example' },
  contact: { email: 'duty-officer@org-a.example' },
};
let csrf = { token: '', cookie: '' };
/** The identifiers the routes are called with; `orgA` is the organisation `representative` holds, `orgB` the other's. */
const known = { group: '', groupSlug: 'matrix-group', orgA: '', orgB: '', orgASlug: '', applicationId: '', jobId: '', targetUserId: '', draft: 'matrix-draft', published: 'matrix-edition', assessmentToken: '', reportYear: '2024', practice: '', practiceFile: { sha256: '', name: '' }, consultation: '', closedConsultation: '', closedInput: '', event: '', callEvent: '', groupRequest: '', groupDocument: '', pingExercise: '', ping: '', pingContact: '', request: '', contact: '', contactKey: '', incident: '', case: '', caseParticipant: '', advisory: '' };
/** Links as e-mailed: a valid one where the page can show it, a well-formed unknown one where using it would spend it. */
const tokens = { invitation: '', signIn: '', confirm: '', ping: '', unknown: 'x'.repeat(43) };
let unsubscribeToken = '';

const form = (name: string, email: string): ApplicationForm => ({
  category: 'private-sector', name, countryCode: 'FRA', nature: null, website: `https://${email.split('@')[1]}`, twitter: null, linkedin: null,
  statement: '', statementLocale: 'en', executiveName: 'Neo', executiveEmail: email, contactEmail: null, acceptCall: 'on', acceptPrivacy: 'on',
});

beforeAll(async () => {
  // Joining is budgeted per address; every audience posts to the four joining routes in both languages here.
  // The API is budgeted per address too (test/api-rate-limit.test.ts): on a fast database the matrix's hundreds of API
  // calls a minute from one address would meet that budget (429) instead of the rule each route declares.
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret, joinRateLimitPerHour: 10_000, rateLimitPerMinute: 100_000 } });
  const db = t.database.db;
  const deps = { db, events: t.app.context.events, config: t.config };
  const [a, b] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(2);
  Object.assign(known, { orgA: a!.id, orgASlug: a!.slug, orgB: b!.id });

  const submitted = await submitApplication(deps, { locale: 'en', form: form(applicantOrg, applicantEmail) });
  known.applicationId = submitted.applicationId;
  await confirmApplication(deps, await issueToken(db, { purpose: 'application.confirm', subjectId: known.applicationId, ttlMs: 3_600_000 }));
  // Another application left waiting for its confirmation, so the confirmation page has something to show.
  const waiting = await submitApplication(deps, { locale: 'en', form: form('Waiting Org', 'exec@waiting.example') });
  tokens.confirm = await issueToken(db, { purpose: 'application.confirm', subjectId: waiting.applicationId, ttlMs: 3_600_000 });
  tokens.invitation = await issueToken(db, { purpose: 'representative.invite', subjectId: known.orgA, email: 'colleague@org-a.example', ttlMs: 3_600_000 });
  const [mail] = await db.select().from(jobs).where(eq(jobs.type, 'email.send')).limit(1);
  known.jobId = mail!.id;
  // The toolkit as a fresh clone serves it (its reference bundle), so its cell pages have a cell to show.
  const toolkit = await toolkitReference.read(referenceDir);
  await db.transaction((tx) => toolkitReference.load(tx, toolkit, 'test'));
  const norms = await normsReference.read(referenceDir);
  await db.transaction((tx) => normsReference.load(tx, norms, 'test'));
  // A published implementation report of the representative's organisation, so its pages have something to show.
  await seedReport(db, { supporterId: known.orgA, year: Number(known.reportYear), published: true, sections: [{ subject: 'norm:13a', visibility: 'public' }] });
  // An entry of the disclosure registry for the representative's organisation, so its public page has something to show.
  await seedDisclosureEntry(db, known.orgA);
  // The crosswalk too: its secretariat pages edit a link that exists (6 ↔ 13i); removing it asks for a confirmation.
  const crosswalk = await crosswalkReference.read(referenceDir);
  await db.transaction((tx) => crosswalkReference.load(tx, crosswalk, 'test'));
  // A self-assessment behind a private link (its token is the credential); deleting it is idempotent for the rest.
  known.assessmentToken = (await saveAssessment({ db }, { assessment: buildAssessment() })).token;

  const operator = { kind: 'system', ref: 'cli:test' } as const;
  const edition = (slug: string) => ({
    slug, titles: { en: slug, fr: slug }, iData: fixtureTable('small-iData.csv'), iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] }, uncertainty: { seed: 7, runs: 64, weightPerturbation: 0.25 },
  });
  await createDraftEdition({ db }, operator, edition(known.published));
  await publishEdition({ db }, operator, { slug: known.published });
  await createDraftEdition({ db }, operator, edition(known.draft));

  cookies.anonymous = '';
  for (const [audience, who] of Object.entries(emails) as [Exclude<Audience, 'anonymous'>, (typeof emails)['member']][]) {
    const signedIn = await signInAs(t, who);
    cookies[audience] = signedIn.cookie;
    userIds[audience] = signedIn.userId;
  }
  await grantRole(db, 'test:setup', { userId: userIds.representative!, role: 'representative', scopeId: known.orgA });
  await grantRole(db, 'test:setup', { userId: userIds['other-representative']!, role: 'representative', scopeId: known.orgB });
  // A designated point of contact of organisation A (the cooperation space; its requests are sent in A's name).
  await grantRole(db, 'test:setup', { userId: userIds.contact!, role: 'contact', scopeId: known.orgA });
  // A request for assistance under TLP:AMBER, sent by that contact in A's name to B's contact (the `:request`).
  const contactOfB = await signInAs(t, { email: 'duty-officer@org-b.example' });
  const recipientB = await seedContact(db, { supporterId: known.orgB, userId: contactOfB.userId, email: 'duty-officer@org-b.example' });
  known.request = (await seedRequest(db, { senderSupporterId: known.orgA, senderUserId: userIds.contact!, recipientSupporterId: known.orgB, recipient: { contactId: recipientB.id, userId: contactOfB.userId, name: recipientB.name }, tlp: 'AMBER' })).id;
  // Their contact record (the `:contact` of the directory's routes), with a key (`:key`).
  known.contact = (await seedContact(db, { supporterId: known.orgA, userId: userIds.contact!, email: 'duty-officer@org-a.example' })).id;
  known.contactKey = (await db.insert(contactKeys).values({ contactId: known.contact, fingerprint: 'F'.repeat(40), algorithm: 'eddsa', keyCreatedAt: new Date(), armored: '-----BEGIN PGP PUBLIC KEY BLOCK-----' }).returning())[0]!.id;
  known.incident = (await seedIncident(db, { supporterId: known.orgA, authorUserId: userIds.contact!, tlp: 'AMBER' })).id;
  // A TLP:AMBER coordination case opened by that contact for A (no embargo yet: its forms are refused as invalid), and a published advisory.
  Object.assign(known, await seedMatrixCase(t, { userId: userIds.contact!, email: emails.contact.email, supporterId: known.orgA }));
  // A working group of its own (the `:group` of the group routes), with a co-chair and a member.
  const [group] = await db.insert(groups).values({ slug: known.groupSlug, name: { en: 'Matrix group', fr: 'Groupe matrice' }, createdBy: 'test:setup' }).returning();
  known.group = group!.id;
  await grantRole(db, 'test:setup', { userId: userIds['co-chair']!, role: 'co-chair', scopeId: known.group });
  await grantRole(db, 'test:setup', { userId: userIds['group-member']!, role: 'member', scopeId: known.group });
  // Consultations in that group: an open one (comment forms) and one past its deadline (dispositions, synthesis).
  known.consultation = (await seedConsultation(db, { groupId: known.group, phase: 'open', paragraphs: ['One.', 'Two.'] })).id;
  const closed = await seedConsultation(db, { groupId: known.group, phase: 'closed', paragraphs: ['One.'], inputs: [{ authorId: userIds.member!, authorName: 'Matrix Member', paragraph: 1, publication: 'named', body: 'An input.' }] });
  Object.assign(known, { closedConsultation: closed.id, closedInput: closed.inputIds[0]! });
  // An event of the matrix group (public, registration open) and one of the whole Call (the secretariat's routes).
  for (const [key, groupId] of [['event', known.group], ['callEvent', null]] as const) {
    const [row] = await db.insert(events).values({
      id: `evt_matrix_${key}`, uid: `evt_matrix_${key}@test`, groupId, title: { en: 'Matrix event' }, allDay: true, startDate: '2099-01-10', endDate: '2099-01-10', registrationOpen: true, createdBy: 'test:setup',
    }).returning();
    known[key] = row!.id;
  }
  // A request to observe the group (its co-chairs' decisions), and a public document with a file (its download).
  const groupRepository = createGroupsRepository(db);
  const applicant = await signInAs(t, { email: 'applicant@group.example' });
  known.groupRequest = (await groupRepository.insertMembership({ groupId: known.group, userId: applicant.userId, role: 'observer' })).id;
  const groupDocument = await groupRepository.insertDocument({ groupId: known.group, kind: 'draft', visibility: 'public', title: { en: 'Matrix draft' }, createdBy: 'test:setup' });
  await groupRepository.insertVersion({ documentId: groupDocument.id, files: { en: await storeFile(db, samplePdf(), { declaredName: 'matrix.pdf' }) }, note: null, createdBy: 'test:setup' });
  known.groupDocument = groupDocument.id;
  // A published practice of organisation A with one document: its pages and files are public, its account pages A's.
  const practice = await seedPublishedPractice(t, { supporterId: known.orgA, representative: userIds.representative!, moderator: userIds.moderator! });
  Object.assign(known, { practice: practice.id, practiceFile: practice.file });
  const target = await signInAs(t, { email: 'target@matrix.example' });
  known.targetUserId = target.userId;
  tokens.signIn = await issueToken(db, { purpose: signInPurpose, subjectId: target.userId, ttlMs: 3_600_000 });
  // An e-mailed unsubscribe link of the target for the matrix group (signed, never spent: one-click is idempotent).
  unsubscribeToken = signUnsubscribeToken(resolveSecretKey(t.config), { userId: target.userId, groupId: known.group });
  // A ping exercise run by organisation A's contact over its own contacts, with an e-mailed ping and its link's token.
  const exercise = await seedRunningExercise(db, { supporterId: known.orgA, userId: userIds.contact!, publicUrl: t.config.publicUrl });
  Object.assign(known, { pingExercise: exercise.exerciseId, ping: exercise.pingId, pingContact: exercise.contactId });
  tokens.ping = exercise.token;
  // The CSRF secret lives in its own cookie, not in the session: one token serves every audience.
  const page = await csrfFor(t, '/en/sign-in');
  csrf = { token: page.token, cookie: page.cookie };
  routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
});
afterAll(async () => t?.close());

/** A declared path as registered paths: `/:locale/…` in each language; a trailing `*` covers the paths under it. */
function matches(declared: RouteAccess, route: Route): boolean {
  if (declared.method !== route.method) return false;
  if (declared.path.endsWith('*')) return route.path.startsWith(declared.path.slice(0, -1));
  return locales.some((locale) => declared.path.replace(/^\/:locale(?=\/|$)/, `/${locale}`) === route.path);
}

/** Values for the path's parameters, by the segment before each (most specific first). */
const parameters: Array<[RegExp, () => string]> = [
  [/\/secretariat\/index\/:slug(?=\/(publish|discard)$)/, () => known.published], // on the draft they would end it for later requests
  [/\/secretariat\/index\/:slug/, () => known.draft],
  [/\/(index|editions)\/:slug/, () => known.published],
  [/\/units\/:code/, () => 'AAA'],
  [/\/indicators\/:code/, () => 'press'],
  [/\/supporters\/:slug/, () => known.orgASlug],
  [/\/(disclosure|disclosure-policies)\/:slug/, () => known.orgASlug],
  [/\/groups\/:group/, () => known.groupSlug],
  [/\/co-chairs\/:user/, () => known.targetUserId],
  [/\/co-chair-organisations\/:coChair/, () => 'gcc_matrix'], // none: a removal answers 409, nothing named changes
  [/\/consultations\/:consultation(?=\/(dispositions|synthesis|inputs\/:input))/, () => known.closedConsultation],
  [/\/consultations\/:consultation/, () => known.consultation],
  [/\/inputs\/:input/, () => known.closedInput],
  [/\/pings\/exercises\/:exercise/, () => known.pingExercise],
  [/\/pings\/:ping/, () => known.ping],
  [/\/pings\/contacts\/:contact/, () => known.pingContact],
  [/\/ping\/:token/, () => tokens.ping],
  [/\/secretariat\/events\/:event/, () => known.callEvent],
  [/\/events\/:event/, () => known.event],
  [/\/incidents\/:incident/, () => known.incident],
  [/\/cases\/:case/, () => known.case],
  [/\/statements\/:participant/, () => known.caseParticipant],
  [/\/advisories\/:id/, () => known.advisory],
  [/\/working-groups\/:group/, () => known.groupSlug],
  [/\/(requests|participants)\/:membership/, () => known.groupRequest],
  [/\/requests\/:request/, () => known.request],
  [/\/documents\/:document/, () => known.groupDocument],
  [/\/versions\/:number/, () => '1'],
  [/\/versions\/\d+\/:language/, () => 'en'],
  [/\/organisations\/:supporterId/, () => known.orgA],
  [/\/contacts\/:contact/, () => known.contact],
  [/\/keys\/:key/, () => known.contactKey],
  [/\/reports\/:supporterSlug/, () => known.orgASlug],
  [/\/reports\/(?:[^/:]+\/)?:year/, () => known.reportYear],
  [/\/sections\/:subject/, () => 'norm-13a'],
  [/\/applications\/:id/, () => known.applicationId],
  [/\/deliveries\/:id/, () => known.jobId],
  [/\/users\/:id/, () => known.targetUserId],
  [/\/principles\/:number/, () => '1'],
  [/\/norms\/:code/, () => '13i'],
  [/\/crosswalk\/:principle/, () => '6'],
  [/\/crosswalk\/\d+\/:norm/, () => '13i'],
  [/\/toolkit\/cells\/:framework/, () => 'pp-9'],
  [/\/toolkit\/cells\/[^/]+\/:action/, () => 'a4'],
  // The published layer: every write into it is refused as a conflict (409) to whoever may write, after authorization.
  [/\/toolkit\/layers\/:key/, () => 'wg6-2021'],
  [/\/frameworks\/:framework/, () => 'pp-9'],
  [/\/toolkit\/proposals\/:id/, () => 'tkp_matrix'],
  [/\/toolkit\/frameworks\/:key/, () => 'pp-9'],
  [/\/toolkit\/actions\/:code/, () => 'A4'],
  [/\/toolkit\/assessment\/s\/:token/, () => known.assessmentToken],
  [/\/unsubscribe\/:token/, () => unsubscribeToken],
  [/\/practices\/:id/, () => known.practice],
  [/\/files\/:sha256/, () => known.practiceFile.sha256],
  [/\/files\/[^/]+\/:name/, () => known.practiceFile.name],
  [/\/assets\/:name/, () => 'site.css'],
  [/\/api\/docs\*$/, () => '/static/swagger-ui.css'], // swagger-ui's files, under its wildcard
];

/** Query strings: the links' tokens, valid where only shown. */
const queries: Array<[RegExp, () => string]> = [
  [/\/join\/confirm$/, () => `token=${tokens.confirm}`],
  [/\/join\/answer$/, () => `token=${tokens.unknown}`],
  [/\/join\/invitation$/, () => `token=${tokens.invitation}`],
  [/\/sign-in\/verify$/, () => `token=${tokens.signIn}`],
  [/\/cooperation\/(accept|attest)$/, () => `token=${tokens.unknown}`],
];

function urlFor(route: Route): string {
  let url = route.path;
  for (const [pattern, value] of parameters) url = url.replace(pattern, (segment) => segment.replace(/:\w+|\*/, value()));
  if (/\/:|\*/.test(url)) throw new Error(`no value for a parameter of ${route.method} ${route.path}: add one to \`parameters\``);
  const query = route.method === 'GET' ? queries.find(([pattern]) => pattern.test(route.path))?.[1]() : undefined;
  return query ? `${url}?${query}` : url;
}

let serial = 0;
/** What is undone after a request (a passkey made for it and not removed by it). */
const cleanups: Array<() => Promise<unknown>> = [];

/** A session of the audience's own that a request may revoke, not the one the matrix goes on with. */
async function spareSession(audience: Audience): Promise<string> {
  if (audience === 'anonymous') return 'ses_none';
  return (await signInAs(t, emails[audience])).sessionId;
}

/** A passkey of the audience's own to remove (the test users sign in with passkey sessions but hold none). */
async function passkeyOf(audience: Audience): Promise<string> {
  const id = `matrix-passkey-${++serial}`;
  const userId = userIds[audience];
  if (!userId) return id;
  await t.database.db.insert(passkeys).values({ id, userId, publicKey: 'unused' });
  cleanups.push(() => t.database.db.delete(passkeys).where(eq(passkeys.id, id)));
  return id;
}

/**
 * Enrols an authenticator app for the audience's account through its own pages (from a session of its own: confirming
 * replaces the session), removed again after the request; returns a wrong code to give.
 */
async function enrolTotp(audience: Audience): Promise<string> {
  const userId = userIds[audience];
  if (!userId || audience === 'anonymous') return '000000';
  const { cookie } = await signInAs(t, emails[audience]);
  const page = await t.app.inject({ url: '/en/account/totp', headers: { cookie } });
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1]?.replace(/\s/g, '');
  if (!secret) throw new Error(`no authenticator key offered to ${audience}: ${page.statusCode}`);
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  const confirmed = await t.app.inject({
    method: 'POST',
    url: '/en/account/totp',
    // From an address of its own: the codes' rate limit counts per address, and this is set-up, not the matrix.
    remoteAddress: `10.9.${++serial % 250}.1`,
    headers: { cookie: mergeCookies(csrf.cookie, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf.token, code }).toString(),
  });
  if (confirmed.statusCode !== 200) throw new Error(`enrolling an authenticator for ${audience}: ${confirmed.statusCode}`);
  cleanups.push(async () => {
    await t.database.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await t.database.db.delete(totpFactors).where(eq(totpFactors.userId, userId));
  });
  return code === '000000' ? '111111' : '000000';
}

/** Form bodies the handlers accept, so that a refusal is authorization's; writes that would end a fixture are left invalid. */
const bodies: Array<[RegExp, (audience: Audience) => Record<string, string> | Promise<Record<string, string>>]> = [
  [/\/events\/(new|:event\/edit)$/, () => ({ titleEn: 'Matrix meeting', startDate: '2099-02-01', endDate: '2099-02-01', openness: 'public' })],
  [/\/events\/:event\/cancel$/, () => ({ confirm: 'yes' })],
  // Without a reason, a decline or removal is re-shown with the error: the request stays for the next audience.
  [/\/groups\/:group\/(requests|participants)\/:membership\/(decline|remove)$/, () => ({ reason: '' })],
  [/\/groups\/:group\/join$/, () => ({ role: 'observer', message: '' })],
  // The secretariat's group forms, left invalid (422): no group is opened, the matrix's group stays open, no co-chair changes.
  [/\/secretariat\/groups\/new$/, () => ({ slug: 'Not a slug!', 'name-en': 'Matrix' })],
  [/\/secretariat\/groups\/:group\/edit$/, () => ({ 'name-en': '', 'name-fr': '', state: 'closed' })],
  [/\/secretariat\/groups\/:group\/co-chairs$/, () => ({ email: 'nobody@matrix.example' })],
  [/\/co-chairs\/:user\/remove$/, () => ({ reason: '' })],
  [/\/secretariat\/groups\/:group\/co-chair-organisations$/, () => ({ 'organisation-slug': 'no-such-entry' })],
  [/\/organisations\/:supporterId\/edit$/, () => ({ name: 'Renamed by someone', category: 'private-sector', countryCode: 'FRA', statementLocale: 'en' })],
  [/\/organisations\/:supporterId\/invite$/, () => ({ email: 'colleague@org-a.example' })],
  // Withdrawing an organisation for real would end it for the requests after: no confirmation, so the form is re-shown.
  [/\/organisations\/:supporterId\/withdraw$/, () => ({ reason: 'Testing who may withdraw' })],
  // A stale version: a permitted moderator gets the conflict page, and the application stays undecided.
  [/\/applications\/:id\/approve$/, () => ({ version: '999' })],
  [/\/applications\/:id\/reject$/, () => ({ version: '999', reason: 'Not an organisation' })],
  [/\/applications\/:id\/request-info$/, () => ({ version: '999', message: 'Who are you?' })],
  [/\/applications\/:id\/note-verbale$/, () => ({ reference: 'NV-1' })],
  [/\/secretariat\/users$/, () => ({ email: `new-${++serial}@secretariat.example`, name: 'New', role: 'moderator' })],
  [/\/users\/:id\/role$/, () => ({ role: 'member' })],
  [/\/users\/:id\/status$/, () => ({ status: 'active' })],
  [/\/account\/profile$/, () => ({ name: 'Same Name', locale: 'en' })],
  [/\/account\/sessions\/revoke$/, async (audience) => ({ session: await spareSession(audience) })],
  [/\/account\/passkeys\/remove$/, async (audience) => ({ passkey: await passkeyOf(audience) })],
  // Codes are checked, and factors renewed or removed, only for an account with an authenticator app.
  [/\/sign-in\/code$/, async (audience) => ({ code: await enrolTotp(audience) })],
  [/\/account\/totp\/(recovery-codes|remove)$/, async (audience) => ({ code: await enrolTotp(audience) })],
  [/\/account\/totp$/, () => ({ code: '000000' })],
  // An input on an open consultation is sent; a disposition without a reason and an empty synthesis are shown again (422).
  [/\/consultations\/:consultation\/inputs$/, () => ({ paragraph: '1', body: 'A matrix input.', publication: 'named', language: 'en' })],
  [/\/inputs\/:input\/disposition$/, () => ({ outcome: 'accepted', reason: '' })],
  [/\/(sign-in\/verify|join\/confirm|join\/answer|join\/invitation)$/, () => ({ token: tokens.unknown, response: 'Our answer' })],
  [/\/account\/subscriptions$/, () => ({ group: known.groupSlug, frequency: 'weekly' })],
  [/\/unsubscribe\/:token$/, () => ({ 'List-Unsubscribe': 'One-Click' })],
  // Pings: an exercise form without a channel and an unknown code are shown again (422); the link's token acknowledges once.
  [/\/cooperation\/pings\/new$/, () => ({ window: '60', when: 'now' })],
  [/\/cooperation\/pings\/acknowledge$/, () => ({ code: 'NOTACODE' })],
  [/\/api\/v1\/pings\/acknowledge$/, () => ({ token: tokens.ping })],
  // Requests: the new-request form and the actions left invalid (422) or not the sender's to do (409); a reply is added.
  [/\/cooperation\/requests\/new$/, () => ({ kind: 'assistance', subject: '' })],
  [/^\/api\/v1\/requests$/, () => ({ kind: 'assistance' })],
  [/\/requests\/:request\/reply$/, () => ({ body: 'A matrix reply.', language: 'en' })],
  [/\/requests\/:request\/(close|forward|share-request|share-decision)$/, () => ({ outcome: '', contact: '', decision: '' })],
  // Points of contact: a nomination, edit or import left invalid (422), a withdrawal without reason (422), the contact's
  // own forms from a stale version (409): nothing changes for the next audience.
  [/\/organisations\/:supporterId\/contacts$/, () => ({ name: '', email: 'nominee@org-a.example', timeZone: 'CET' })],
  [/\/organisations\/:supporterId\/contacts\/import$/, () => ({ format: 'json', text: '' })],
  [/\/organisations\/:supporterId\/contacts\/:contact\/edit$/, () => ({ version: '999', name: '' })],
  [/\/organisations\/:supporterId\/contacts\/:contact\/withdraw$/, () => ({ reason: '' })],
  [/\/cooperation\/contacts\/:contact\/(attest|edit|keys|keys\/:key\/remove)$/, () => ({ version: '999' })],
  [/\/cooperation\/(accept|attest)$/, () => ({ token: tokens.unknown })],
  // Coordination cases: every form left invalid or refused by the case's state (409/422), so the matrix's case stays as it is.
  [/\/cooperation\/cases\/new$/, () => ({ title: '' })],
  [/^\/api\/v1\/cases$/, () => ({ title: '', summary: '', language: 'en', vulnerabilityTitle: '' })],
  [/\/cases\/:case\/answers$/, () => ({ answers: {} }) as unknown as Record<string, string>],
  [/\/cases\/:case\/embargo$/, () => ({ embargoAt: '', timeZone: 'Nowhere/Zone' })],
  [/\/cases\/:case\/statement$/, () => ({ statement: '' })],
  [/\/statements\/:participant\/review$/, () => ({ decision: 'approve' })],
  [/\/cases\/:case\/participants$/, () => ({ organisation: 'no-such-organisation' })],
  [/\/cases\/:case\/vulnerabilities$/, () => ({ vulnTitle: '' })],
];

/** The request for the route as the audience, with whatever it needs made beforehand (so the audit count follows). */
async function prepare(route: Route, audience: Audience): Promise<InjectOptions & { url: string }> {
  const url = urlFor(route);
  // Signing out ends the session it is sent with: it gets a session of its own.
  const cookie = route.path.endsWith('/sign-out') && audience !== 'anonymous' ? (await signInAs(t, emails[audience])).cookie : cookies[audience];
  if (route.method === 'GET') return { method: 'GET', url, headers: cookie ? { cookie } : {} };
  const body = { ...(await bodies.find(([pattern]) => pattern.test(route.path))?.[1](audience)), _csrf: csrf.token };
  const json = route.path.startsWith('/api/');
  return {
    method: 'POST',
    url,
    headers: {
      cookie: mergeCookies(csrf.cookie, cookie),
      'x-csrf-token': csrf.token,
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    payload: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  };
}

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Whether the response is the outcome the access kind promises (see `Outcome` in src/app/authz/access.ts). */
function meets(outcome: Outcome, response: Response, locale: string | undefined): boolean {
  const status = response.statusCode;
  const location = String(response.headers.location ?? '');
  const redirect = status === 302 || status === 303;
  const signIn = status === 401 || (redirect && new RegExp(`^/${locale}/sign-in(\\?|$)`).test(location));
  const passkey = redirect && location.startsWith(`/${locale}/account/passkeys?required=1`);
  const refused = status === 401 || status === 403 || status === 404 || signIn || passkey;
  switch (outcome) {
    case 'allowed':
      return !refused && status < 500;
    case 'sign-in':
      return signIn;
    case 'refused':
      return status === 403 || status === 404;
    case 'hidden':
      return status === 404;
    case 'passkey':
      return passkey || status === 403;
  }
}

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('the authorization matrix', () => {
  it('declares every registered route, and every declaration names a registered route', () => {
    expect(routes.length).toBeGreaterThan(100);
    const undeclared = routes.filter((route) => !declarations.some((declared) => matches(declared, route))).map((r) => `${r.method} ${r.path}`);
    const unmatched = declarations
      .flatMap((d) => (d.path.startsWith('/:locale') ? locales.map((locale) => ({ ...d, path: d.path.replace(/^\/:locale/, `/${locale}`) })) : [d]))
      .filter((declared) => !routes.some((route) => matches(declared, route)))
      .map((d) => `${d.method} ${d.path}`);
    expect(undeclared, 'registered routes without a declared access (add them to the module’s <module>.access.ts)').toEqual([]);
    expect(unmatched, 'declarations that match no registered route').toEqual([]);
  });

  it.each(declarations.map((d) => [`${d.method} ${d.path} (${d.access})`, d] as const))('%s', async (_name, declared) => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => matches(declared, r))) {
      const locale = locales.find((l) => route.path === `/${l}` || route.path.startsWith(`/${l}/`));
      for (const audience of audiences) {
        const expected = expectedOutcomes[declared.access][audience];
        const request = await prepare(route, audience);
        const before = expected === 'allowed' ? 0 : await auditCount();
        const response = await t.app.inject(request);
        for (const cleanup of cleanups.splice(0)) await cleanup();
        const seen = `${audience}: ${route.method} ${request.url} → ${response.statusCode}${response.headers.location ? ` ${response.headers.location}` : ''}`;
        if (!meets(expected, response, locale)) failures.push(`${seen}, expected ${expected}`);
        if (expected === 'allowed') continue;
        const after = await auditCount();
        if (after !== before) failures.push(`${seen}: refused, yet the audit log grew by ${after - before}`);
        if (response.body.includes(applicantOrg)) failures.push(`${seen}: refused, yet shows the application`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('after every refusal, the application is undecided and the organisations are as they were', async () => {
    const [application] = await t.database.db.select().from(applications).where(eq(applications.id, known.applicationId));
    expect(application?.status).toBe('submitted');
    const rows = await t.database.db.select().from(supporters).where(eq(supporters.status, 'published'));
    const a = rows.find((row) => row.id === known.orgA);
    expect(a?.name).not.toBe('Renamed by someone');
    expect(rows.some((row) => row.id === known.orgB)).toBe(true);
  });
});
