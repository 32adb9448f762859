/**
 * Signing in by e-mail link and the account's own actions. The sign-in request answers the same whatever the
 * address: a link is only issued (and mailed through the outbox, after the response) for an active account, and
 * the response never says which case happened. Accounts are not created here: only a proven address makes one.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { consumeToken, issueToken } from '../../app/auth/tokens.js';
import { listPasskeys } from '../../app/auth/passkeys.js';
import { canSignIn, listSessions, revokeSession } from '../../app/auth/sessions.js';
import { getUser, getUserByEmail, isLastActiveAdmin, updateProfile } from '../../app/auth/users.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Config } from '../../app/config/config.js';
import type { Database } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { erasePersonalData, exportPersonalData } from '../../app/privacy/privacy.js';
import { sessionNotFound } from './accounts.errors.js';
import { accountPolicies } from './accounts.policies.js';
import { signInEmail } from './accounts.emails.js';

export const signInPurpose = 'sign-in';
export const signInTtlMs = 20 * 60_000;

export interface AccountsDeps {
  db: Database;
  config: Config;
}

/** Sends a sign-in link to an active account's address; does nothing otherwise. Same return either way. */
export async function requestSignInLink(deps: AccountsDeps, input: { email: string; locale: Locale; next: string }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const user = await getUserByEmail(tx, input.email);
    if (!canSignIn(user)) return;
    const token = await issueToken(tx, { purpose: signInPurpose, subjectId: user.id, email: user.email, data: { next: input.next }, ttlMs: signInTtlMs });
    const url = `${deps.config.publicUrl.replace(/\/$/, '')}/${input.locale}/sign-in/verify?token=${token}`;
    const mail = signInEmail(input.locale, url);
    await enqueueEmail(tx, { to: user.email, locale: input.locale, ...mail, tag: 'accounts.sign-in', subjectRef: user.id });
    await recordAudit(tx, { actor: `user:${user.id}`, action: 'auth.sign-in-link', subject: user.id });
  });
}

/**
 * A sign-in link for the operator at the command line (`pariscall user create`) to open or hand over: the same
 * one-time, 20-minute token as the e-mailed one, audited as issued by the operator.
 */
export async function operatorSignInLink(deps: AccountsDeps, input: { userId: string; email: string; locale: Locale; operator: string }): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const next = `/${input.locale}/secretariat/applications`;
    const token = await issueToken(tx, { purpose: signInPurpose, subjectId: input.userId, email: input.email, data: { next }, ttlMs: signInTtlMs });
    await recordAudit(tx, { actor: input.operator, action: 'auth.sign-in-link', subject: input.userId, details: { via: 'command line' } });
    return `${deps.config.publicUrl}/${input.locale}/sign-in/verify?token=${token}`;
  });
}

export type SignInLinkOutcome = { status: 'ok'; userId: string; role: string; next: string | undefined } | { status: 'expired' | 'used' | 'invalid' };

/** Uses a sign-in link once; the caller then opens the session (signIn). A disabled account's link is invalid. */
export async function useSignInLink(deps: AccountsDeps, rawToken: string): Promise<SignInLinkOutcome> {
  return deps.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, signInPurpose, rawToken);
    if (consumed.status !== 'ok') return consumed;
    const user = await getUser(tx, consumed.token.subjectId);
    if (!canSignIn(user)) return { status: 'invalid' as const };
    const next = typeof consumed.token.data.next === 'string' ? consumed.token.data.next : undefined;
    return { status: 'ok' as const, userId: user.id, role: user.role, next };
  });
}

/** What the account page shows: the profile, the open sessions, how many passkeys. */
export async function showOwnAccount(deps: AccountsDeps, actor: Actor) {
  const user = authorize(actor, accountPolicies.own, undefined);
  const [profile, sessions, passkeys] = await Promise.all([getUser(deps.db, user.userId), listSessions(deps.db, user.userId), listPasskeys(deps.db, user.userId)]);
  return { user, profile, sessions, passkeyCount: passkeys.length };
}

export async function updateOwnProfile(deps: AccountsDeps, actor: Actor, input: { name: string | null; locale: Locale }): Promise<void> {
  const user = authorize(actor, accountPolicies.own, undefined);
  await deps.db.transaction((tx) => updateProfile(tx, { userId: user.userId, ...input }));
}

/** Signs one of one's own devices out; another person's session id (or a closed one) is a 404 and changes nothing. */
export async function revokeOwnSession(deps: AccountsDeps, actor: Actor, sessionId: string): Promise<{ current: boolean }> {
  const user = authorize(actor, accountPolicies.own, undefined);
  await deps.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, { userId: user.userId, sessionId }))) throw sessionNotFound();
    await recordAudit(tx, { actor: actorRef(user), action: 'auth.revoke-session', subject: user.userId });
  });
  return { current: sessionId === user.sessionId };
}

/** GDPR art. 15: everything the platform holds about the person, audited. */
export async function exportOwnData(deps: AccountsDeps, actor: Actor) {
  const user = authorize(actor, accountPolicies.own, undefined);
  const data = await exportPersonalData(deps.db, user.userId);
  await recordAudit(deps.db, { actor: actorRef(user), action: 'privacy.export', subject: user.userId });
  return data;
}

/** GDPR art. 17 on oneself. Refused for the last active administrator, who would lock the secretariat out. */
export async function eraseOwnAccount(deps: AccountsDeps, someone: Actor): Promise<'erased' | 'last-admin'> {
  const actor = authorize(someone, accountPolicies.own, undefined);
  if (actor.role === 'admin' && (await isLastActiveAdmin(deps.db, actor.userId))) return 'last-admin';
  await erasePersonalData(deps.db, { userId: actor.userId, actor: `user:${actor.userId}`, reason: 'requested by the person' });
  return 'erased';
}
