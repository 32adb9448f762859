/**
 * Passkeys (WebAuthn) for the secretariat's back office, and for anyone who wants one. Challenges are kept
 * server-side as single-use `webauthn-challenge` tokens (5 minutes): the raw token is the challenge, so a response
 * can only be verified once, against a challenge we issued, for the account it was issued to.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.js';
import type { Database, Executor } from '../database/database.js';
import { defineError } from '../http/errors.js';
import { appMessages } from '../i18n/messages.js';
import { passkeys, users, type UserRow } from './auth.tables.js';
import { upgradeSessionToPasskey } from './sessions.js';
import { canSignIn } from './sessions.js';
import { consumeToken, issueToken } from './tokens.js';

/** The WebAuthn library takes a third of a second to load: loaded on the first passkey ceremony, not at start-up. */
const webauthn = () => import('@simplewebauthn/server');

export type PasskeyRow = typeof passkeys.$inferSelect;
export const challengePurpose = 'webauthn-challenge';
const challengeTtlMs = 5 * 60_000;

export const passkeyRejected = defineError('auth.passkey-rejected', 400, (l) => appMessages(l)('auth.passkey-rejected'));

export interface RelyingParty {
  rpID: string;
  rpName: string;
  origin: string;
}

/** The relying party is the public URL's host: passkeys enrolled on it work on it only. */
export function relyingParty(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, rpName: 'Paris Call', origin: url.origin };
}

/** Checks a challenge from a response against our stored ones and uses it up; `subjectId` binds it to an account. */
async function useChallenge(db: Executor, challenge: string, subjectId: string): Promise<boolean> {
  let raw: string;
  try {
    raw = Buffer.from(challenge, 'base64url').toString('utf8');
  } catch {
    return false;
  }
  const result = await consumeToken(db, challengePurpose, raw);
  return result.status === 'ok' && result.token.subjectId === subjectId;
}

export async function listPasskeys(db: Executor, userId: string): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export async function registrationOptions(db: Executor, rp: RelyingParty, user: UserRow): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const challenge = await issueToken(db, { purpose: challengePurpose, subjectId: user.id, ttlMs: challengeTtlMs });
  const existing = await listPasskeys(db, user.id);
  return (await webauthn()).generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email ?? user.id,
    userID: new TextEncoder().encode(user.id),
    userDisplayName: user.name ?? user.email ?? '',
    challenge,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
}

/**
 * Verifies a registration and stores the passkey (audited `passkeys.add`); the session it was made in becomes a
 * passkey session. Throws `passkeyRejected` for a bad, replayed or foreign response.
 */
export async function registerPasskey(
  db: Database,
  input: { rp: RelyingParty; userId: string; sessionId: string; response: RegistrationResponseJSON; label?: string | null },
): Promise<PasskeyRow> {
  let verification;
  try {
    verification = await (await webauthn()).verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: (challenge) => useChallenge(db, challenge, input.userId),
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    throw passkeyRejected();
  }
  if (!verification.verified) throw passkeyRejected();
  const { credential } = verification.registrationInfo;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        id: credential.id,
        userId: input.userId,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        label: input.label?.trim().slice(0, 100) || null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw passkeyRejected();
    await upgradeSessionToPasskey(tx, input.sessionId);
    await recordAudit(tx, { actor: `user:${input.userId}`, action: 'passkeys.add', subject: input.userId, details: { credentialId: row.id } });
    return row;
  });
}

/** Options for "sign in with a passkey": no account named, the authenticator offers its discoverable credentials. */
export async function authenticationOptions(db: Executor, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await issueToken(db, { purpose: challengePurpose, subjectId: 'sign-in', ttlMs: challengeTtlMs });
  return (await webauthn()).generateAuthenticationOptions({ rpID: rp.rpID, challenge, userVerification: 'preferred' });
}

/** Verifies a passkey sign-in and returns the account it opens; throws `passkeyRejected` otherwise. */
export async function verifyPasskeySignIn(db: Database, input: { rp: RelyingParty; response: AuthenticationResponseJSON }): Promise<{ userId: string; role: string }> {
  const id = typeof input.response?.id === 'string' ? input.response.id : '';
  const [found] = await db
    .select({ passkey: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, id));
  if (!found || !canSignIn(found.user)) throw passkeyRejected();
  let verification;
  try {
    verification = await (await webauthn()).verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: (challenge) => useChallenge(db, challenge, 'sign-in'),
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      credential: {
        id: found.passkey.id,
        publicKey: new Uint8Array(Buffer.from(found.passkey.publicKey, 'base64url')),
        counter: found.passkey.counter,
        transports: found.passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch {
    throw passkeyRejected();
  }
  if (!verification.verified) throw passkeyRejected();
  await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() })
    .where(eq(passkeys.id, found.passkey.id));
  return { userId: found.user.id, role: found.user.role };
}

/** Removes one of the person's own passkeys (audited `passkeys.remove`). */
export async function removePasskey(db: Executor, input: { userId: string; passkeyId: string }): Promise<boolean> {
  const rows = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, input.userId)))
    .returning({ id: passkeys.id });
  if (rows.length) await recordAudit(db, { actor: `user:${input.userId}`, action: 'passkeys.remove', subject: input.userId, details: { credentialId: input.passkeyId } });
  return rows.length > 0;
}
