import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';

/** Text per language; a missing language is absent, never an empty string ("not yet translated"). */
export type Localized = Partial<Record<'en' | 'fr', string>>;

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
