import { randomBytes } from 'node:crypto';
import { text, timestamp } from 'drizzle-orm/pg-core';

/** Prefixed, sortable-enough random ids (`sup_…`) so an id says what it identifies. */
export function createId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
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
