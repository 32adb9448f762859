/**
 * The organisations a group names as its co-chairs (`group_co_chairs`), as the secretariat changes them: a registry
 * entry (by its address) or, for an organisation not in the registry, a name. The group is marked `edited_by`, so a
 * later import of the reference bundle does not put the bundle's list back. One transaction, one audit entry, and
 * `registry.changed` after the commit (the groups' list and pages are cached).
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { getSupporterBySlug } from '../supporters/supporters.usecases.js';
import { groupTextLimits } from './groups.constants.js';
import { coChairGone, groupInvalid, groupNotFound } from './groups.errors.js';
import { checkLocalized } from './groups.models.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';
import type { GroupCoChairRow } from './groups.tables.js';

interface Deps {
  db: Executor;
  actor: Actor;
  events?: EventBus | undefined;
}

/** Names an organisation as co-chair: the published registry entry `supporterSlug`, else the name typed. */
export async function addCoChairOrganisation(input: Deps & { groupId: string; supporterSlug: string; name: { en?: string; fr?: string } }): Promise<{ coChair: GroupCoChairRow }> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  const slug = input.supporterSlug.trim();
  const typedName = slug ? null : checkLocalized(input.name, groupTextLimits.name);
  if (!slug && !typedName) throw groupInvalid({ 'organisation-slug': 'error.organisationName' });
  const result = await input.db.transaction(async (tx) => {
    const repository = createGroupsRepository(tx);
    const group = await repository.lockById(input.groupId);
    if (!group) throw groupNotFound();
    const entry = slug ? await getSupporterBySlug(tx, slug) : undefined;
    if (slug && (!entry || entry.status !== 'published')) throw groupInvalid({ 'organisation-slug': 'error.organisationEntry' });
    const by = actorRef(user);
    const coChair = await repository.insertCoChair({ groupId: group.id, supporterId: entry?.id ?? null, name: entry ? { en: entry.name, fr: entry.name } : typedName!, createdBy: by });
    await repository.updateGroup(group.id, { editedBy: by, updatedAt: new Date() });
    await recordAudit(tx, { actor: by, action: 'groups.add-co-chair-organisation', subject: group.id, details: { coChair: coChair.id, supporter: coChair.supporterId, name: coChair.name } });
    return { coChair };
  });
  input.events?.emit('registry.changed', { reason: 'groups.co-chair-organisation' });
  return result;
}

/** Stops naming an organisation as co-chair of the group. */
export async function removeCoChairOrganisation(input: Deps & { groupId: string; coChairId: string }): Promise<void> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  await input.db.transaction(async (tx) => {
    const repository = createGroupsRepository(tx);
    const group = await repository.lockById(input.groupId);
    if (!group) throw groupNotFound();
    const removed = await repository.deleteCoChair(group.id, input.coChairId);
    if (!removed) throw coChairGone();
    const by = actorRef(user);
    await repository.updateGroup(group.id, { editedBy: by, updatedAt: new Date() });
    await recordAudit(tx, { actor: by, action: 'groups.remove-co-chair-organisation', subject: group.id, details: { coChair: removed.id, supporter: removed.supporterId, name: removed.name } });
  });
  input.events?.emit('registry.changed', { reason: 'groups.co-chair-organisation' });
}
