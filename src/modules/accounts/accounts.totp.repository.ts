import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { recoveryCodes, totpFactors, type TotpFactorRow } from './accounts.totp.tables.js';

/** Data access for authenticator-app factors and recovery codes; the rules are in accounts.totp.usecases.ts. */
export function createTotpRepository(db: Executor) {
  return {
    async get(userId: string): Promise<TotpFactorRow | undefined> {
      const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId)).limit(1);
      return row;
    },

    /** A new secret waiting for its first code (replaces an unconfirmed one; a confirmed factor is kept). */
    async savePending(userId: string, secretSealed: string): Promise<void> {
      await db
        .insert(totpFactors)
        .values({ userId, secretSealed })
        .onConflictDoUpdate({ target: totpFactors.userId, set: { secretSealed, createdAt: sql`now()`, lastStep: null }, where: isNull(totpFactors.confirmedAt) });
    },

    async confirm(userId: string, step: number): Promise<void> {
      await db.update(totpFactors).set({ confirmedAt: new Date(), lastStep: step }).where(eq(totpFactors.userId, userId));
    },

    /** Records the time step a code was accepted for; false if that step (or a later one) was already used. */
    async useStep(userId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(totpFactors)
        .set({ lastStep: step })
        .where(and(eq(totpFactors.userId, userId), sql`coalesce(${totpFactors.lastStep}, -1) < ${step}`))
        .returning({ userId: totpFactors.userId });
      return rows.length > 0;
    },

    async remove(userId: string): Promise<boolean> {
      const rows = await db.delete(totpFactors).where(eq(totpFactors.userId, userId)).returning({ userId: totpFactors.userId });
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      return rows.length > 0;
    },

    async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
    },

    /** Marks an unused code as used; false if no unused code has this hash. */
    async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      return rows.length > 0;
    },

    async unusedRecoveryCodes(userId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },
  };
}
