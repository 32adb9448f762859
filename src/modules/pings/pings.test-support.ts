/** Actors and organisations for the pings' tests. */
import { eq } from 'drizzle-orm';
import type { Grant, UserActor } from '../../app/authz/actor.js';
import type { Database } from '../../app/database/database.js';
import { supporters } from '../supporters/supporters.tables.js';

export function secretariatActor(userId = 'usr_secretariat'): UserActor {
  return { kind: 'user', userId, email: 'secretariat@pariscall.test', name: null, role: 'moderator', locale: 'en', sessionId: 'ses_test', method: 'passkey', grants: [] };
}

export function contactActor(userId: string, supporterId: string, more: Grant[] = []): UserActor {
  return { kind: 'user', userId, email: `${userId}@cooperation.example`, name: null, role: 'member', locale: 'en', sessionId: 'ses_test', method: 'email-link', grants: [{ role: 'contact', scopeId: supporterId }, ...more] };
}

/** Published organisations of the fixture registry. */
export async function someSupporters(db: Database, n: number): Promise<Array<{ id: string; name: string; slug: string }>> {
  return db.select({ id: supporters.id, name: supporters.name, slug: supporters.slug }).from(supporters).where(eq(supporters.status, 'published')).limit(n);
}
