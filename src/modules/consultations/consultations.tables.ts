import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { groups } from '../groups/groups.tables.js';
import type { Localized } from '../../shared/localized.js';

/** Text per language (src/shared/localized.ts), as this module's tables store it. */
export type { Localized };

/**
 * A consultation held by a working group on a draft (paragraph-numbered text) or a question set. `state` is stored as
 * `draft`, `open` or `concluded`; an open consultation whose `closes_at` has passed is read as closed (by time, so no
 * job has to close it at the minute).
 */
export const consultations = pgTable(
  'consultations',
  {
    id: idColumn('cns'),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'restrict' }),
    title: jsonb('title').$type<Localized>().notNull(),
    introduction: jsonb('introduction').$type<Localized>().notNull().default({}),
    /** `draft`: paragraphs of a text to comment; `questions`: a question set to answer. */
    kind: text('kind').notNull(),
    /** `supporters`: signed-in representatives of registry organisations; `public`: anyone signed in. */
    audience: text('audience').notNull(),
    /** The language the text (and its revision) is written in. */
    language: text('language').notNull(),
    state: text('state').notNull().default('draft'),
    /** Set when opened: inputs are taken from then. */
    opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }),
    /** The deadline, as an instant (UTC); shown in `time_zone`, the zone it was given in. */
    closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** An IANA time zone name (`Europe/Paris`): the deadline's local time is shown in it, with its UTC offset. */
    timeZone: text('time_zone').notNull(),
    synthesis: jsonb('synthesis').$type<Localized>().notNull().default({}),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    index('consultations__group').on(t.groupId),
    check('consultations__kind_valid', sql`${t.kind} in ('draft', 'questions')`),
    check('consultations__audience_valid', sql`${t.audience} in ('supporters', 'public')`),
    check('consultations__language_valid', sql`${t.language} in ('en', 'fr')`),
    check('consultations__state_valid', sql`${t.state} in ('draft', 'open', 'concluded')`),
  ],
);

/**
 * The numbered paragraphs (or questions) of a consultation's text: the `original` one commented on, and the `revised`
 * one published with the synthesis, each revised paragraph listing the inputs that changed it.
 */
export const consultationParagraphs = pgTable(
  'consultation_paragraphs',
  {
    id: idColumn('cpg'),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** `original` or `revised`. */
    text: text('text').notNull(),
    /** From 1, in reading order: the paragraph's anchor (`#p-3`). */
    number: integer('number').notNull(),
    body: text('body').notNull(),
    /** For a revised paragraph: the ids of the inputs that changed it. */
    changedBy: jsonb('changed_by').$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('consultation_paragraphs__number').on(t.consultationId, t.text, t.number),
    check('consultation_paragraphs__text_valid', sql`${t.text} in ('original', 'revised')`),
  ],
);

/** One person's input on one paragraph (or question), or on the text as a whole (`paragraph` null). */
export const consultationInputs = pgTable(
  'consultation_inputs',
  {
    id: idColumn('cin'),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** From 1 per consultation, in the order received: "input #12" in the disposition table and the synthesis. */
    number: integer('number').notNull(),
    paragraph: integer('paragraph'),
    /** The contributor's user id: their e-mail is read from their account only to send them the dispositions. */
    authorId: text('author_id').notNull(),
    /** The contributor's name when sent (shown only on `named` inputs). */
    authorName: text('author_name').notNull(),
    /** The registry organisation they speak for, if any, and its name when sent. */
    supporterId: text('supporter_id'),
    supporterName: text('supporter_name'),
    language: text('language').notNull(),
    /** Chosen before sending: `named` (published with the name), `anonymous` (published without), `private` (co-chairs only). */
    publication: text('publication').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_inputs__number').on(t.consultationId, t.number),
    index('consultation_inputs__author').on(t.authorId),
    check('consultation_inputs__publication_valid', sql`${t.publication} in ('named', 'anonymous', 'private')`),
    check('consultation_inputs__language_valid', sql`${t.language} in ('en', 'fr')`),
  ],
);

/**
 * The co-chairs' disposition of an input, versioned: version 1 may be reworded until the synthesis is published
 * (`published` false); after it, each change is a new version (published at once), the older ones kept and shown.
 */
export const consultationDispositions = pgTable(
  'consultation_dispositions',
  {
    id: idColumn('cds'),
    inputId: text('input_id')
      .notNull()
      .references(() => consultationInputs.id, { onDelete: 'cascade' }),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** `accepted`, `merged`, `partly` or `not-retained`. */
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    published: boolean('published').notNull().default(false),
    decidedBy: text('decided_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('consultation_dispositions__version').on(t.inputId, t.version),
    index('consultation_dispositions__consultation').on(t.consultationId),
    check('consultation_dispositions__outcome_valid', sql`${t.outcome} in ('accepted', 'merged', 'partly', 'not-retained')`),
    check('consultation_dispositions__reason_given', sql`length(trim(${t.reason})) > 0`),
  ],
);

export type ConsultationRow = typeof consultations.$inferSelect;
export type ParagraphRow = typeof consultationParagraphs.$inferSelect;
export type InputRow = typeof consultationInputs.$inferSelect;
export type DispositionRow = typeof consultationDispositions.$inferSelect;
