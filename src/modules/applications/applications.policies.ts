/**
 * Who may do what with applications and entries. Checked in the use cases (never only in the pages), so the API, the
 * pages and the CLI obey the same rules; pages ask `can` before showing a control.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allow, allowIf, authorize, definePolicies, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat, secretariatOnly } from '../../app/authz/rules.js';
import type { SupporterRow } from '../supporters/supporters.models.js';
import { applicationNotFound, claimEntryNotFound, claimEntryWithdrawn, notRepresentative } from './applications.errors.js';
import type { ApplicationRow } from './applications.tables.js';

/** The secretariat manages every entry; a person only those they represent. */
const managesEntry = (actor: Actor, supporterId: string) => isSecretariat(actor) || holds(actor, 'representative', supporterId);

/**
 * An application is visible to the secretariat, to the person who made it and to the representatives of the entry it
 * edits. Anyone else is told it does not exist, so ids cannot be probed. A claim is not shown to the entry's current
 * representatives: it holds the claimant's personal data, and the secretariat decides between them.
 */
function seesApplication(actor: Actor, application: ApplicationRow | undefined): boolean {
  if (!application || actor.kind !== 'user') return false;
  if (isSecretariat(actor) || application.applicantUserId === actor.userId) return true;
  return application.kind === 'edit' && holds(actor, 'representative', application.supporterId);
}

export const applicationPolicies = definePolicies('applications', {
  /** Read one application (its page, its history): 404 to whoever may not know it exists. */
  view: rule<{ application: ApplicationRow | undefined }>((actor, { application }) => allowIf(seesApplication(actor, application), applicationNotFound)),
  /** The moderation queue and every decision on an application (approve, reject, ask, recheck, note verbale). */
  moderate: userRule((user) => secretariatOnly(user)),
  /** See and act on the outbox and the job queue (resend an e-mail, read why a job stopped). */
  operate: userRule((user) => secretariatOnly(user)),
  /** Manage an entry: its page in the account, proposing edits, inviting colleagues, withdrawing it. */
  manageEntry: userRule<{ supporterId: string }>((user, { supporterId }) => allowIf(managesEntry(user, supporterId), notRepresentative)),
  /** Any signed-in person sees their own applications and organisations. */
  ownAccount: userRule(() => allow),
});

/** The application if the actor may see it; otherwise the view rule's 404 (also for an id that does not exist). */
export function visibleApplication(actor: Actor, application: ApplicationRow | undefined): ApplicationRow {
  authorize(actor, applicationPolicies.view, { application });
  return application!;
}

/** Phase rule of claims: only an entry still in the registry can be claimed, by anyone (the evidence is checked after). */
export function canClaim(entry: Pick<SupporterRow, 'status'> | undefined): boolean {
  return entry?.status === 'published';
}

/** Refuses a claim on a missing entry (404) or a withdrawn one (410, saying so: it may join again instead). */
export function assertClaimable(entry: SupporterRow | undefined, slug: string): SupporterRow {
  if (!entry) throw claimEntryNotFound({ slug });
  if (!canClaim(entry)) throw claimEntryWithdrawn({ name: entry.name });
  return entry;
}
