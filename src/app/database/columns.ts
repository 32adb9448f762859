import { randomBytes } from 'node:crypto';
import { text, timestamp } from 'drizzle-orm/pg-core';

/** Prefixed, sortable-enough random ids (`sup_…`) so an id says what it identifies. */
export function createId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/**
 * Whether a value from an address could be one of our ids: checked before a lookup, so a NUL byte (which PostgreSQL
 * refuses in text, as an error) or any other stray character is simply "not found".
 */
export function isIdShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

export const idColumn = (prefix: string) =>
  text('id')
    .primaryKey()
    .$defaultFn(() => createId(prefix));

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
