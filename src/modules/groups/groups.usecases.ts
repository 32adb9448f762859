/**
 * Taking part in a working group. A supporter's representative asks to join as a member for an organisation they
 * represent, or anyone signed in asks to observe (the co-chairs are mailed); a co-chair (or the secretariat) accepts —
 * the scoped role `member` or `observer` is granted on the group — or declines, always with a reason; a participant
 * leaves, or a co-chair removes them with a reason (the role is revoked). Each use case authorizes, checks the input
 * before writing anything, runs in one transaction with its audit entry and its e-mails (outbox), and announces
 * `registry.changed` after the commit when the group's public page changes.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor, type ScopedRole } from '../../app/authz/actor.js';
import { grantRole, revokeRole } from '../../app/authz/grants.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { groupTextLimits, participationRoles, type ParticipationRole } from './groups.constants.js';
import { sendDecisionEmail, sendRequestEmails } from './groups.emails.js';
import { alreadyParticipating, groupInvalid, groupNotFound, notParticipating, requestDecided } from './groups.errors.js';
import { checkText, validReason } from './groups.models.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';
import type { GroupMembershipRow, GroupRow } from './groups.tables.js';

interface Deps {
  db: Executor;
  actor: Actor;
  events?: EventBus | undefined;
  /** The platform's public address, for the e-mails' links. */
  publicUrl: string;
}

async function lockedGroup(tx: Executor, groupId: string): Promise<GroupRow> {
  const group = await createGroupsRepository(tx).lockById(groupId);
  if (!group) throw groupNotFound();
  return group;
}

/** Asks to take part; returns the request, waiting for the co-chairs. */
export async function requestMembership(input: Deps & { groupId: string; role: string; supporterId: string | null; message: string | null }): Promise<{ membership: GroupMembershipRow }> {
  const issues: Record<string, string> = {};
  if (!(participationRoles as readonly string[]).includes(input.role)) issues.role = 'error.role';
  if (input.role === 'member' && !input.supporterId) issues.supporter = 'error.organisation';
  const message = checkText(input.message, groupTextLimits.message);
  if ('problem' in message) issues.message = 'error.message';
  if (Object.keys(issues).length) throw groupInvalid(issues);
  const supporterId = input.role === 'member' ? input.supporterId : null;
  return input.db.transaction(async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    const user = authorize(input.actor, groupsPolicies.request, { group, role: input.role, supporterId });
    const repository = createGroupsRepository(tx);
    if (await repository.openMembershipOf(group.id, user.userId)) throw alreadyParticipating();
    const membership = await repository.insertMembership({ groupId: group.id, userId: user.userId, role: input.role, supporterId, message: 'value' in message ? message.value : null });
    await recordAudit(tx, { actor: actorRef(user), action: 'groups.request', subject: group.id, details: { membership: membership.id, role: input.role, supporter: supporterId } });
    await sendRequestEmails(tx, { group, membership, requester: user.name || user.email, publicUrl: input.publicUrl });
    return { membership };
  });
}

/** A request or participation of this group, locked, for a co-chair's decision. */
async function chairedMembership(tx: Executor, actor: Actor, groupId: string, membershipId: string) {
  const group = await lockedGroup(tx, groupId);
  const chair = authorize(actor, groupsPolicies.chair, group);
  const membership = await createGroupsRepository(tx).lockMembership(membershipId);
  if (!membership || membership.groupId !== group.id) throw groupNotFound();
  return { group, chair, membership };
}

const afterCommit = (events: EventBus | undefined, reason: string) => events?.emit('registry.changed', { reason });

