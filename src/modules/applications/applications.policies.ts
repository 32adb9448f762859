/**
 * Who may do what with applications and entries. Checked in the use cases (never only in the pages), so the API, the
 * pages and the CLI obey the same rules.
 */
import type { Actor } from '../../app/authz/actor.js';
import { requireSecretariat, requireUser } from '../../app/authz/guards.js';
import type { Executor } from '../../app/database/database.js';
import type { SupporterRow } from '../supporters/supporters.tables.js';
import { applicationNotFound, claimEntryNotFound, claimEntryWithdrawn, notRepresentative } from './applications.errors.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { ApplicationRow } from './applications.tables.js';

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const assertUser = (actor: Actor): UserActor => requireUser(actor);
export const assertSecretariat = (actor: Actor): UserActor => requireSecretariat(actor);

export function isSecretariat(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'moderator' || actor.role === 'admin') && actor.method === 'passkey';
}

/** The audit log's name for the actor. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : 'anonymous';
}

/** The secretariat manages every entry; a member only those they represent. */
export async function assertCanManageSupporter(db: Executor, actor: Actor, supporterId: string): Promise<void> {
  const user = requireUser(actor);
  if (isSecretariat(actor)) return;
  if (!(await createApplicationsRepository(db).isRepresentative(supporterId, user.userId))) throw notRepresentative();
}

/**
 * An application is visible to the secretariat, to the person who made it and to the representatives of the entry it
 * edits. Anyone else is told it does not exist, so ids cannot be probed. A claim is not shown to the entry's current
 * representatives: it holds the claimant's personal data, and the secretariat decides between them.
 */
export async function assertCanSeeApplication(db: Executor, actor: Actor, application: ApplicationRow | undefined): Promise<ApplicationRow> {
  if (!application || actor.kind !== 'user') throw applicationNotFound();
  if (isSecretariat(actor) || application.applicantUserId === actor.userId) return application;
  if (application.kind === 'edit' && application.supporterId && (await createApplicationsRepository(db).isRepresentative(application.supporterId, actor.userId))) {
    return application;
  }
  throw applicationNotFound();
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
