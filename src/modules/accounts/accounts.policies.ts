/**
 * Who may do what with accounts: a person acts on their own account only (every use case takes the actor's own id,
 * never one from the request); passkeys guard the back office; administrators manage the secretariat's accounts.
 */
import { allow, allowIf, definePolicies, userRule } from '../../app/authz/policy.js';
import { forbidden } from '../../app/authz/authz.errors.js';
import { adminOnly, needsPasskey } from '../../app/authz/rules.js';

export const accountPolicies = definePolicies('accounts', {
  /** One's own account: the page, profile, sessions, data download and erasure. */
  own: userRule(() => allow),
  /**
   * Add a passkey: from a passkey session, or from an e-mail-link session while the account has none yet. Otherwise
   * whoever reads the mailbox could add their own passkey and reach the back office.
   */
  enrolPasskey: userRule<{ passkeyCount: number }>((user, { passkeyCount }) => allowIf(user.method === 'passkey' || passkeyCount === 0, forbidden)),
  /** Remove a passkey: a secretariat member only from a passkey session (an e-mail link must not strip the factor). */
  removePasskey: userRule((user) => allowIf(!needsPasskey(user.role, user.method), forbidden)),
  /** List, add, promote, demote, disable the secretariat's accounts. */
  manageUsers: userRule((user) => adminOnly(user)),
});
