import { customType, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../database/columns.js';

/** PostgreSQL `bytea` as a Node Buffer (both drivers hand back bytes; PGlite a Uint8Array, wrapped without copying). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * The one store of uploaded files, content-addressed: the key is the SHA-256 of the bytes, so the same document sent
 * twice is stored once and a reference can never point at changed content. Which record uses a file is the record's
 * business (it keeps the hash, the name it was sent under and its type); this table holds bytes only.
 */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  /** The type the content was checked to be (magic bytes), not the one the browser claimed. */
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  ...timestamps,
});
