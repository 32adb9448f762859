/** All SQL of the points-of-contact directory: contacts, their channels and keys, the directory's search. */
import { and, asc, count, eq, inArray, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { foldText } from '../../shared/text.js';
import type { ChannelInput, ContactDetails } from './contacts.models.js';
import { contactChannels, contactKeys, contacts, type ContactChannelRow, type ContactKeyRow, type ContactRow } from './contacts.tables.js';

/** The directory's filters (each optional); `q` matches name, title, organisation and country, folded. */
export interface DirectoryFilter {
  q?: string | undefined;
  supporterId?: string | undefined;
  country?: string | undefined;
  role?: string | undefined;
  language?: string | undefined;
  is24x7?: boolean | undefined;
  state?: string | undefined;
  /** The public directory: published contacts only (active or stale), nothing withdrawn or invited. */
  publishedOnly?: boolean | undefined;
}

export function createContactsRepository(db: Executor) {
  const detailColumns = (d: ContactDetails) => ({
    role: d.role, name: d.name, title: d.title, email: d.email, timeZone: d.timeZone, weeklyHours: d.weeklyHours, languages: d.languages,
    rfc2350Url: d.rfc2350Url, securityTxtUrl: d.securityTxtUrl, cvdPolicyUrl: d.cvdPolicyUrl, escalationOrder: d.escalationOrder, attestationDays: d.attestationDays,
  });
  const whereOf = (filter: DirectoryFilter): SQL | undefined => {
    const terms = foldText(filter.q ?? '').split(' ').filter(Boolean).slice(0, 6);
    return and(
      ...terms.map((term) => like(contacts.searchText, `%${term}%`)),
      filter.supporterId ? eq(contacts.supporterId, filter.supporterId) : undefined,
      filter.country ? eq(contacts.countryCode, filter.country) : undefined,
      filter.role ? eq(contacts.role, filter.role) : undefined,
      filter.language ? sql`${filter.language} = any(${contacts.languages})` : undefined,
      filter.is24x7 ? sql`exists (select 1 from ${contactChannels} where ${contactChannels.contactId} = ${contacts.id} and ${contactChannels.is24x7}${filter.publishedOnly ? sql` and ${contactChannels.published}` : sql``})` : undefined,
      filter.state ? eq(contacts.state, filter.state) : filter.publishedOnly ? inArray(contacts.state, ['active', 'stale']) : sql`${contacts.state} <> 'withdrawn'`,
      filter.publishedOnly ? eq(contacts.published, true) : undefined,
    );
  };
  return {
    async insert(input: { supporterId: string; details: ContactDetails; nominatedBy: string; searchText: string; countryCode: string | null }): Promise<ContactRow> {
      const [row] = await db
        .insert(contacts)
        .values({ supporterId: input.supporterId, ...detailColumns(input.details), nominatedBy: input.nominatedBy, searchText: input.searchText, countryCode: input.countryCode })
        .returning();
      return row!;
    },
    async findById(id: string): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
      return row;
    },
    async lockById(id: string): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).for('update');
      return row;
    },
    async updateDetails(id: string, details: ContactDetails, searchText: string, countryCode: string | null): Promise<ContactRow> {
      const [row] = await db.update(contacts).set({ ...detailColumns(details), searchText, countryCode, version: sql`${contacts.version} + 1`, updatedAt: new Date() }).where(eq(contacts.id, id)).returning();
      return row!;
    },
    async update(id: string, values: Partial<Omit<ContactRow, 'id' | 'version'>>): Promise<ContactRow> {
      const [row] = await db.update(contacts).set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: new Date() }).where(eq(contacts.id, id)).returning();
      return row!;
    },
    async replaceChannels(contactId: string, channels: ChannelInput[]): Promise<void> {
      await db.delete(contactChannels).where(eq(contactChannels.contactId, contactId));
      if (channels.length) await db.insert(contactChannels).values(channels.map((c) => ({ contactId, kind: c.kind, value: c.value, is24x7: c.is24x7, position: c.position, published: c.published })));
    },
    async setPublishedChannels(contactId: string, publishedIds: string[]): Promise<void> {
      await db.update(contactChannels).set({ published: false }).where(eq(contactChannels.contactId, contactId));
      if (publishedIds.length) await db.update(contactChannels).set({ published: true }).where(and(eq(contactChannels.contactId, contactId), inArray(contactChannels.id, publishedIds)));
    },
    async channelsOf(contactIds: string[]): Promise<ContactChannelRow[]> {
      if (!contactIds.length) return [];
      return db.select().from(contactChannels).where(inArray(contactChannels.contactId, contactIds)).orderBy(asc(contactChannels.position));
    },
    async keysOf(contactIds: string[]): Promise<ContactKeyRow[]> {
      if (!contactIds.length) return [];
      return db.select().from(contactKeys).where(inArray(contactKeys.contactId, contactIds)).orderBy(asc(contactKeys.createdAt));
    },
    async findKey(contactId: string, keyId: string): Promise<ContactKeyRow | undefined> {
      const [row] = await db.select().from(contactKeys).where(and(eq(contactKeys.contactId, contactId), eq(contactKeys.id, keyId)));
      return row;
    },
    async upsertKey(values: Omit<ContactKeyRow, 'id' | 'createdAt' | 'updatedAt'>): Promise<ContactKeyRow> {
      const [row] = await db
        .insert(contactKeys)
        .values(values)
        .onConflictDoUpdate({ target: [contactKeys.contactId, contactKeys.fingerprint], set: { ...values, updatedAt: new Date() } })
        .returning();
      return row!;
    },
    async deleteKey(contactId: string, keyId: string): Promise<boolean> {
      return (await db.delete(contactKeys).where(and(eq(contactKeys.contactId, contactId), eq(contactKeys.id, keyId))).returning()).length > 0;
    },
    async deleteKeysOf(contactId: string): Promise<void> {
      await db.delete(contactKeys).where(eq(contactKeys.contactId, contactId));
    },
    /** An organisation's contacts (withdrawn ones last), for its representatives' page and its exports. */
    async ofSupporter(supporterId: string, options: { withWithdrawn?: boolean } = {}): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(eq(contacts.supporterId, supporterId), options.withWithdrawn ? undefined : sql`${contacts.state} <> 'withdrawn'`))
        .orderBy(asc(contacts.escalationOrder), asc(contacts.name));
    },
    async ofUser(userId: string): Promise<ContactRow[]> {
      return db.select().from(contacts).where(eq(contacts.userId, userId)).orderBy(asc(contacts.createdAt));
    },
    /** The directory: one page of the matching contacts, by name (the `contacts__name` index, stopping after the page). */
    async search(filter: DirectoryFilter, page: { offset: number; limit: number }): Promise<ContactRow[]> {
      return db.select().from(contacts).where(whereOf(filter)).orderBy(asc(contacts.name), asc(contacts.id)).limit(page.limit).offset(page.offset);
    },
    /** Counts by state and role of what the filter matches (the directory's facets; their sum is the total). */
    async counts(filter: DirectoryFilter): Promise<{ state: string; role: string; n: number }[]> {
      return db.select({ state: contacts.state, role: contacts.role, n: count() }).from(contacts).where(whereOf(filter)).groupBy(contacts.state, contacts.role);
    },
    /** Contacts whose attestation clock may need a step (active or stale, attested): the job reads them in batches. */
    async clockCandidates(afterId: string, limit: number): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(or(eq(contacts.state, 'active'), eq(contacts.state, 'stale')), isNotNull(contacts.attestedAt), sql`${contacts.id} > ${afterId}`))
        .orderBy(asc(contacts.id))
        .limit(limit);
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
