/**
 * The life of a point of contact. A representative of a published organisation nominates a contact: the nominee is
 * mailed a signed link (in the language chosen for them); accepting links their account, makes the contact `active`
 * and grants them the scoped role `contact` on the organisation. Representatives edit (a form from an older version is
 * refused, 409) and withdraw (with a reason: personal fields emptied, grant revoked); the contact edits their own
 * record, chooses what the public directory shows, and attests that it is still right. Each use case authorizes,
 * checks the input before writing, and runs in one transaction with its audit entry and e-mails.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { consumeToken, issueToken } from '../../app/auth/tokens.js';
import { findOrCreateUserByEmail } from '../../app/auth/users.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { grantRole, revokeRole } from '../../app/authz/grants.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { getSupporterForEdit } from '../supporters/supporters.usecases.js';
import { nominationTtlMs } from './contacts.constants.js';
import { sendNominationEmail } from './contacts.emails.js';
import { alreadyAccepted, contactChanged, contactNotFound, contactWithdrawn, organisationNotPublished } from './contacts.errors.js';
import { contactSearchText, type ContactDetails } from './contacts.models.js';
import { contactsPolicies } from './contacts.policies.js';
import { createContactsRepository } from './contacts.repository.js';
import type { ContactRow } from './contacts.tables.js';

export interface ContactsDeps {
  db: Executor;
  actor: Actor;
  publicUrl: string;
  now?: Date | undefined;
}

async function organisationOf(tx: Executor, supporterId: string) {
  const supporter = await getSupporterForEdit(tx, supporterId);
  if (!supporter) throw contactNotFound();
  return supporter;
}

const searchTextOf = (details: Pick<ContactDetails, 'name' | 'title' | 'role' | 'languages'>, organisation: { name: string; countryCode: string | null }) =>
  contactSearchText({ ...details, organisation: organisation.name, country: organisation.countryCode });

/** The channels' publication choices survive a representative's edit when the channel is the same (kind and value). */
function keepPublished(details: ContactDetails, before: Array<{ kind: string; value: string; published: boolean }>): ContactDetails {
  const published = new Set(before.filter((c) => c.published).map((c) => `${c.kind}:${c.value}`));
  return { ...details, channels: details.channels.map((c) => ({ ...c, published: published.has(`${c.kind}:${c.value}`) })) };
}

/** Inserts a nominated contact with its channels, its acceptance token and the nominee's e-mail (inside `tx`). */
export async function insertNomination(tx: Executor, input: { by: string; supporter: { id: string; name: string; countryCode: string | null }; details: ContactDetails; locale: Locale; publicUrl: string; now?: Date | undefined }): Promise<ContactRow> {
  const repository = createContactsRepository(tx);
  const details = { ...input.details, channels: input.details.channels.map((c) => ({ ...c, published: false })) };
  const contact = await repository.insert({ supporterId: input.supporter.id, details, nominatedBy: input.by, searchText: searchTextOf(details, input.supporter), countryCode: input.supporter.countryCode });
  await repository.replaceChannels(contact.id, details.channels);
  const token = await issueToken(tx, { purpose: 'contact.accept', subjectId: contact.id, email: details.email, ttlMs: nominationTtlMs, ...(input.now ? { now: input.now } : {}) });
  await recordAudit(tx, { actor: input.by, action: 'contacts.nominate', subject: contact.id, details: { supporter: input.supporter.id, role: details.role } });
  await sendNominationEmail(tx, { contact, organisation: input.supporter.name, locale: input.locale, token, publicUrl: input.publicUrl });
  return contact;
}

/** A representative nominates a contact of their (published) organisation; the nominee is mailed in `locale`. */
export async function nominateContact(input: ContactsDeps & { supporterId: string; details: ContactDetails; locale: Locale }): Promise<{ contact: ContactRow }> {
  return input.db.transaction(async (tx) => {
    const supporter = await organisationOf(tx, input.supporterId);
    const user = authorize(input.actor, contactsPolicies.manage, { supporterId: supporter.id });
    if (supporter.status !== 'published') throw organisationNotPublished();
    return { contact: await insertNomination(tx, { by: actorRef(user), supporter, details: input.details, locale: input.locale, publicUrl: input.publicUrl, now: input.now }) };
  });
}

/**
 * The nominee accepts by the e-mailed link: signed in, their account is linked; otherwise the account of the nominated
 * address (created if needed), in which they are then signed in. The token is used once.
 */
