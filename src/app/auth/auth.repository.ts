/**
 * The identity tables' personal data, read and erased as a whole (the account's part of data export and erasure).
 * Sign-in itself (sessions.ts, passkeys.ts, tokens.ts) keeps its own queries next to its checks.
 */
import { eq, or } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { authTokens, passkeys, sessions, type SessionRow } from './auth.tables.js';

/** Every session the person ever opened (revoked and expired included) and every passkey they hold. */
export async function signInRecordsOf(db: Executor, userId: string): Promise<{ sessions: SessionRow[]; passkeys: Array<typeof passkeys.$inferSelect> }> {
  return {
    sessions: await db.select().from(sessions).where(eq(sessions.userId, userId)),
    passkeys: await db.select().from(passkeys).where(eq(passkeys.userId, userId)),
  };
}

/** Deletes the person's sessions, passkeys and the one-time tokens issued to them or to their address. */
export async function eraseSignInRecords(tx: Executor, user: { id: string; email: string | null }): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, user.id));
  await tx.delete(passkeys).where(eq(passkeys.userId, user.id));
  await tx.delete(authTokens).where(user.email ? or(eq(authTokens.subjectId, user.id), eq(authTokens.email, user.email)) : eq(authTokens.subjectId, user.id));
}
