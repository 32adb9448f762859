import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';

/** Text per language; a missing language is absent, never an empty string ("not yet translated"). */
export type NormText = { en: string; fr?: string };

/**
 * The eleven voluntary norms of responsible State behaviour (UN GGE 2015, A/70/174 para. 13 (a)–(k)). Loaded from the
 * reference bundle; the secretariat edits them on the platform (an import then never undoes the edit).
 */
export const norms = pgTable(
  'norms',
  {
    id: idColumn('nrm'),
    /** `13a` … `13k`. */
    code: text('code').notNull(),
    /** `13(a)`, as cited. */
    paragraph: text('paragraph').notNull(),
    position: integer('position').notNull(),
    text: jsonb('text').$type<NormText>().notNull(),
    sources: jsonb('sources').$type<{ en: string; fr?: string }>().notNull(),
    /** `g7`: the French is the G7 synthesis's wording (2019), shown as such; `un`: the UN's French text. */
    frWording: text('fr_wording'),
    /** Who last changed the text on the platform (`user:…`); null while it is the imported text. */
    editedBy: text('edited_by'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('norms__code').on(t.code),
    uniqueIndex('norms__position').on(t.position),
    check('norms__fr_wording', sql`${t.frWording} is null or ${t.frWording} in ('g7', 'un')`),
  ],
);

/**
 * The crosswalk between the Call's principles (the call module's `principles`) and the norms: each link with a short
 * rationale, and where it comes from (the WG4 report's page, or who wrote it on the platform).
 */
export const principleNormLinks = pgTable(
  'principle_norm_links',
  {
    principleNumber: integer('principle_number').notNull(),
    normCode: text('norm_code').notNull(),
    rationale: jsonb('rationale').$type<NormText>().notNull(),
    /** e.g. `{ document: 'WG4-Final-Report-101121', page: 12 }`; null for a link written on the platform. */
    source: jsonb('source').$type<{ document: string; page: number }>(),
    editedBy: text('edited_by'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'principle_norm_links__pk', columns: [t.principleNumber, t.normCode] }),
    check('principle_norm_links__principle_valid', sql`${t.principleNumber} between 1 and 9`),
  ],
);
