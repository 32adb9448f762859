/** Actors and organisations for the pings' tests. */
import { and, eq } from 'drizzle-orm';
import type { Grant, UserActor } from '../../app/authz/actor.js';
import type { Database } from '../../app/database/database.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { supporters } from '../supporters/supporters.tables.js';
import { pings } from './pings.tables.js';
import { createExercise, startExercise } from './pings.usecases.js';

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

/**
 * A running exercise run by a contact of `supporterId` over its own organisation, with one e-mailed ping: its ids and
 * its link's token (read back from the e-mail in the outbox, as the contact would from the message).
 */
export async function seedRunningExercise(db: Database, input: { supporterId: string; userId: string; publicUrl: string }): Promise<{ exerciseId: string; pingId: string; contactId: string; token: string }> {
  const contact = await seedContact(db, { supporterId: input.supporterId, state: 'active', channels: [{ kind: 'email', value: `desk-${Date.now().toString(36)}@pings.example` }, { kind: 'phone', value: '+33 1 00 00 00 00' }] });
  const exercise = await createExercise({
    db, actor: contactActor(input.userId, input.supporterId),
    exercise: { supporterId: input.supporterId, scopeSupporterIds: [], roles: [], channels: ['email', 'phone'], windowMinutes: 1440, startsAt: null, timeZone: 'Europe/Paris' },
  });
  await startExercise({ db, publicUrl: input.publicUrl, exerciseId: exercise.id });
  const [ping] = await db.select().from(pings).where(and(eq(pings.exerciseId, exercise.id), eq(pings.contactId, contact.id)));
  const [mail] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, `pings.ping:${ping!.id}`));
  const token = /\/ping\/([A-Za-z0-9_-]+)/.exec(String((mail!.payload as { text?: string }).text))![1]!;
  return { exerciseId: exercise.id, pingId: ping!.id, contactId: contact.id, token };
}
