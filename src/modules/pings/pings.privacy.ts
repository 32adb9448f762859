import { eq, inArray, or } from 'drizzle-orm';
import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { contacts } from '../contacts/contacts.tables.js';
import { pingExercises, pings } from './pings.tables.js';

/**
 * What pings hold about a person: the pings sent to the contacts they accepted (when, how acknowledged), the
 * exercises they ran and the answers they recorded. Erasure leaves the pings (they are their organisation's
 * reachability record; the contact itself is emptied by the contacts module) and replaces the person's name as the
 * one who ran an exercise or recorded an answer.
 */
export const pingsPrivacyPart: PrivacyPart = {
  name: 'pings',
  async export(db, user) {
    const ref = `user:${user.id}`;
    const own = db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, user.id));
    const received = await db
      .select({ id: pings.id, exercise: pings.exerciseId, contact: pings.contactId, channel: pings.channelKind, sentAt: pings.sentAt, acknowledgedAt: pings.acknowledgedAt, via: pings.via })
      .from(pings)
      .where(or(inArray(pings.contactId, own), eq(pings.recordedBy, ref)));
    const ran = await db.select({ id: pingExercises.id, scheduledAt: pingExercises.scheduledAt }).from(pingExercises).where(eq(pingExercises.createdBy, ref));
    return { pings: received, exercisesRun: ran };
  },
  async erase(tx, user) {
    const ref = `user:${user.id}`;
    await tx.update(pingExercises).set({ createdBy: 'erased' }).where(eq(pingExercises.createdBy, ref));
    await tx.update(pings).set({ recordedBy: 'erased' }).where(eq(pings.recordedBy, ref));
  },
};
