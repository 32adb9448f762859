/** All SQL of the files store. No rules here: what may be stored and who may read it is decided by the callers. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { files } from './files.tables.js';

export type StoredFileRow = typeof files.$inferSelect;

export function createFilesRepository(db: Executor) {
  return {
    /** Stores the bytes under their hash; the same content sent again is already there and is left as it is. */
    async insert(file: { sha256: string; mediaType: string; size: number; content: Buffer }): Promise<void> {
      await db.insert(files).values(file).onConflictDoNothing({ target: files.sha256 });
    },

    async find(sha256: string): Promise<StoredFileRow | undefined> {
      const [row] = await db.select().from(files).where(eq(files.sha256, sha256)).limit(1);
      return row;
    },
  };
}
