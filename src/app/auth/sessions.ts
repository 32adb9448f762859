/**
 * Server-side sessions. The cookie carries a random token; the row's id is its SHA-256. Expiry slides: each use
 * (at most once per `touchEveryMs`) pushes it back by the idle lifetime, shorter for the secretariat. Revocation is
 * a timestamp, so the account page can list what was closed and when.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { isLocale, type Locale } from '../i18n/i18n.js';
import { isSecretariatRole, type Grant, type Role, type SessionMethod, type UserActor } from '../authz/actor.js';
import { roleGrants } from '../authz/authz.tables.js';
import { sessions, users, type SessionRow, type UserRow } from './auth.tables.js';
import { hashToken, randomToken } from './tokens.js';

export type { SessionRow };

/** Idle lifetime of a member's session: 30 days. */
export const memberSessionTtlMs = 30 * 24 * 3600_000;
/** Idle lifetime of a moderator's or administrator's session: 12 hours. */
export const secretariatSessionTtlMs = 12 * 3600_000;
/** A session is written back (sliding expiry, last seen) at most this often, not on every request. */
export const touchEveryMs = 5 * 60_000;

export function sessionTtlMs(role: string): number {
  return isSecretariatRole(role) ? secretariatSessionTtlMs : memberSessionTtlMs;
}

/** Opens a session and returns the raw cookie token (never stored). */
export async function createSession(
  db: Executor,
  input: { userId: string; role: string; method: SessionMethod; userAgent?: string | null; now?: Date },
): Promise<{ token: string; session: SessionRow }> {
  const token = randomToken();
  const now = input.now ?? new Date();
  const [session] = await db
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId: input.userId,
      method: input.method,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionTtlMs(input.role)),
    })
    .returning();
  return { token, session: session! };
}

export interface ResolvedSession {
  actor: UserActor;
  expiresAt: Date;
  /** True when this use moved the expiry (the cookie's Max-Age should follow). */
  touched: boolean;
}

/** Whether this account may hold a session or receive a sign-in link: active, not erased, with an address. */
export function canSignIn(user: UserRow | undefined): user is UserRow & { email: string } {
  return !!user && user.status === 'active' && !user.erasedAt && !!user.email;
}

/** The signed-in person behind a cookie token, or null (unknown, expired, revoked, account disabled or erased). */
export async function resolveSession(db: Executor, token: string, now = new Date()): Promise<ResolvedSession | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      // The person's scoped roles in the same round trip: rules read them from the actor, never with a query each.
      grants: sql<Grant[]>`coalesce((select jsonb_agg(jsonb_build_object('role', ${roleGrants.role}, 'scopeId', ${roleGrants.scopeId}) order by ${roleGrants.grantedAt}) from ${roleGrants} where ${roleGrants.userId} = ${users.id}), '[]'::jsonb)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row || !canSignIn(row.user)) return null;
  let expiresAt = row.session.expiresAt;
  let touched = false;
  if (now.getTime() - row.session.lastSeenAt.getTime() >= touchEveryMs) {
    expiresAt = new Date(now.getTime() + sessionTtlMs(row.user.role));
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
    touched = true;
  }
  return {
    actor: {
      kind: 'user',
      userId: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role as Role,
      locale: (isLocale(row.user.locale) ? row.user.locale : 'en') as Locale,
      sessionId: id,
      method: row.session.method as SessionMethod,
      grants: row.grants,
    },
    expiresAt,
    touched,
  };
}

/** A user's open sessions, most recent first (the account page lists them with a revoke button). */
export async function listSessions(db: Executor, userId: string, now = new Date()): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Revokes one session of `userId` (filtered by owner: nobody closes another person's session). */
export async function revokeSession(db: Executor, input: { userId: string; sessionId: string }): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeUserSessions(db: Executor, userId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Enrolling a passkey upgrades the session it was enrolled in (the person just proved they hold it). */
export async function upgradeSessionToPasskey(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ method: 'passkey' }).where(eq(sessions.id, sessionId));
}
