/**
 * An authenticator app as second factor, for a secretariat member without a passkey-capable device (passkeys stay
 * preferred: the pages offer them first). Enrolment shows a QR code and the key, and is confirmed by a first code;
 * ten one-time recovery codes are then shown once. A code is accepted once (its time step is recorded), within one
 * step of drift; five failed attempts in a row per quarter hour and person.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '../../app/audit/audit.js';
import { listPasskeys } from '../../app/auth/passkeys.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import { seal, unseal } from '../../app/auth/sealing.js';
import { actorRef, type Actor, type UserActor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { forgetBudget, spendBudget } from '../../app/limits/limits.repository.js';
import { codeAttemptsExceeded, codeInvalid, totpAlreadyEnrolled, totpNotEnrolled } from './accounts.errors.js';
import { accountPolicies } from './accounts.policies.js';
import { createTotpRepository } from './accounts.totp.repository.js';
import type { AccountsDeps } from './accounts.usecases.js';

const sealPurpose = 'totp-secret';
const stepSeconds = 30;
/** Five attempts per quarter hour and person; a right code clears the count (only failures accumulate). */
const attemptAction = 'second-factor';
const attemptsPerWindow = 5;
const attemptWindowMs = 15 * 60_000;
const recoveryCodeCount = 10;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: 'Paris Call', label, algorithm: 'SHA1', digits: 6, period: stepSeconds, secret: Secret.fromBase32(secretBase32) });
}

/** How many second factors the account has: its passkeys and a confirmed authenticator app. */
export async function secondFactorCount(db: Executor, userId: string): Promise<number> {
  const [passkeys, totp] = await Promise.all([listPasskeys(db, userId), createTotpRepository(db).get(userId)]);
  return passkeys.length + (totp?.confirmedAt ? 1 : 0);
}

export async function totpEnrolled(db: Executor, userId: string): Promise<boolean> {
  return Boolean((await createTotpRepository(db).get(userId))?.confirmedAt);
}

/** What the set-up page shows: the key as a QR code (SVG) and as text, for the person's authenticator app. */
export interface TotpEnrolment {
  uri: string;
  secret: string;
  qrSvg: string;
}

/** Prepares a new key (kept while unconfirmed, so reloading the page does not invalidate a scanned code). */
export async function startTotpEnrolment(deps: AccountsDeps, actor: Actor): Promise<TotpEnrolment> {
  const user = await authorizeEnrolment(deps, actor);
  const repository = createTotpRepository(deps.db);
  const current = await repository.get(user.userId);
  if (current?.confirmedAt) throw totpAlreadyEnrolled();
  const key = resolveSecretKey(deps.config);
  let secret = current ? unseal(key, sealPurpose, current.secretSealed) : undefined;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await repository.savePending(user.userId, seal(key, sealPurpose, secret));
  }
  const uri = totpFor(secret, user.email).toString();
  return { uri, secret: secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) };
}

/** The first code confirms the app; returns the recovery codes, shown this once. */
export async function confirmTotpEnrolment(deps: AccountsDeps, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await authorizeEnrolment(deps, actor);
  // Counted outside the transaction: a refused code rolls it back, and must still count.
  await spendAttempt(deps.db, user.userId);
  return deps.db.transaction(async (tx) => {
    const repository = createTotpRepository(tx);
    const pending = await repository.get(user.userId);
    if (!pending) throw totpNotEnrolled();
    if (pending.confirmedAt) throw totpAlreadyEnrolled();
    const step = matchingStep(unseal(resolveSecretKey(deps.config), sealPurpose, pending.secretSealed), user.email, code);
    if (step === null) throw codeInvalid();
    await repository.confirm(user.userId, step);
    const recoveryCodes = await renewRecoveryCodes(tx, user.userId);
    await recordAudit(tx, { actor: actorRef(user), action: 'auth.totp-enrol', subject: user.userId });
    await forgetBudget(tx, attemptAction, user.userId);
    return { recoveryCodes };
  });
}

/**
 * Checks a code from the app, or a recovery code, for the person signed in; the caller then opens a two-factor
 * session. Refused: a wrong or reused code (422), more than five attempts in a quarter hour (429).
 */
