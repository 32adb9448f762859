import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn } from '../database/columns.js';

/** Append-only record of every state change that matters: who did what to which subject, when and why. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn('aud'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** "cli:<os user>", "user:<id>" or "system". */
    actor: text('actor').notNull(),
    /** Dotted action name, e.g. `supporters.import`. */
    action: text('action').notNull(),
    /** Id or slug of the thing acted upon; null for bulk actions. */
    subject: text('subject'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log__subject').on(t.subject), index('audit_log__at').on(t.at)],
);
