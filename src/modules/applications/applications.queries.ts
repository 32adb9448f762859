/**
 * Read-side use cases of the applications module: what the secretariat's pages, the representatives' management page
 * and the e-mailed links show. Each authorizes before reading (an anonymous visitor learns nothing, not even whether an
 * id exists), so handlers call these and never a repository. Nothing here writes.
 */
import { peekToken } from '../../app/auth/tokens.js';
import { listUsers } from '../../app/auth/users.js';
import type { Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { listDeliveries, listStoppedJobs, type Delivery } from '../../app/jobs/jobs.repository.js';
import { findSupportersByName, getSupporterForEdit } from '../supporters/supporters.usecases.js';
import { getClaimContext } from './applications.claims.js';
import { applicationPolicies, visibleApplication } from './applications.policies.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { QueueFilters } from './applications.schemas.js';
import type { ApplicationRow } from './applications.tables.js';
import { representativesOf, type TokenOutcome } from './applications.usecases.js';

/** One page of the moderation queue. */
export async function moderationQueue(db: Executor, actor: Actor, filters: QueueFilters) {
  authorize(actor, applicationPolicies.moderate, undefined);
  return createApplicationsRepository(db).queue(filters);
}

/** Registry entries matching a name, any status: the secretariat's "find an entry to manage". */
export async function findEntriesToManage(db: Executor, actor: Actor, query: string) {
  authorize(actor, applicationPolicies.moderate, undefined);
  return findSupportersByName(db, query);
}

/**
 * Everything the review page of one application shows: the application, the entry it is about, its history, the
 * e-mails sent about it, the secretariat's members (to name them in the history) and, for a claim, the entry's
 * current representatives and other open claims. 404 for an id the moderator may not see or that does not exist.
 */
export async function reviewApplication(db: Executor, actor: Actor, id: string) {
  const moderator = authorize(actor, applicationPolicies.moderate, undefined);
  const repository = createApplicationsRepository(db);
  const application = visibleApplication(moderator, await repository.get(id));
  const [supporter, history, deliveries, secretariat, claim] = await Promise.all([
    application.supporterId ? getSupporterForEdit(db, application.supporterId) : undefined,
    repository.history(id),
    listDeliveries(db, { subjectRef: id }),
    listUsers(db, { secretariatOnly: true }),
    getClaimContext(db, moderator, application),
  ]);
  return { application, supporter, history, deliveries, secretariat, claim };
}

/** An entry's management page: the entry (published only), its open edit and how many representatives it has. */
export async function entryToManage(db: Executor, actor: Actor, supporterId: string) {
  authorize(actor, applicationPolicies.manageEntry, { supporterId });
  const supporter = await getSupporterForEdit(db, supporterId);
  if (!supporter || supporter.status !== 'published') return undefined;
  const [pendingEdit, representatives] = await Promise.all([createApplicationsRepository(db).openEditFor(supporterId), representativesOf(db, supporterId)]);
  return { supporter, pendingEdit, representatives: representatives.length };
}

/**
 * The application an e-mailed link is about, before the holder acts on it (the confirmation and answer forms): the
 * link itself is the authority, as in the use cases that consume it. `used` when the application has moved on.
 */
export async function applicationBehindLink(
  db: Executor,
  purpose: 'application.confirm' | 'application.answer',
  rawToken: string,
): Promise<TokenOutcome<{ application: ApplicationRow }>> {
  const peek = await peekToken(db, purpose, rawToken);
  if (peek.status !== 'ok') return peek;
  const application = await createApplicationsRepository(db).get(peek.token.subjectId);
  const awaited = purpose === 'application.confirm' ? 'pending-confirmation' : 'info-requested';
  if (!application || application.status !== awaited) return { status: 'used' };
  return { status: 'ok', application };
}

/** The outbox's e-mails, newest first, optionally by status (the secretariat's deliveries page). */
export async function outboxDeliveries(db: Executor, actor: Actor, filter: { status?: Delivery['status']; limit?: number }) {
  authorize(actor, applicationPolicies.operate, undefined);
  return listDeliveries(db, filter);
}

/** The outbox jobs that stopped (parked or failed), for the secretariat. */
export async function stoppedJobs(db: Executor, actor: Actor, limit = 200) {
  authorize(actor, applicationPolicies.operate, undefined);
  return listStoppedJobs(db, { limit });
}
