/**
 * Who may do what in the disclosure-policy registry. Everyone reads the public registry (published supporters'
 * entries). An organisation's entry is managed by its representatives, and by the secretariat (which keeps the registry
 * right); anyone else is told there is nothing there (404). Entries exist only for supporters in the public registry.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import { notPublished, policyNotFound } from './disclosure.errors.js';

const manages = (actor: Actor, supporterId: string) => isSecretariat(actor) || holds(actor, 'representative', supporterId);

export const disclosurePolicies = definePolicies('disclosure', {
  /** The public registry, its pages, CSV and API. */
  viewRegistry: rule(() => allow),
  /** The account's pages: anyone signed in (each then says what the person may do); others are asked to sign in. */
  useAccount: userRule(() => allow),
  /** An organisation's entry in the account (its form, its upload). */
  manage: userRule<{ supporterId: string }>((actor, { supporterId }) => allowIf(manages(actor, supporterId), policyNotFound)),
  /** Saving or uploading: as `manage`, and only for a supporter in the public registry. */
  write: userRule<{ supporterId: string; supporterStatus: string }>((actor, subject) => {
    if (!manages(actor, subject.supporterId)) return refuse(policyNotFound);
    return allowIf(subject.supporterStatus === 'published', notPublished);
  }),
});