export async function acceptNomination(input: { db: Executor; actor: Actor; token: string; locale: Locale; now?: Date | undefined }): Promise<{ status: 'ok'; contact: ContactRow; userId: string; signIn: boolean } | { status: 'expired' | 'used' | 'invalid' }> {
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, 'contact.accept', input.token, now);
    if (consumed.status !== 'ok') return { status: consumed.status };
    const repository = createContactsRepository(tx);
    const contact = await repository.lockById(consumed.token.subjectId);
    if (!contact || contact.state === 'withdrawn') return { status: 'expired' as const };
    if (contact.state !== 'invited') throw alreadyAccepted();
    const signedIn = input.actor.kind === 'user';
    const userId = signedIn ? (input.actor as Extract<Actor, { kind: 'user' }>).userId : (await findOrCreateUserByEmail(tx, consumed.token.email ?? contact.email, input.locale, { name: contact.name })).id;
    const accepted = await repository.update(contact.id, { userId, state: 'active', attestedAt: now, staleSince: null });
    await grantRole(tx, `user:${userId}`, { userId, role: 'contact', scopeId: contact.supporterId, cause: contact.id });
    await recordAudit(tx, { actor: `user:${userId}`, action: 'contacts.accept', subject: contact.id, details: { supporter: contact.supporterId } });
    return { status: 'ok' as const, contact: accepted, userId, signIn: !signedIn };
  });
}

/** A contact locked for a change, with the actor's standing: `representative` of its organisation or the contact itself. */
async function lockedForChange(tx: Executor, actor: Actor, contactId: string, version: number | null) {
  const contact = await createContactsRepository(tx).lockById(contactId);
  if (!contact) throw contactNotFound();
  const asRepresentative = can(actor, contactsPolicies.manage, { supporterId: contact.supporterId });
  const user = asRepresentative ? authorize(actor, contactsPolicies.manage, { supporterId: contact.supporterId }) : authorize(actor, contactsPolicies.maintain, contact);
  if (contact.state === 'withdrawn') throw contactWithdrawn();
  if (version !== null && version !== contact.version) throw contactChanged();
  return { contact, user, asRepresentative };
}

/** A representative (or the contact) saves the details; the version read with the form must still be current. */
export async function updateContact(input: ContactsDeps & { contactId: string; version: number; details: ContactDetails; published?: boolean | undefined }): Promise<{ contact: ContactRow }> {
  return input.db.transaction(async (tx) => {
    const { contact, user, asRepresentative } = await lockedForChange(tx, input.actor, input.contactId, input.version);
    const repository = createContactsRepository(tx);
    const isContact = contact.userId === user.userId;
    // Publication choices are the contact's own: a representative's edit keeps them as they were.
    const details = isContact ? input.details : keepPublished(input.details, await repository.channelsOf([contact.id]));
    const supporter = await organisationOf(tx, contact.supporterId);
    let updated = await repository.updateDetails(contact.id, details, searchTextOf(details, supporter), supporter.countryCode);
    if (isContact && input.published !== undefined && input.published !== contact.published) updated = await repository.update(contact.id, { published: input.published });
    await repository.replaceChannels(contact.id, details.channels);
    await recordAudit(tx, { actor: actorRef(user), action: 'contacts.update', subject: contact.id, details: { by: asRepresentative && !isContact ? 'representative' : 'contact', published: updated.published } });
    return { contact: updated };
  });
}

/** Empties a contact's personal fields, removes its channels and keys, revokes its grant (withdrawal and erasure). */
export async function blankContact(tx: Executor, by: string, contact: ContactRow, reason: string, now: Date): Promise<ContactRow> {
  const repository = createContactsRepository(tx);
  if (contact.userId) await revokeRole(tx, by, { userId: contact.userId, role: 'contact', scopeId: contact.supporterId, cause: contact.id, reason });
  await repository.replaceChannels(contact.id, []);
  await repository.deleteKeysOf(contact.id);
  return repository.update(contact.id, {
    state: 'withdrawn', name: '', title: null, email: '', userId: null, languages: [], weeklyHours: [], searchText: '', published: false,
    rfc2350Url: null, securityTxtUrl: null, cvdPolicyUrl: null, withdrawnAt: now, withdrawnReason: reason, staleSince: null,
  });
}

/** A representative withdraws a contact (or the contact withdraws), with a reason kept in the audit log. */
export async function withdrawContact(input: ContactsDeps & { contactId: string; reason: string }): Promise<{ contact: ContactRow }> {
  return input.db.transaction(async (tx) => {
    const { contact, user } = await lockedForChange(tx, input.actor, input.contactId, null);
    const by = actorRef(user);
    const withdrawn = await blankContact(tx, by, contact, input.reason, input.now ?? new Date());
    await recordAudit(tx, { actor: by, action: 'contacts.withdraw', subject: contact.id, reason: input.reason, details: { supporter: contact.supporterId } });
    return { contact: withdrawn };
  });
}
