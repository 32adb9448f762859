/** Points of contact for the tests of the modules that work with them (pings, requests): inserted as if accepted. */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { UserActor } from '../../app/authz/actor.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { ContactDetails } from './contacts.models.js';
import { grantRole } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import { contactSearchText } from './contacts.models.js';
import { contactChannels, contacts, type ContactChannelRow, type ContactRow } from './contacts.tables.js';

let serial = 0;

export interface SeedContactOptions {
  supporterId: string;
  /** The account that accepted the nomination (it is granted `contact` on the organisation); none: still `invited`. */
  userId?: string;
  email?: string;
  role?: 'diplomatic' | 'technical' | 'policy' | 'legal' | 'psirt';
  name?: string;
  state?: 'invited' | 'active' | 'stale' | 'withdrawn';
  timeZone?: string;
  escalationOrder?: number;
  published?: boolean;
  attestedAt?: Date;
  /** Defaults to one e-mail channel with the contact's address. */
  channels?: Array<{ kind: 'email' | 'phone' | 'sms' | 'portal' | 'signal'; value: string; is24x7?: boolean; published?: boolean }>;
}

export async function seedContact(db: Executor, options: SeedContactOptions): Promise<ContactRow & { channels: ContactChannelRow[] }> {
  const n = ++serial;
  const email = options.email ?? `contact-${n}-${Date.now().toString(36)}@cooperation.example`;
  const state = options.state ?? (options.userId ? 'active' : 'invited');
  const name = options.name ?? `Duty officer ${n}`;
  const role = options.role ?? 'technical';
  const [organisation] = await db.select({ name: supporters.name, countryCode: supporters.countryCode }).from(supporters).where(eq(supporters.id, options.supporterId));
  const [contact] = await db
    .insert(contacts)
    .values({
      supporterId: options.supporterId,
      role,
      name,
      email,
      userId: options.userId ?? null,
      state,
      timeZone: options.timeZone ?? 'Europe/Paris',
      weeklyHours: [{ day: 1, opens: '09:00', closes: '18:00' }],
      languages: ['en', 'fr'],
      published: options.published ?? false,
      escalationOrder: options.escalationOrder ?? n,
      attestedAt: state === 'invited' ? null : (options.attestedAt ?? new Date()),
      nominatedBy: 'test:setup',
      countryCode: organisation?.countryCode ?? null,
      searchText: contactSearchText({ name, title: null, organisation: organisation?.name ?? '', country: organisation?.countryCode ?? null, role, languages: ['en', 'fr'] }),
    })
    .returning();
  const channels = options.channels ?? [{ kind: 'email' as const, value: email, is24x7: true }];
  const rows = channels.length
    ? await db
        .insert(contactChannels)
        .values(channels.map((c, position) => ({ contactId: contact!.id, kind: c.kind, value: c.value, is24x7: c.is24x7 ?? false, published: c.published ?? false, position })))
        .returning()
    : [];
  if (options.userId && state !== 'withdrawn') await grantRole(db, 'test:setup', { userId: options.userId, role: 'contact', scopeId: options.supporterId });
  return { ...contact!, channels: rows };
}

// ——— The people of the directory's own tests: a representative of a published organisation, the secretariat, anyone ———

let peopleSerial = 0;

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
  const rep = await person(t, `rep-${++peopleSerial}-${Date.now().toString(36)}@org.example`, { grants: [{ role: 'representative', scopeId: organisation.id }] });
  return { organisation, rep };
}

/** Valid details, with overrides. */
export function buildDetails(overrides: Partial<ContactDetails> = {}): ContactDetails {
  return {
    role: 'technical', name: 'Camille Martin', title: 'Duty officer', email: `camille-${++peopleSerial}@cert.example`, timeZone: 'Europe/Paris',
    weeklyHours: [{ day: 1, opens: '09:00', closes: '18:00' }], languages: ['fr', 'en'], rfc2350Url: 'https://cert.example/rfc2350.txt', securityTxtUrl: null, cvdPolicyUrl: null,
    escalationOrder: 0, attestationDays: 90,
    channels: [{ kind: 'email', value: 'desk@cert.example', is24x7: true, position: 0, published: false }, { kind: 'phone', value: '+33 1 23 45 67 89', is24x7: false, position: 1, published: false }],
    ...overrides,
  };
}
