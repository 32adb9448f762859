/**
 * Who may do what with accounts: a person acts on their own account only (every use case takes the actor's own id,
 * never one from the request); passkeys guard the back office; administrators manage the secretariat's accounts.
 */
import { allow, allowIf, definePolicies, userRule } from '../../app/authz/policy.js';
import { forbidden } from '../../app/authz/authz.errors.js';
import { adminOnly, needsSecondFactor } from '../../app/authz/rules.js';

export const accountPolicies = definePolicies('accounts', {
  /** One's own account: the page, profile, sessions, data download and erasure. */
  own: userRule(() => allow),
  /**
   * Add a second factor (a passkey, an authenticator app): from a session opened with one, or from an e-mail-link
   * session while the account has none yet. Otherwise whoever reads the mailbox could add their own and reach the back
   * office.
   */
  enrolFactor: userRule<{ factorCount: number }>((user, { factorCount }) => allowIf(user.method !== 'email-link' || factorCount === 0, forbidden)),
  /** Remove a factor or renew recovery codes: a secretariat member only from a two-factor session. */
  removeFactor: userRule((user) => allowIf(!needsSecondFactor(user.role, user.method), forbidden)),
  /** List, add, promote, demote, disable the secretariat's accounts. */
  manageUsers: userRule((user) => adminOnly(user)),
});
