/** The people of the requests' tests: three organisations' contacts, a representative, the secretariat, a visitor. */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { grantRole, rolesHeldBy } from '../../app/authz/grants.js';
import { anonymous, type Actor } from '../../app/authz/actor.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { supporters } from '../supporters/supporters.tables.js';

export const roles = ['sender', 'recipient', 'otherOfSender', 'otherOfRecipient', 'thirdOrg', 'representative', 'secretariat', 'anonymous'] as const;
export type Role = (typeof roles)[number];

export interface People {
  orgA: string;
  orgB: string;
  orgC: string;
  cookies: Record<Role, string>;
  userIds: Partial<Record<Role, string>>;
  emails: Partial<Record<Role, string>>;
  contactIds: { sender: string; recipient: string; otherOfSender: string; otherOfRecipient: string; thirdOrg: string };
  /** The actor each role is, as the use cases see it (read with a session, as a request would). */
  actor(role: Role): Promise<Actor>;
}

export async function seedPeople(t: TestApp, tag: string, locales: Partial<Record<Role, 'en' | 'fr'>> = {}): Promise<People> {
  const db = t.database.db;
  const [a, b, c] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(3);
  const people = { orgA: a!.id, orgB: b!.id, orgC: c!.id, cookies: { anonymous: '' }, userIds: {}, emails: {}, contactIds: {} } as unknown as People;
  const contactOf: Array<[Role, string, number]> = [['sender', a!.id, 1], ['otherOfSender', a!.id, 2], ['recipient', b!.id, 1], ['otherOfRecipient', b!.id, 2], ['thirdOrg', c!.id, 1]];
  for (const role of roles) {
    if (role === 'anonymous') continue;
    const email = `${role.toLowerCase()}-${tag}@requests.example`;
    const signedIn = await signInAs(t, { email, name: `Name of ${role}`, locale: locales[role] ?? 'en', ...(role === 'secretariat' ? { role: 'moderator' as const, method: 'passkey' as const } : {}) });
    people.cookies[role] = signedIn.cookie;
    people.userIds[role] = signedIn.userId;
    people.emails[role] = email;
  }
  for (const [role, supporterId, order] of contactOf) {
    const contact = await seedContact(db, { supporterId, userId: people.userIds[role]!, email: people.emails[role]!, name: `Name of ${role}`, escalationOrder: order, timeZone: 'Europe/Paris' });
    (people.contactIds as Record<string, string>)[role] = contact.id;
  }
  await grantRole(db, 'test:setup', { userId: people.userIds.representative!, role: 'representative', scopeId: a!.id });
  people.actor = async (role) => {
    if (role === 'anonymous') return anonymous;
    const userId = people.userIds[role]!;
    return {
      kind: 'user', userId, email: people.emails[role]!, name: `Name of ${role}`, role: role === 'secretariat' ? 'moderator' : 'member', locale: 'en',
      sessionId: 'ses_test', method: role === 'secretariat' ? 'passkey' : 'email-link', grants: await rolesHeldBy(db, userId),
    } satisfies Actor;
  };
  return people;
}
