/** One's own passkeys: list, enrol (options, then the authenticator's response) and remove, under accounts' policies. */
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { listPasskeys, registerPasskey, registrationOptions, removePasskey, type RelyingParty } from '../../app/auth/passkeys.js';
import { getUser } from '../../app/auth/users.js';
import type { Actor, UserActor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { needsSecondFactor } from '../../app/authz/rules.js';
import { secondFactorCount, totpEnrolled } from './accounts.totp.usecases.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { passkeyNotFound } from './accounts.errors.js';
import { accountPolicies } from './accounts.policies.js';

/** The passkeys page: the person's passkeys, whether this session may add one, whether an authenticator app is set up, and whether the back office waits for a second factor. */
export async function showOwnPasskeys(deps: AccountsDeps, actor: Actor) {
  const user = authorize(actor, accountPolicies.own, undefined);
  const [passkeys, totp] = await Promise.all([listPasskeys(deps.db, user.userId), totpEnrolled(deps.db, user.userId)]);
  const factorCount = passkeys.length + (totp ? 1 : 0);
  return { passkeys, totp, canEnrol: can(user, accountPolicies.enrolFactor, { factorCount }), backOfficeWaits: needsSecondFactor(user.role, user.method) };
}

async function authorizeEnrolment(deps: AccountsDeps, actor: Actor): Promise<UserActor> {
  const user = authorize(actor, accountPolicies.own, undefined);
  return authorize(user, accountPolicies.enrolFactor, { factorCount: await secondFactorCount(deps.db, user.userId) });
}

/** The WebAuthn creation options for a new passkey of one's own account. */
export async function passkeyEnrolmentOptions(deps: AccountsDeps, actor: Actor, rp: RelyingParty) {
  const user = await authorizeEnrolment(deps, actor);
  return registrationOptions(deps.db, rp, (await getUser(deps.db, user.userId))!);
}

/** Stores the authenticator's response as a new passkey of one's own account (verified against the issued challenge). */
export async function enrolPasskey(deps: AccountsDeps, actor: Actor, input: { rp: RelyingParty; response: RegistrationResponseJSON; label: string | null }) {
  const user = await authorizeEnrolment(deps, actor);
  return registerPasskey(deps.db, { rp: input.rp, userId: user.userId, sessionId: user.sessionId, response: input.response, label: input.label });
}

/** Removes one of one's own passkeys; another person's id is a 404 and removes nothing. */
export async function removeOwnPasskey(deps: AccountsDeps, actor: Actor, passkeyId: string): Promise<void> {
  const user = authorize(actor, accountPolicies.removeFactor, undefined);
  if (!(await removePasskey(deps.db, { userId: user.userId, passkeyId }))) throw passkeyNotFound();
}
