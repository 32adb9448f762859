/** One's own passkeys: list, enrol (options, then the authenticator's response) and remove, under accounts' policies. */
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { listPasskeys, registerPasskey, registrationOptions, removePasskey, type RelyingParty } from '../../app/auth/passkeys.js';
import { getUser } from '../../app/auth/users.js';
import type { Actor, UserActor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { needsPasskey } from '../../app/authz/rules.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { passkeyNotFound } from './accounts.errors.js';
import { accountPolicies } from './accounts.policies.js';

/** The passkeys page: the person's passkeys, whether this session may add one, and whether the back office waits for one. */
export async function showOwnPasskeys(deps: AccountsDeps, actor: Actor) {
  const user = authorize(actor, accountPolicies.own, undefined);
  const passkeys = await listPasskeys(deps.db, user.userId);
  return { passkeys, canEnrol: can(user, accountPolicies.enrolPasskey, { passkeyCount: passkeys.length }), backOfficeWaits: needsPasskey(user.role, user.method) };
}

async function authorizeEnrolment(deps: AccountsDeps, actor: Actor): Promise<UserActor> {
  const user = authorize(actor, accountPolicies.own, undefined);
  return authorize(user, accountPolicies.enrolPasskey, { passkeyCount: (await listPasskeys(deps.db, user.userId)).length });
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
  const user = authorize(actor, accountPolicies.removePasskey, undefined);
  if (!(await removePasskey(deps.db, { userId: user.userId, passkeyId }))) throw passkeyNotFound();
}
