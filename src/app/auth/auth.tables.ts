import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../database/columns.js';

/**
 * People who sign in: supporters' representatives and the secretariat. An account is created when an e-mail address
 * is proven (application confirmed, invitation accepted, `pariscall user create`). Erasure (GDPR art. 17) blanks the
 * personal columns and sets `erased_at`; the id stays so the audit trail keeps pointing at something.
 */
export const users = pgTable(
  'users',
  {
    id: idColumn('usr'),
    /** Lower-cased; null once erased. */
    email: text('email'),
    name: text('name'),
    locale: text('locale').notNull().default('en'),
    /** `member` (representatives, applicants), `moderator` or `admin` (the secretariat). */
    role: text('role').notNull().default('member'),
    status: text('status').notNull().default('active'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
    erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users__email').on(t.email),
    check('users__role_valid', sql`${t.role} in ('member', 'moderator', 'admin')`),
    check('users__status_valid', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** Server-side sessions; the cookie holds a random token whose SHA-256 is the id, so a database leak opens nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** How the session was opened: `email-link` or `passkey`. */
    method: text('method').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions__user').on(t.userId)],
);

/**
 * Single-use links sent by e-mail (confirm an application, sign in, answer a question, accept an invitation). Only
 * the SHA-256 of the token is stored; `used_at` makes a replay visible as such.
 */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose').notNull(),
    /** What the token acts on: an application id, a user id, a supporter id for invitations. */
    subjectId: text('subject_id').notNull(),
    email: text('email'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('auth_tokens__subject').on(t.subjectId)],
);

/** WebAuthn credentials (passkeys) of secretariat accounts. */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id, base64url. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('passkeys__user').on(t.userId)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
