/** What other modules may read of the contacts: routing to an organisation's contacts, one contact, a person's contacts. */
import type { Executor } from '../../app/database/database.js';
import { createContactRoutingRepository } from './contacts.routing.repository.js';
import type { ContactRow } from './contacts.tables.js';

export type { ContactRow };

/** An organisation's contacts in the order something addressed to it tries them (active, then stale; by escalation order). */
export const contactsInRoutingOrder = (db: Executor, supporterId: string, role: string | null) => createContactRoutingRepository(db).routing(supporterId, role);
export const findContact = (db: Executor, id: string) => createContactRoutingRepository(db).byId(id);
/** The contact records a person holds (one per organisation they answer for). */
export const contactsOfUser = (db: Executor, userId: string) => createContactRoutingRepository(db).ofUser(userId);
/** Every contact something can be forwarded to. */
export const reachableContacts = (db: Executor) => createContactRoutingRepository(db).reachable();
