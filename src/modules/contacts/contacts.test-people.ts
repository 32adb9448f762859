/** The people of the directory's own tests: a representative of a published organisation, the secretariat, anyone. */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { UserActor } from '../../app/authz/actor.js';
import { grantRole } from '../../app/authz/grants.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { ContactDetails } from './contacts.models.js';

let serial = 0;

export interface TestPerson {
  actor: UserActor;
  cookie: string;
}

/** Signs a person in and builds their actor with the grants given (as the session would read them). */
export async function person(t: TestApp, email: string, options: { role?: UserActor['role']; locale?: 'en' | 'fr'; grants?: UserActor['grants'] } = {}): Promise<TestPerson> {
  const role = options.role ?? 'member';
  const method = role === 'member' ? 'email-link' : 'passkey';
  const signed = await signInAs(t, { email, role, method, locale: options.locale ?? 'en' });
  for (const grant of options.grants ?? []) await grantRole(t.database.db, 'test:setup', { userId: signed.userId, role: grant.role, scopeId: grant.scopeId });
  return { cookie: signed.cookie, actor: { kind: 'user', userId: signed.userId, email, name: null, role, locale: options.locale ?? 'en', sessionId: signed.sessionId, method, grants: options.grants ?? [] } };
}

let organisations = 0;

/** A published organisation of the fixture registry (another one at each call), with a representative of its own. */
export async function organisationWithRepresentative(t: TestApp, n = organisations++) {
  const rows = await t.database.db.select().from(supporters).where(eq(supporters.status, 'published')).orderBy(supporters.slug).limit(n + 1);
  const organisation = rows[n]!;
  const rep = await person(t, `rep-${++serial}-${Date.now().toString(36)}@org.example`, { grants: [{ role: 'representative', scopeId: organisation.id }] });
  return { organisation, rep };
}

/** Valid details, with overrides. */
export function buildDetails(overrides: Partial<ContactDetails> = {}): ContactDetails {
  return {
    role: 'technical', name: 'Camille Martin', title: 'Duty officer', email: `camille-${++serial}@cert.example`, timeZone: 'Europe/Paris',
    weeklyHours: [{ day: 1, opens: '09:00', closes: '18:00' }], languages: ['fr', 'en'], rfc2350Url: 'https://cert.example/rfc2350.txt', securityTxtUrl: null, cvdPolicyUrl: null,
    escalationOrder: 0, attestationDays: 90,
    channels: [{ kind: 'email', value: 'desk@cert.example', is24x7: true, position: 0, published: false }, { kind: 'phone', value: '+33 1 23 45 67 89', is24x7: false, position: 1, published: false }],
    ...overrides,
  };
}
