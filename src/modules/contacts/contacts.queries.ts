/**
 * What the directory's pages, API and exports read, each authorized here: an organisation's contacts (its
 * representatives and the secretariat), the cooperation space's search and contact pages (designated contacts and the
 * secretariat), and the public directory (only published contacts and their published channels, never anything else).
 */
import type { Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { getSupporterForEdit, listSupportersByIds } from '../supporters/supporters.usecases.js';
import { contactNotFound, keyNotFound } from './contacts.errors.js';
import { attestationDue } from './contacts.models.js';
import type { ExportedOrganisation } from './contacts.io.js';
import { contactsPolicies } from './contacts.policies.js';
import { createContactsRepository, type DirectoryFilter } from './contacts.repository.js';
import type { ContactChannelRow, ContactRow } from './contacts.tables.js';

export async function organisationContacts(input: { db: Executor; actor: Actor; supporterId: string }) {
  authorize(input.actor, contactsPolicies.viewOrganisation, { supporterId: input.supporterId });
  const organisation = await getSupporterForEdit(input.db, input.supporterId);
  if (!organisation) throw contactNotFound();
  const contacts = await createContactsRepository(input.db).ofSupporter(organisation.id);
  return { organisation, contacts, canWrite: can(input.actor, contactsPolicies.manage, { supporterId: organisation.id }) };
}

/** One of the organisation's contacts for its representatives' edit page (404 when not theirs). */
export async function organisationContact(input: { db: Executor; actor: Actor; supporterId: string; contactId: string }) {
  const { organisation } = await organisationContacts(input);
  const repository = createContactsRepository(input.db);
  const contact = await repository.findById(input.contactId);
  if (!contact || contact.supporterId !== organisation.id || contact.state === 'withdrawn') throw contactNotFound();
  return { organisation, contact, channels: await repository.channelsOf([contact.id]) };
}

/** The organisation's contacts with channels and keys, for its JSON and RFC 2350 exports. */
export async function organisationExport(input: { db: Executor; actor: Actor; supporterId: string }): Promise<ExportedOrganisation> {
  const { organisation, contacts } = await organisationContacts(input);
  const repository = createContactsRepository(input.db);
  const ids = contacts.map((c) => c.id);
  const [channels, keys] = await Promise.all([repository.channelsOf(ids), repository.keysOf(ids)]);
  return {
    organisation: { name: organisation.name, slug: organisation.slug, countryCode: organisation.countryCode },
    contacts: contacts.map((contact) => ({ contact, channels: channels.filter((c) => c.contactId === contact.id), keys: keys.filter((k) => k.contactId === contact.id), due: attestationDue(contact) })),
  };
}

function groupChannels(channels: ContactChannelRow[]) {
  const by = new Map<string, ContactChannelRow[]>();
  for (const c of channels) by.set(c.contactId, [...(by.get(c.contactId) ?? []), c]);
  return by;
}

/**
 * One page of the directory. Members see every contact not withdrawn with all its channels; the public sees only
 * published contacts with their published channels (the filter and the channels both say so).
 */
export async function searchDirectory(input: { db: Executor; actor: Actor; audience: 'members' | 'public'; filter: DirectoryFilter; page: number; pageSize: number }) {
  if (input.audience === 'members') authorize(input.actor, contactsPolicies.viewDirectory, undefined);
  const filter: DirectoryFilter = input.audience === 'public' ? { ...input.filter, state: undefined, publishedOnly: true } : { ...input.filter, publishedOnly: false };
  const repository = createContactsRepository(input.db);
  const [rows, counts] = await Promise.all([repository.search(filter, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize }), repository.counts(filter)]);
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const ids = rows.map((c) => c.id);
  const [channelRows, organisations] = await Promise.all([repository.channelsOf(ids), listSupportersByIds(input.db, [...new Set(rows.map((c) => c.supporterId))])]);
  const channels = groupChannels(channelRows);
  const byId = new Map(organisations.map((o) => [o.id, { name: o.name, slug: o.slug, countryCode: o.countryCode }]));
  const entries = rows.map((contact) => ({
    contact,
    organisation: byId.get(contact.supporterId) ?? { name: '', slug: '', countryCode: contact.countryCode },
    channels: (channels.get(contact.id) ?? []).filter((c) => input.audience === 'members' || c.published),
  }));
  return { entries, total, counts, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/** One contact in the cooperation space, with whether the reader is that contact. */
export async function contactInSpace(input: { db: Executor; actor: Actor; contactId: string }) {
  authorize(input.actor, contactsPolicies.viewDirectory, undefined);
  const repository = createContactsRepository(input.db);
  const contact = await repository.findById(input.contactId);
  if (!contact) throw contactNotFound();
  const organisation = await getSupporterForEdit(input.db, contact.supporterId);
  if (!organisation) throw contactNotFound();
  const [channels, keys] = await Promise.all([repository.channelsOf([contact.id]), repository.keysOf([contact.id])]);
  return {
    contact,
    organisation: { name: organisation.name, slug: organisation.slug, countryCode: organisation.countryCode },
    channels,
    keys,
    own: can(input.actor, contactsPolicies.maintain, contact),
  };
}

/** A contact's armored key, for its download in the cooperation space. */
export async function contactKey(input: { db: Executor; actor: Actor; contactId: string; keyId: string }) {
  authorize(input.actor, contactsPolicies.viewDirectory, undefined);
  const key = await createContactsRepository(input.db).findKey(input.contactId, input.keyId);
  if (!key) throw keyNotFound();
  return key;
}

/** The contacts of a person's account (the personal data export). */
export async function contactsOfUser(db: Executor, userId: string): Promise<Array<ContactRow & { channels: ContactChannelRow[] }>> {
  const repository = createContactsRepository(db);
  const contacts = await repository.ofUser(userId);
  const channels = groupChannels(await repository.channelsOf(contacts.map((c) => c.id)));
  return contacts.map((c) => ({ ...c, channels: channels.get(c.id) ?? [] }));
}
