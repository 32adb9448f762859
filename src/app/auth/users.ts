/**
 * Accounts: people who sign in. Created when an address is proven (an application confirmed, an invitation
 * accepted, `pariscall user create`); never by typing an address into the sign-in form. Every change is audited.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.js';
import type { Executor } from '../database/database.js';
import { defineError } from '../http/errors.js';
import type { Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import type { Role } from '../authz/actor.js';
import { users, type UserRow } from './auth.tables.js';
import { revokeUserSessions } from './sessions.js';

export type { UserRow };

export const lastAdmin = defineError('users.last-admin', 409, (l) => appMessages(l)('users.last-admin'));
export const userNotFound = defineError('users.not-found', 404, (l) => appMessages(l)('users.not-found'));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** The account, or 404 when it does not exist or was erased (an erased account is a tombstone, not a person). */
export async function getExistingUser(db: Executor, id: string): Promise<UserRow> {
  const user = await getUser(db, id);
  if (!user || user.erasedAt) throw userNotFound();
  return user;
}

export async function getUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  return row;
}

/**
 * The account of a proven address, created if needed (audited `users.create`). Call inside the transaction of the
 * action that proved the address. A concurrent creation of the same address is absorbed by the unique index.
 */
export async function findOrCreateUserByEmail(
  tx: Executor,
  email: string,
  locale: Locale,
  options: { name?: string | null; role?: Role; actor?: string } = {},
): Promise<UserRow> {
  const normalized = normalizeEmail(email);
  const existing = await getUserByEmail(tx, normalized);
  if (existing) return existing;
  const [created] = await tx
    .insert(users)
    .values({ email: normalized, name: options.name?.trim() || null, locale, role: options.role ?? 'member' })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!created) return (await getUserByEmail(tx, normalized))!;
  await recordAudit(tx, { actor: options.actor ?? `user:${created.id}`, action: 'users.create', subject: created.id, details: { role: created.role } });
  return created;
}

/** Moderators and administrators, then everyone else if `all`; erased accounts are left out. */
export async function listUsers(db: Executor, options: { secretariatOnly?: boolean } = {}): Promise<UserRow[]> {
  const conditions = [isNull(users.erasedAt)];
  if (options.secretariatOnly) conditions.push(inArray(users.role, ['moderator', 'admin']));
  return db.select().from(users).where(and(...conditions)).orderBy(asc(users.email));
}

/** True when `userId` is the only active administrator: disabling, demoting or erasing it would lock the secretariat out. */
export async function isLastActiveAdmin(db: Executor, userId: string): Promise<boolean> {
  const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active'), isNull(users.erasedAt)));
  return admins.every((a) => a.id === userId);
}

async function assertAdminRemains(tx: Executor, user: UserRow, next: { role: string; status: string }): Promise<void> {
  if (user.role !== 'admin' || user.status !== 'active') return;
  if (next.role === 'admin' && next.status === 'active') return;
  if (await isLastActiveAdmin(tx, user.id)) throw lastAdmin();
}

/** Changes a role (audited `users.role`); sessions are revoked so the new rights apply from the next sign-in. */
export async function setUserRole(tx: Executor, input: { userId: string; role: Role; actor: string }): Promise<UserRow> {
  const user = await getExistingUser(tx, input.userId);
  if (user.role === input.role) return user;
  await assertAdminRemains(tx, user, { role: input.role, status: user.status });
  const [updated] = await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id)).returning();
  await revokeUserSessions(tx, user.id);
  await recordAudit(tx, { actor: input.actor, action: 'users.role', subject: user.id, details: { from: user.role, to: input.role } });
  return updated!;
}

/** Disables (revoking every session) or re-enables an account; audited `users.disable` / `users.enable`. */
export async function setUserStatus(tx: Executor, input: { userId: string; status: 'active' | 'disabled'; actor: string; reason?: string }): Promise<UserRow> {
  const user = await getExistingUser(tx, input.userId);
  if (user.status === input.status) return user;
  await assertAdminRemains(tx, user, { role: user.role, status: input.status });
  const [updated] = await tx.update(users).set({ status: input.status }).where(eq(users.id, user.id)).returning();
  if (input.status === 'disabled') await revokeUserSessions(tx, user.id);
  await recordAudit(tx, {
    actor: input.actor,
    action: input.status === 'disabled' ? 'users.disable' : 'users.enable',
    subject: user.id,
    reason: input.reason ?? null,
  });
  return updated!;
}

/** Name and preferred language, edited by the person on the account page (audited `users.profile`). */
export async function updateProfile(tx: Executor, input: { userId: string; name: string | null; locale: Locale }): Promise<void> {
  await tx.update(users).set({ name: input.name?.trim() || null, locale: input.locale }).where(eq(users.id, input.userId));
  await recordAudit(tx, { actor: `user:${input.userId}`, action: 'users.profile', subject: input.userId });
}

export async function recordSignIn(tx: Executor, userId: string, method: string): Promise<void> {
  await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
  await recordAudit(tx, { actor: `user:${userId}`, action: 'auth.sign-in', subject: userId, details: { method } });
}

/** GDPR erasure of the row itself: the id stays (audit entries point at it), personal columns are blanked. */
export async function blankUser(tx: Executor, userId: string): Promise<void> {
  await tx.update(users).set({ email: null, name: null, status: 'disabled', erasedAt: new Date() }).where(eq(users.id, userId));
}

/** Ensures a secretariat account (CLI, admin page): creates it or raises an existing account's role. */
export async function ensureSecretariatUser(
  tx: Executor,
  input: { email: string; role: Role; name?: string | null; locale?: Locale; actor: string },
): Promise<{ user: UserRow; created: boolean }> {
  const existing = await getUserByEmail(tx, input.email);
  if (existing) {
    const user = await setUserRole(tx, { userId: existing.id, role: input.role, actor: input.actor });
    if (user.status !== 'active') return { user: await setUserStatus(tx, { userId: user.id, status: 'active', actor: input.actor }), created: false };
    return { user, created: false };
  }
  const user = await findOrCreateUserByEmail(tx, input.email, input.locale ?? 'en', { name: input.name ?? null, role: input.role, actor: input.actor });
  return { user, created: true };
}
