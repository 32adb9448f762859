import { grantRole } from '../../app/authz/grants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from '../../../test/helpers/auth.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { createApplicationsRepository } from './applications.repository.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';
import { confirmApplication, submitApplication } from './applications.usecases.js';
import { issueToken } from '../../app/auth/tokens.js';

/**
 * Every route of the joining workflow × every role. Nobody reaches what is not theirs: pages answer with a sign-in
 * redirect (anonymous) or a refusal, and refused writes change nothing (the audit log and the rows stay as they were).
 */
type Role = 'anonymous' | 'applicant' | 'repA' | 'repB' | 'moderatorByLink' | 'moderator' | 'admin';
const roles: Role[] = ['anonymous', 'applicant', 'repA', 'repB', 'moderatorByLink', 'moderator', 'admin'];

let t: TestApp;
const cookies: Record<Role, string> = {} as Record<Role, string>;
let orgA = '';
let orgB = '';
let applicationId = '';
let jobId = '';

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret } });
  const db = t.database.db;
  const [a, b] = await db.select().from(supporters).limit(2);
  orgA = a!.id;
  orgB = b!.id;
  const deps = { db, events: t.app.context.events, config: t.config };
  const submitted = await submitApplication(deps, {
    locale: 'en',
    form: {
      category: 'private-sector', name: 'Matrix Org', countryCode: 'FRA', nature: null, website: 'https://matrix.example', twitter: null, linkedin: null,
      statement: '', statementLocale: 'en', executiveName: 'Neo', executiveEmail: 'neo@matrix.example', contactEmail: null, acceptCall: 'on', acceptPrivacy: 'on',
    },
  });
  applicationId = submitted.applicationId;
  // Confirm through a token issued for it (the e-mailed one is not readable here).
  const token = await issueToken(db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 });
  await confirmApplication(deps, token);
  const applicant = await signInAs(t, { email: 'neo@matrix.example' });
  cookies.applicant = applicant.cookie;
  const repA = await signInAs(t, { email: 'rep@org-a.example' });
  const repB = await signInAs(t, { email: 'rep@org-b.example' });
  await grantRole(db, "test:setup", { userId: repA.userId, role: "representative", scopeId: orgA });
  await grantRole(db, "test:setup", { userId: repB.userId, role: "representative", scopeId: orgB });
  cookies.repA = repA.cookie;
  cookies.repB = repB.cookie;
  cookies.moderatorByLink = (await signInAs(t, { email: 'link-mod@secretariat.example', role: 'moderator', method: 'email-link' })).cookie;
  cookies.moderator = (await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator', method: 'passkey' })).cookie;
  cookies.admin = (await signInAs(t, { email: 'admin@secretariat.example', role: 'admin', method: 'passkey' })).cookie;
  cookies.anonymous = '';
  const [mail] = await db.select().from(jobs).where(eq(jobs.type, 'email.send')).limit(1);
  jobId = mail!.id;
});
afterAll(async () => t?.close());

/** allowed: the status a permitted role gets; everyone else must be turned away. */
interface Case {
  name: string;
  method: 'GET' | 'POST';
  url: () => string;
  body?: () => Record<string, string>;
  allowed: Role[];
  ok: number;
}

