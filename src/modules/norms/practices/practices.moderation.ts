/**
 * The secretariat's decisions on a submitted revision: publish it (its content becomes the practice's public content,
 * the version it replaces is kept as superseded), ask the author for more information, or decline it; the last two
 * need a reason, which the author reads. Each decision names the revision the moderator read (a stale one is refused),
 * runs in one transaction with its audit entry and the author's e-mail (outbox), and a publication empties the
 * response cache after the commit so the public pages show it at once.
 */
import { recordAudit } from '../../../app/audit/audit.js';
import { getUser } from '../../../app/auth/users.js';
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import type { EventBus } from '../../../app/events/events.js';
import { hasControlCharacters } from '../../../shared/text-input.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { practiceTextLimits } from './practices.constants.js';
import { practiceSearchText } from './practices.content.js';
import { sendDecisionEmail } from './practices.emails.js';
import { practiceInvalid, practiceNotFound, revisionDecided } from './practices.errors.js';
import { decisions, type Decision } from './practices.models.js';
import { practicesPolicies } from './practices.policies.js';
import { createPracticesRepository, type PracticeRow, type RevisionRow } from './practices.repository.js';

export interface DecisionInput {
  db: Executor;
  actor: Actor;
  practiceId: string;
  /** The revision the moderator read. */
  revision: number;
  reason: string | null;
  events?: EventBus;
  publicUrl: string;
}

export const publishRevision = (input: DecisionInput) => decide(input, 'publish');
export const requestInformation = (input: DecisionInput) => decide(input, 'request-information');
export const rejectRevision = (input: DecisionInput) => decide(input, 'reject');

/** The practice's columns once `revision` is published, attributed to its organisation (and its category). */
async function publishedColumns(tx: Executor, practice: PracticeRow, revision: RevisionRow): Promise<Partial<PracticeRow>> {
  const [supporter] = practice.supporterId ? await listSupportersByIds(tx, [practice.supporterId]) : [];
  const { title, description, original, kind, implementationStatus, startedOn, endedOn, year, principles, norms, sectors, countries, links, attachments } = revision.content;
  const name = supporter ? { en: supporter.name } : practice.attribution;
  return {
    state: 'published',
    title, description, original, kind, implementationStatus, startedOn, endedOn, year, principles, norms, sectors, countries, links, attachments,
    searchText: practiceSearchText(revision.content, name),
    category: supporter?.category ?? practice.category,
    publishedRevision: revision.number,
    publishedAt: new Date(),
    editedBy: revision.authoredBy,
  };
}

async function decide(input: DecisionInput, decision: Decision): Promise<{ practice: PracticeRow; revision: RevisionRow }> {
  const moderator = authorize(input.actor, practicesPolicies.moderate, undefined);
  const reason = input.reason?.trim() || null;
  if (decision !== 'publish' && (!reason || reason.length > practiceTextLimits.reason || hasControlCharacters(reason, { multiline: true }))) {
    throw practiceInvalid([{ field: 'reason', message: 'error.reason', code: 'practices.invalid' }]);
  }
  const state = decisions[decision];
  const result = await input.db.transaction(async (tx) => {
    const repository = createPracticesRepository(tx);
    const practice = await repository.lockPractice(input.practiceId);
    if (!practice) throw practiceNotFound();
    const decided = { state, decidedAt: new Date(), decidedBy: actorRef(moderator), decisionReason: decision === 'publish' ? null : reason };
    // Only a submitted revision is decided: of two moderators, the second is told it is done.
    const revision = await repository.updateRevision(practice.id, input.revision, decided, ['submitted']);
    if (!revision) throw revisionDecided();
    let updated = practice;
    if (decision === 'publish') {
      if (practice.publishedRevision !== null && practice.publishedRevision !== revision.number) {
        await repository.updateRevision(practice.id, practice.publishedRevision, { state: 'superseded' }, ['published']);
      }
      const columns = await publishedColumns(tx, practice, revision);
      await repository.updatePractice(practice.id, columns);
      updated = { ...practice, ...columns };
    }
    await recordAudit(tx, {
      actor: actorRef(moderator),
      action: `practices.${decision}`,
      subject: practice.id,
      reason: decided.decisionReason,
      details: { revision: revision.number, supporter: practice.supporterId, author: revision.authoredBy, replaced: decision === 'publish' ? practice.publishedRevision : null },
    });
    const author = revision.authoredBy.startsWith('user:') ? await getUser(tx, revision.authoredBy.slice('user:'.length)) : undefined;
    if (author?.email) {
      await sendDecisionEmail(tx, {
        to: author.email,
        locale: author.locale,
        decision: state,
        practiceId: practice.id,
        revision: revision.number,
        content: revision.content,
        reason: decided.decisionReason,
        publicUrl: input.publicUrl,
      });
    }
    return { practice: updated, revision };
  });
  if (decision === 'publish') input.events?.emit('registry.changed', { reason: 'practices.publish' });
  return result;
}
