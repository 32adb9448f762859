/**
 * The one store of uploaded files (table `files`): content-addressed by SHA-256, bytes in PostgreSQL. A module stores
 * an upload with `storeFile`, inside its own transaction, and keeps the hash, the name and the type in its record;
 * which records may be read by whom is the module's rule, so there is no route here: the module's route decides, then
 * hands the file to `sendStoredFile` (files.http.ts).
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../database/database.js';
import { defineError } from '../http/errors.js';
import { filesMessages } from './files.messages.js';
import { createFilesRepository, type StoredFileRow } from './files.repository.js';
import { checkFile } from './files.types.js';

/** The default ceiling of one file: 10 MB (a module may set a lower one). */
export const maxFileBytes = 10 * 1024 * 1024;

/** What a record keeps of a stored file. */
export interface StoredFile {
  sha256: string;
  /** The name it was sent under, cleaned (see `fileName`). */
  name: string;
  /** The type found in its content. */
  mediaType: string;
  size: number;
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** An upload refused: the sentence names the file and says why, for the page to show beside the file field. */
export const fileRefused = defineError<{ name: string; reason: 'type' | 'size' | 'empty'; max: number }>('files.refused', 422, (locale, { name, reason, max }) =>
  filesMessages(locale)(`file.refused.${reason}`, { name, max: megabytes(max) }),
);

/** Checks an upload without storing it (a form shows every refusal before anything is written). */
export async function inspectFile(bytes: Uint8Array, options: { declaredName: string; maxBytes?: number }) {
  const maxBytes = options.maxBytes ?? maxFileBytes;
  const check = await checkFile(bytes, options.declaredName, maxBytes);
  return check.ok ? { ok: true as const, mediaType: check.mediaType, name: check.name } : { ok: false as const, error: fileRefused({ name: check.name, reason: check.reason, max: maxBytes }) };
}

/** Stores the bytes (once per content) after checking them; throws `files.refused` for what the store does not take. */
export async function storeFile(db: Executor, bytes: Uint8Array, options: { declaredName: string; maxBytes?: number }): Promise<StoredFile> {
  const inspected = await inspectFile(bytes, options);
  if (!inspected.ok) throw inspected.error;
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await createFilesRepository(db).insert({ sha256, mediaType: inspected.mediaType, size: content.length, content });
  return { sha256, name: inspected.name, mediaType: inspected.mediaType, size: content.length };
}

/** A stored file by its hash (the caller has decided the reader may have it). */
export async function readStoredFile(db: Executor, sha256: string): Promise<StoredFileRow | undefined> {
  return createFilesRepository(db).find(sha256);
}
