import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { Localized } from '../../shared/localized.js';

/** Text per language (src/shared/localized.ts), as this module's tables store it. */
export type { Localized };

/**
 * The Call's working groups: the six opened at the Paris Peace Forum in November 2020 (from the reference bundle,
 * `source_key` `wg-1`…`wg-6`) and those the secretariat opens later. Co-chairs, members and observers hold scoped roles
 * on a group's id (`role_grants`, scope kind `group`); the group row holds what is shown about the group itself.
 */
export const groups = pgTable(
  'groups',
  {
    id: idColumn('grp'),
    /** The Call's number for the group (1–6 for the first six), shown as "Working group 4". */
    number: integer('number'),
    /** The group's address: `/en/groups/<slug>`. */
    slug: text('slug').notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    mandate: jsonb('mandate').$type<Localized>().notNull().default({}),
    /** `active` or `closed` (its work ended: its space stays readable, nothing new is opened in it). */
    state: text('state').notNull().default('active'),
    /** `wg-4` for the groups of the reference bundle: an import finds its row again; null for groups opened on the platform. */
    sourceKey: text('source_key'),
    /** Who last changed it on the platform (`user:…`); an import leaves such a group alone. */
    editedBy: text('edited_by'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('groups__slug').on(t.slug),
    uniqueIndex('groups__number').on(t.number),
    uniqueIndex('groups__source_key').on(t.sourceKey),
    check('groups__state_valid', sql`${t.state} in ('active', 'closed')`),
  ],
);

export type GroupRow = typeof groups.$inferSelect;

/**
 * The organisations that co-chair a group, as shown on its pages: a registry entry (`supporter_id`) or, for the few
 * that are not in the registry (the Paris Peace Forum's secretariat), a name. The people who act as co-chairs hold the
 * `co-chair` role on the group (`role_grants`); this table says which organisations the group names.
 */
export const groupCoChairs = pgTable(
  'group_co_chairs',
  {
    id: idColumn('gcc'),
    groupId: text('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    supporterId: text('supporter_id').references(() => supporters.id, { onDelete: 'set null' }),
    /** The organisation's name as the group shows it (kept even when linked, so a withdrawn entry still reads). */
    name: jsonb('name').$type<Localized>().notNull(),
    /** The order in which the group names its co-chairs. */
    position: integer('position').notNull().default(0),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [index('group_co_chairs__group').on(t.groupId, t.position)],
);

export type GroupCoChairRow = typeof groupCoChairs.$inferSelect;

/**
 * Requests to take part in a group and their outcome: a supporter's representative asks to join as `member` on behalf
 * of an organisation they represent; anyone signed in asks to `observer`ve. A co-chair accepts (the scoped role is
 * granted) or declines (always with a reason); a member leaves, or a co-chair removes them with a reason (the role is
 * revoked). One open or accepted row per person and group.
 */
export const groupMemberships = pgTable(
  'group_memberships',
  {
    id: idColumn('gmb'),
    groupId: text('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** `member` (for an organisation) or `observer`. */
    role: text('role').notNull(),
    /** The organisation a member takes part for; null for observers. */
    supporterId: text('supporter_id').references(() => supporters.id, { onDelete: 'set null' }),
    /** `requested`, `accepted`, `declined`, `left`, `removed`. */
    state: text('state').notNull().default('requested'),
    /** What the person wrote with the request (read by the co-chairs only). */
    message: text('message'),
    /** Why a co-chair declined or removed (read by the person, in their e-mail). */
    reason: text('reason'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('group_memberships__one_open').on(t.groupId, t.userId).where(sql`${t.state} in ('requested', 'accepted')`),
    index('group_memberships__group_state').on(t.groupId, t.state),
    check('group_memberships__role_valid', sql`${t.role} in ('member', 'observer')`),
    check('group_memberships__state_valid', sql`${t.state} in ('requested', 'accepted', 'declined', 'left', 'removed')`),
    check('group_memberships__member_has_organisation', sql`${t.role} <> 'member' or ${t.supporterId} is not null`),
  ],
);

export type GroupMembershipRow = typeof groupMemberships.$inferSelect;

/** A document of a group: a draft under discussion or a deliverable; its files are in its versions. */
export const groupDocuments = pgTable(
  'group_documents',
  {
    id: idColumn('gdc'),
    groupId: text('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    /** `draft` or `deliverable`. */
    kind: text('kind').notNull(),
    /** `public`, or `members` (seen by members, observers, co-chairs and the secretariat only). */
    visibility: text('visibility').notNull().default('public'),
    title: jsonb('title').$type<Localized>().notNull(),
    /** The official address of a published deliverable (imported ones: pariscall.international/assets/files/…). */
    officialUrl: text('official_url'),
    /** The date the document was published, when known (imported deliverables: 2021-11-12). */
    publishedOn: date('published_on'),
    /** `wg-6/report` for the reference bundle's documents; null for those added on the platform. */
    sourceKey: text('source_key'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    index('group_documents__group').on(t.groupId),
    uniqueIndex('group_documents__source_key').on(t.sourceKey),
    check('group_documents__kind_valid', sql`${t.kind} in ('draft', 'deliverable')`),
    check('group_documents__visibility_valid', sql`${t.visibility} in ('public', 'members')`),
  ],
);

export type GroupDocumentRow = typeof groupDocuments.$inferSelect;

/** A file of the shared files store (by content hash), under the name it was sent with. */
export interface VersionFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** Each version of a document, kept: its English and/or French file in the files store. */
export const groupDocumentVersions = pgTable(
  'group_document_versions',
  {
    documentId: text('document_id').notNull().references(() => groupDocuments.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    files: jsonb('files').$type<Partial<Record<'en' | 'fr', VersionFile>>>().notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'group_document_versions__pk', columns: [t.documentId, t.number] })],
);

export type GroupDocumentVersionRow = typeof groupDocumentVersions.$inferSelect;

/** News a group's co-chairs post, public or for the members. */
export const groupNews = pgTable(
  'group_news',
  {
    id: idColumn('gnw'),
    groupId: text('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<Localized>().notNull(),
    body: jsonb('body').$type<Localized>().notNull(),
    visibility: text('visibility').notNull().default('public'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [index('group_news__group_created').on(t.groupId, t.createdAt), check('group_news__visibility_valid', sql`${t.visibility} in ('public', 'members')`)],
);

export type GroupNewsRow = typeof groupNews.$inferSelect;
