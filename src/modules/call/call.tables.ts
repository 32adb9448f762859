import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../../app/database/columns.js';

/** Text per language; a missing language is absent, never an empty string ("not yet translated"). */
export type Localized = Partial<Record<'en' | 'fr', string>>;

/** The Call's long texts (the Call itself, each principle's case studies), Markdown per language. */
export const callDocuments = pgTable(
  'call_documents',
  {
    /** `call` or `case-studies/principle-N`. */
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    markdown: text('markdown').notNull(),
    source: text('source').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'call_documents__pk', columns: [t.key, t.locale] })],
);

/** The nine principles, short and full names in each language. */
export const principles = pgTable('principles', {
  number: integer('number').primaryKey(),
  shortName: jsonb('short_name').$type<Localized>().notNull(),
  fullName: jsonb('full_name').$type<Localized>().notNull(),
  /** Who last renamed it on the platform (`user:…`); the Call's import leaves such a principle's names alone. */
  editedBy: text('edited_by'),
  ...timestamps,
});