export async function verifySecondFactor(deps: AccountsDeps, actor: Actor, code: string): Promise<{ via: 'totp' | 'recovery'; recoveryCodesLeft: number }> {
  const user = authorize(actor, accountPolicies.own, undefined);
  await spendAttempt(deps.db, user.userId);
  return deps.db.transaction(async (tx) => {
    const repository = createTotpRepository(tx);
    const factor = await repository.get(user.userId);
    if (!factor?.confirmedAt) throw totpNotEnrolled();
    const normalised = code.replace(/[\s-]/g, '').toLowerCase();
    let via: 'totp' | 'recovery';
    if (/^\d{6}$/.test(normalised)) {
      const step = matchingStep(unseal(resolveSecretKey(deps.config), sealPurpose, factor.secretSealed), user.email, normalised);
      if (step === null || !(await repository.useStep(user.userId, step))) throw codeInvalid();
      via = 'totp';
    } else {
      if (!(await repository.useRecoveryCode(user.userId, hashCode(normalised)))) throw codeInvalid();
      via = 'recovery';
    }
    await recordAudit(tx, { actor: actorRef(user), action: 'auth.second-factor', subject: user.userId, details: { via } });
    await forgetBudget(tx, attemptAction, user.userId);
    return { via, recoveryCodesLeft: await repository.unusedRecoveryCodes(user.userId) };
  });
}

/** New recovery codes (the old ones stop working), from a two-factor session. */
export async function regenerateRecoveryCodes(deps: AccountsDeps, actor: Actor): Promise<{ recoveryCodes: string[] }> {
  const user = authorize(actor, accountPolicies.removeFactor, undefined);
  return deps.db.transaction(async (tx) => {
    if (!(await createTotpRepository(tx).get(user.userId))?.confirmedAt) throw totpNotEnrolled();
    const recoveryCodes = await renewRecoveryCodes(tx, user.userId);
    await recordAudit(tx, { actor: actorRef(user), action: 'auth.recovery-codes', subject: user.userId });
    return { recoveryCodes };
  });
}

/** Removes the authenticator app and its recovery codes, from a two-factor session. */
export async function removeTotp(deps: AccountsDeps, actor: Actor): Promise<void> {
  const user = authorize(actor, accountPolicies.removeFactor, undefined);
  await deps.db.transaction(async (tx) => {
    if (!(await createTotpRepository(tx).remove(user.userId))) throw totpNotEnrolled();
    await recordAudit(tx, { actor: actorRef(user), action: 'auth.totp-remove', subject: user.userId });
  });
}

/** Where an authenticator stands, for the account's security page. */
export async function totpStatus(deps: AccountsDeps, actor: Actor): Promise<{ enrolled: boolean; recoveryCodesLeft: number }> {
  const user = authorize(actor, accountPolicies.own, undefined);
  const repository = createTotpRepository(deps.db);
  const enrolled = Boolean((await repository.get(user.userId))?.confirmedAt);
  return { enrolled, recoveryCodesLeft: enrolled ? await repository.unusedRecoveryCodes(user.userId) : 0 };
}

async function authorizeEnrolment(deps: AccountsDeps, actor: Actor): Promise<UserActor> {
  const user = authorize(actor, accountPolicies.own, undefined);
  return authorize(user, accountPolicies.enrolFactor, { factorCount: await secondFactorCount(deps.db, user.userId) });
}

/** The time step the code belongs to (now, or one step either side for clock drift), or null. */
function matchingStep(secret: string, label: string, code: string): number | null {
  const delta = totpFor(secret, label).validate({ token: code.replace(/\s/g, ''), window: 1 });
  return delta === null ? null : Math.floor(Date.now() / 1000 / stepSeconds) + delta;
}

async function spendAttempt(db: Executor, userId: string): Promise<void> {
  const { spent } = await spendBudget(db, attemptAction, userId, attemptWindowMs);
  if (spent > attemptsPerWindow) throw codeAttemptsExceeded();
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

async function renewRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  // 10 characters of base32 each (50 bits), shown as two groups of five.
  const codes = Array.from({ length: recoveryCodeCount }, () => base32(randomBytes(7)).slice(0, 10));
  await createTotpRepository(db).replaceRecoveryCodes(userId, codes.map(hashCode));
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

function base32(bytes: Buffer): string {
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer }).base32.toLowerCase();
}
