/**
 * A contact's OpenPGP keys: added by the contact or by their organisation's representatives (pasted or uploaded as an
 * armored block), checked by openpgp at `now` (contacts.keys.ts), stored with what was read from them; removed by the
 * same people. A refused key changes nothing. Reading a key (its download) is for the cooperation space.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { contactNotFound, contactWithdrawn, keyNotFound, keyRefused } from './contacts.errors.js';
import { parsePublicKey } from './contacts.keys.js';
import { contactsPolicies } from './contacts.policies.js';
import { createContactsRepository } from './contacts.repository.js';
import type { ContactKeyRow, ContactRow } from './contacts.tables.js';
import type { ContactsDeps } from './contacts.usecases.js';

function authorizeKeyChange(actor: ContactsDeps['actor'], contact: ContactRow) {
  const user = can(actor, contactsPolicies.manage, { supporterId: contact.supporterId })
    ? authorize(actor, contactsPolicies.manage, { supporterId: contact.supporterId })
    : authorize(actor, contactsPolicies.maintain, contact);
  if (contact.state === 'withdrawn') throw contactWithdrawn();
  return user;
}

export async function addContactKey(input: Omit<ContactsDeps, 'publicUrl'> & { contactId: string; armored: string }): Promise<{ key: ContactKeyRow }> {
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const repository = createContactsRepository(tx);
    const contact = await repository.lockById(input.contactId);
    if (!contact) throw contactNotFound();
    const user = authorizeKeyChange(input.actor, contact);
    const parsed = await parsePublicKey(input.armored, now);
    if (!parsed.ok) throw keyRefused({ problem: parsed.problem.problem, line: parsed.problem.line });
    const { fingerprint, algorithm, userIds, createdAt, expiresAt, armored } = parsed.key;
    const key = await repository.upsertKey({ contactId: contact.id, fingerprint, algorithm, userIds, keyCreatedAt: createdAt, expiresAt, armored });
    await repository.update(contact.id, {});
    await recordAudit(tx, { actor: actorRef(user), action: 'contacts.key.add', subject: contact.id, details: { fingerprint, expiresAt: expiresAt?.toISOString() ?? null } });
    return { key };
  });
}

export async function removeContactKey(input: Omit<ContactsDeps, 'publicUrl'> & { contactId: string; keyId: string }): Promise<void> {
  await input.db.transaction(async (tx) => {
    const repository = createContactsRepository(tx);
    const contact = await repository.lockById(input.contactId);
    if (!contact) throw contactNotFound();
    const user = authorizeKeyChange(input.actor, contact);
    const key = await repository.findKey(contact.id, input.keyId);
    if (!key) throw keyNotFound();
    await repository.deleteKey(contact.id, key.id);
    await repository.update(contact.id, {});
    await recordAudit(tx, { actor: actorRef(user), action: 'contacts.key.remove', subject: contact.id, details: { fingerprint: key.fingerprint } });
  });
}
