import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, gt } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { authTokens } from './auth.tables.js';

export type AuthTokenRow = typeof authTokens.$inferSelect;
export type TokenCheck = { status: 'ok'; token: AuthTokenRow } | { status: 'expired' | 'used' | 'invalid' };

/** SHA-256 (base64url) of a raw token or cookie value: what the database keeps, so a leaked table opens nothing. */
export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('base64url');
}

/** 32 random bytes, base64url: unguessable and safe in URLs and cookies. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

// A raw token is 43 base64url characters; anything else is refused before touching the database.
const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether a value could be one of our raw tokens (links, the session cookie); checked before any query. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && tokenShape.test(value);
}

/**
 * Issues a single-use token for `purpose` (`sign-in`, `application.confirm`, `webauthn-challenge`…) and returns the
 * raw value to put in a link. Only its hash is stored. Call inside the transaction that creates what it acts on.
 */
export async function issueToken(
  db: Executor,
  input: { purpose: string; subjectId: string; email?: string | null; data?: Record<string, unknown>; ttlMs: number; now?: Date },
): Promise<string> {
  const raw = randomToken();
  const now = input.now ?? new Date();
  await db.insert(authTokens).values({
    id: hashToken(raw),
    purpose: input.purpose,
    subjectId: input.subjectId,
    email: input.email ?? null,
    data: input.data ?? {},
    expiresAt: new Date(now.getTime() + input.ttlMs),
  });
  return raw;
}

async function explain(db: Executor, purpose: string, raw: string, now: Date): Promise<TokenCheck> {
  if (!isTokenShaped(raw)) return { status: 'invalid' };
  const [row] = await db.select().from(authTokens).where(eq(authTokens.id, hashToken(raw)));
  // A token of another purpose is as good as forged here: a sign-in link never confirms an application.
  if (!row || row.purpose !== purpose) return { status: 'invalid' };
  if (row.usedAt) return { status: 'used' };
  if (row.expiresAt <= now) return { status: 'expired' };
  return { status: 'ok', token: row };
}

/** Says what a token is worth without using it: for the GET page a link opens (mail scanners prefetch links). */
export async function peekToken(db: Executor, purpose: string, raw: string, now = new Date()): Promise<TokenCheck> {
  return explain(db, purpose, raw, now);
}

/**
 * Uses a token once. The conditional UPDATE is atomic: of two concurrent consumers exactly one gets `ok`, the other
 * `used`. Call inside the transaction of the action the token authorises, so a failed action leaves it unused.
 */
export async function consumeToken(db: Executor, purpose: string, raw: string, now = new Date()): Promise<TokenCheck> {
  if (!isTokenShaped(raw)) return { status: 'invalid' };
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, hashToken(raw)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .returning();
  if (row) return { status: 'ok', token: row };
  return explain(db, purpose, raw, now);
}