const cases: Case[] = [
  { name: 'join form', method: 'GET', url: () => '/en/join', allowed: roles, ok: 200 },
  { name: 'withdrawn history', method: 'GET', url: () => '/en/supporters/withdrawn', allowed: roles, ok: 200 },
  { name: 'manage org A', method: 'GET', url: () => `/en/account/organisations/${orgA}`, allowed: ['repA', 'moderator', 'admin'], ok: 200 },
  { name: 'manage org B', method: 'GET', url: () => `/en/account/organisations/${orgB}`, allowed: ['repB', 'moderator', 'admin'], ok: 200 },
  {
    name: 'propose an edit of org A',
    method: 'POST',
    url: () => `/en/account/organisations/${orgA}/edit`,
    body: () => ({ name: 'Renamed by someone', category: 'private-sector', countryCode: 'FRA', statementLocale: 'en' }),
    allowed: ['repA', 'moderator', 'admin'],
    ok: 303,
  },
  {
    name: 'invite to org B',
    method: 'POST',
    url: () => `/en/account/organisations/${orgB}/invite`,
    body: () => ({ email: 'colleague@org-b.example' }),
    allowed: ['repB', 'moderator', 'admin'],
    ok: 200,
  },
  { name: 'moderation queue', method: 'GET', url: () => '/en/secretariat/applications', allowed: ['moderator', 'admin'], ok: 200 },
  { name: 'an application', method: 'GET', url: () => `/en/secretariat/applications/${applicationId}`, allowed: ['moderator', 'admin'], ok: 200 },
  { name: 'ask the applicant', method: 'POST', url: () => `/en/secretariat/applications/${applicationId}/request-info`, body: () => ({ version: '999', message: 'Who are you?' }), allowed: ['moderator', 'admin'], ok: 409 },
  { name: 'note verbale', method: 'POST', url: () => `/en/secretariat/applications/${applicationId}/note-verbale`, body: () => ({ reference: 'NV-1' }), allowed: ['moderator', 'admin'], ok: 303 },
  { name: 'find an entry to manage', method: 'GET', url: () => '/en/secretariat/supporters?q=acme', allowed: ['moderator', 'admin'], ok: 200 },
  { name: 'all e-mails', method: 'GET', url: () => '/en/secretariat/deliveries', allowed: ['moderator', 'admin'], ok: 200 },
  { name: 'resend an e-mail', method: 'POST', url: () => `/en/secretariat/deliveries/${jobId}/resend`, body: () => ({}), allowed: ['moderator', 'admin'], ok: 303 },
  { name: 'secretariat accounts', method: 'GET', url: () => '/en/secretariat/users', allowed: ['admin'], ok: 200 },
];

async function call(c: Case, role: Role) {
  if (c.method === 'GET') return t.app.inject({ url: c.url(), headers: cookies[role] ? { cookie: cookies[role] } : {} });
  const form = await csrfFor(t, '/en/join', cookies[role]);
  return t.app.inject({ method: 'POST', url: c.url(), headers: { cookie: mergeCookies(form.cookie) }, payload: { ...c.body!(), _csrf: form.token } });
}

describe.each(cases)('$method $name', (c) => {
  it.each(roles)('as %s', async (role) => {
    const auditBefore = (await t.database.db.select().from(auditLog)).length;
    const response = await call(c, role);
    if (c.allowed.includes(role)) {
      expect(response.statusCode, response.body.slice(0, 300)).toBe(c.ok);
      return;
    }
    if (role === 'anonymous') {
      expect([302, 303, 401]).toContain(response.statusCode);
      if (response.statusCode !== 401) expect(String(response.headers.location)).toContain('/en/sign-in');
    } else if (role === 'moderatorByLink' && c.url().includes('/secretariat/')) {
      // A moderator who signed in by e-mail link is sent to enrol a passkey, not let in.
      expect([302, 303, 403]).toContain(response.statusCode);
      if (response.statusCode !== 403) expect(String(response.headers.location)).toContain('/account/passkeys');
    } else {
      expect([403, 404]).toContain(response.statusCode);
    }
    expect(response.body).not.toContain('neo@matrix.example');
    if (c.method === 'POST') expect((await t.database.db.select().from(auditLog)).length).toBe(auditBefore);
  });
});

describe('what a refusal leaves untouched', () => {
  it('the application was decided by nobody and org A kept its name', async () => {
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row?.status).toBe('submitted');
    const [a] = await t.database.db.select().from(supporters).where(eq(supporters.id, orgA));
    expect(a?.name).not.toBe('Renamed by someone');
  });
});
