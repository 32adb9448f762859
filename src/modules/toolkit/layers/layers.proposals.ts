/**
 * Proposals to a curated layer, and their moderation. A representative of a verified supporter proposes a framework
 * or a cell correction (within a budget per person); the proposal waits, nothing is written to the layer. The
 * secretariat accepts it, which applies it through the same use cases as its own edits (the proposer credited as
 * author, the moderator as the one who decided), or rejects it with a note. Either way the proposer is e-mailed
 * through the outbox, in the decision's transaction, and the audit log records every step.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import { recordAudit } from '../../../app/audit/audit.js';
import { getUser } from '../../../app/auth/users.js';
import type { Executor } from '../../../app/database/database.js';
import { spendBudget } from '../../../app/limits/limits.repository.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { toolkitPolicies, type ProposingSupporter } from '../toolkit.policies.js';
import { proposalBudget, type ProposalKind } from './layers.constants.js';
import { sendProposalDecisionEmail } from './layers.emails.js';
import { layerNotFound, proposalBudgetSpent, proposalDecided, proposalNotFound } from './layers.errors.js';
import { createLayersRepository, type ProposalRow } from './layers.repository.js';
import { correctionInputSchema, frameworkInputSchema, type CorrectionInput, type FrameworkInput } from './layers.schemas.js';
import { addFramework, correctCell, findTarget } from './layers.usecases.js';

/** The supporter as the proposing rule needs it, read through the supporters module (null when there is none). */
export async function proposingSupporter(db: Executor, supporterId: string): Promise<ProposingSupporter | null> {
  const [row] = await listSupportersByIds(db, [supporterId]);
  return row ? { id: row.id, status: row.status, verificationLevel: row.verificationLevel } : null;
}

type Proposal = { kind: 'framework'; framework: FrameworkInput } | { kind: 'cell'; correction: CorrectionInput };

/** Proposes a framework or a cell correction for a curated layer, for a supporter the actor represents. */
export async function proposeChange(input: { db: Executor; actor: Actor; layerKey: string; supporterId: string } & Proposal): Promise<ProposalRow> {
  return input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    const layer = await repository.findLayer(input.layerKey);
    if (!layer) throw layerNotFound();
    const user = authorize(input.actor, toolkitPolicies.propose, { immutable: layer.immutable, supporter: await proposingSupporter(tx, input.supporterId) });
    const proposer = actorRef(user);
    // Rolled back with the transaction when over budget, so a refused proposal costs nothing more.
    const spending = await spendBudget(tx, proposalBudget.action, proposer, proposalBudget.windowMs);
    if (spending.spent > proposalBudget.max) throw proposalBudgetSpent();
    if (input.kind === 'cell') await findTarget(repository, input.correction.of, input.correction.framework, input.correction.action);
    const payload = input.kind === 'framework' ? input.framework : input.correction;
    const proposal = await repository.insertProposal({ datasetId: layer.id, kind: input.kind, payload, proposedBy: proposer, supporterId: input.supporterId });
    await recordAudit(tx, {
      actor: proposer,
      action: 'toolkit.proposal.create',
      subject: proposal.id,
      details: { layer: layer.key, kind: input.kind, supporter: input.supporterId },
    });
    return proposal;
  });
}

interface Decision {
  db: Executor;
  actor: Actor;
  proposalId: string;
  note: string | null;
  /** The platform's public address, for the e-mail's link. */
  publicUrl: string;
}

/** Accepts a pending proposal: applies it to its layer, records the decision, e-mails the proposer. */
export async function acceptProposal(input: Decision): Promise<ProposalRow> {
  return decide(input, 'accepted');
}

/** Rejects a pending proposal with a note the proposer receives; the layer is unchanged. */
export async function rejectProposal(input: Decision): Promise<ProposalRow> {
  return decide(input, 'rejected');
}

async function decide(input: Decision, status: 'accepted' | 'rejected'): Promise<ProposalRow> {
  authorize(input.actor, toolkitPolicies.moderateProposals, undefined);
  const moderator = actorRef(input.actor);
  return input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    if (!(await repository.findProposal(input.proposalId))) throw proposalNotFound();
    // Only a pending proposal is updated, and the row stays locked: of two moderators, the second is told it is decided.
    const decided = await repository.decideProposal(input.proposalId, { status, decidedBy: moderator, note: input.note });
    if (!decided) throw proposalDecided();
    const layer = (await repository.findLayerById(decided.datasetId))!;
    const change = { db: tx, actor: input.actor, author: decided.proposedBy, proposalId: decided.id };
    let summary: string;
    if (decided.kind === ('framework' satisfies ProposalKind)) {
      const framework = frameworkInputSchema.parse(decided.payload);
      summary = framework.name;
      if (status === 'accepted') await addFramework({ ...change, layerKey: layer.key, framework });
    } else {
      const correction = correctionInputSchema.parse(decided.payload);
      const target = await findTarget(repository, correction.of, correction.framework, correction.action);
      summary = `${correction.action}, ${target.name}`;
      if (status === 'accepted') await correctCell({ ...change, layerKey: layer.key, correction });
    }
    await recordAudit(tx, {
      actor: moderator,
      action: status === 'accepted' ? 'toolkit.proposal.accept' : 'toolkit.proposal.reject',
      subject: decided.id,
      reason: input.note,
      details: { layer: layer.key, kind: decided.kind, proposer: decided.proposedBy, supporter: decided.supporterId },
    });
    const proposer = decided.proposedBy.startsWith('user:') ? await getUser(tx, decided.proposedBy.slice('user:'.length)) : undefined;
    if (proposer?.email) {
      await sendProposalDecisionEmail(tx, {
        to: proposer.email,
        locale: proposer.locale,
        decision: status,
        proposalId: decided.id,
        layer: { key: layer.key, name: layer.name },
        summary,
        note: input.note,
        publicUrl: input.publicUrl,
      });
    }
    return decided;
  });
}