/** Accepts a waiting request: the person is granted the role on the group and told by e-mail. */
export async function acceptRequest(input: Deps & { groupId: string; membershipId: string }): Promise<{ membership: GroupMembershipRow }> {
  const result = await input.db.transaction(async (tx) => {
    const { group, chair, membership } = await chairedMembership(tx, input.actor, input.groupId, input.membershipId);
    if (membership.state !== 'requested') throw requestDecided();
    const by = actorRef(chair);
    const accepted = await createGroupsRepository(tx).updateMembership(membership.id, { state: 'accepted', decidedBy: by, decidedAt: new Date() });
    await grantRole(tx, by, { userId: membership.userId, role: membership.role as ScopedRole, scopeId: group.id, cause: membership.id });
    await recordAudit(tx, { actor: by, action: 'groups.accept', subject: group.id, details: { membership: membership.id, user: membership.userId, role: membership.role } });
    await sendDecisionEmail(tx, { group, membership: accepted, decision: 'accepted', publicUrl: input.publicUrl });
    return { membership: accepted };
  });
  afterCommit(input.events, 'groups.accept');
  return result;
}

/** Declines a waiting request, with the reason the person reads. */
export async function declineRequest(input: Deps & { groupId: string; membershipId: string; reason: string | null }): Promise<{ membership: GroupMembershipRow }> {
  const reason = validReason(input.reason);
  return input.db.transaction(async (tx) => {
    const { group, chair, membership } = await chairedMembership(tx, input.actor, input.groupId, input.membershipId);
    if (!reason) throw groupInvalid({ reason: 'error.reason' });
    if (membership.state !== 'requested') throw requestDecided();
    const by = actorRef(chair);
    const declined = await createGroupsRepository(tx).updateMembership(membership.id, { state: 'declined', reason, decidedBy: by, decidedAt: new Date() });
    await recordAudit(tx, { actor: by, action: 'groups.decline', subject: group.id, reason, details: { membership: membership.id, user: membership.userId, role: membership.role } });
    await sendDecisionEmail(tx, { group, membership: declined, decision: 'declined', publicUrl: input.publicUrl });
    return { membership: declined };
  });
}

async function endParticipation(tx: Executor, by: string, group: GroupRow, membership: GroupMembershipRow, state: 'left' | 'removed', reason: string | null) {
  const ended = await createGroupsRepository(tx).updateMembership(membership.id, { state, reason, decidedBy: by, decidedAt: new Date() });
  await revokeRole(tx, by, { userId: membership.userId, role: membership.role as ScopedRole, scopeId: group.id, cause: membership.id, reason });
  await recordAudit(tx, { actor: by, action: state === 'left' ? 'groups.leave' : 'groups.remove', subject: group.id, reason, details: { membership: membership.id, user: membership.userId, role: membership.role } });
  return ended;
}

/** Removes a member or observer, with the reason they read. */
export async function removeParticipant(input: Deps & { groupId: string; membershipId: string; reason: string | null }): Promise<{ membership: GroupMembershipRow }> {
  const reason = validReason(input.reason);
  const result = await input.db.transaction(async (tx) => {
    const { group, chair, membership } = await chairedMembership(tx, input.actor, input.groupId, input.membershipId);
    if (!reason) throw groupInvalid({ reason: 'error.reason' });
    if (membership.state !== 'accepted') throw notParticipating();
    const removed = await endParticipation(tx, actorRef(chair), group, membership, 'removed', reason);
    await sendDecisionEmail(tx, { group, membership: removed, decision: 'removed', publicUrl: input.publicUrl });
    return { membership: removed };
  });
  afterCommit(input.events, 'groups.remove');
  return result;
}

/** Leaves the group (or withdraws a waiting request). */
export async function leaveGroup(input: Omit<Deps, 'publicUrl'> & { groupId: string }): Promise<{ membership: GroupMembershipRow }> {
  const result = await input.db.transaction(async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    const user = authorize(input.actor, groupsPolicies.leave, group);
    const membership = await createGroupsRepository(tx).openMembershipOf(group.id, user.userId);
    if (!membership) throw notParticipating();
    return { membership: await endParticipation(tx, actorRef(user), group, membership, 'left', null) };
  });
  afterCommit(input.events, 'groups.leave');
  return result;
}

export type { ParticipationRole };
