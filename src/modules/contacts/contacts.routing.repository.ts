/**
 * The reads other modules make of the contacts (requests, and later pings): to whom something addressed to an
 * organisation goes, in order. Kept apart from the contacts module's own repository (nomination, directory) so the two
 * can change independently; its public surface is contacts.routing.queries.ts.
 */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { contacts, type ContactRow } from './contacts.tables.js';

export function createContactRoutingRepository(db: Executor) {
  return {
    /** Active before stale, then by escalation order; only accepted contacts (with an account), of the role if given. */
    async routing(supporterId: string, role: string | null): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(eq(contacts.supporterId, supporterId), inArray(contacts.state, ['active', 'stale']), isNotNull(contacts.userId), role ? eq(contacts.role, role) : undefined))
        .orderBy(sql`case when ${contacts.state} = 'active' then 0 else 1 end`, asc(contacts.escalationOrder), asc(contacts.createdAt));
    },
    async byId(id: string): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
      return row;
    },
    async ofUser(userId: string): Promise<ContactRow[]> {
      return db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(asc(contacts.createdAt));
    },
    /** Every accepted, not withdrawn contact, by organisation then escalation order. */
    async reachable(): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(inArray(contacts.state, ['active', 'stale']), isNotNull(contacts.userId)))
        .orderBy(asc(contacts.supporterId), asc(contacts.escalationOrder));
    },
  };
}
