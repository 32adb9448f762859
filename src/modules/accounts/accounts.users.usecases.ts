/** The secretariat's accounts, managed by administrators; every change is audited by the user functions it calls. */
import { ensureSecretariatUser, listUsers, setUserRole, setUserStatus } from '../../app/auth/users.js';
import { actorRef, type Actor, type Role } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { accountPolicies } from './accounts.policies.js';

/** The secretariat's accounts, and the administrator looking at them. */
export async function listSecretariatUsers(deps: AccountsDeps, actor: Actor) {
  const admin = authorize(actor, accountPolicies.manageUsers, undefined);
  return { admin, users: await listUsers(deps.db, { secretariatOnly: true }) };
}

export async function addSecretariatUser(deps: AccountsDeps, actor: Actor, input: { email: string; name: string; role: Role; locale: Locale }) {
  const admin = authorize(actor, accountPolicies.manageUsers, undefined);
  return deps.db.transaction((tx) => ensureSecretariatUser(tx, { ...input, actor: actorRef(admin) }));
}

/** Refused (409) when it would leave no active administrator. */
export async function changeUserRole(deps: AccountsDeps, actor: Actor, input: { userId: string; role: Role }) {
  const admin = authorize(actor, accountPolicies.manageUsers, undefined);
  return deps.db.transaction((tx) => setUserRole(tx, { ...input, actor: actorRef(admin) }));
}

/** Refused (409) when it would leave no active administrator. */
export async function changeUserStatus(deps: AccountsDeps, actor: Actor, input: { userId: string; status: 'active' | 'disabled' }) {
  const admin = authorize(actor, accountPolicies.manageUsers, undefined);
  return deps.db.transaction((tx) => setUserStatus(tx, { ...input, actor: actorRef(admin) }));
}
