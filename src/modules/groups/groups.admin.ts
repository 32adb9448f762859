/**
 * The secretariat's work on the groups themselves: opening a group, editing its name and mandate, closing or reopening
 * it (the edit is marked `edited_by`, so a later import of the reference bundle leaves it alone), and appointing or
 * removing the people who act as its co-chairs (the scoped role `co-chair` on the group). Each use case checks the
 * input before writing anything, runs in one transaction with its audit entry, and announces `registry.changed` after
 * the commit (the groups' public pages are cached).
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { getUser, getUserByEmail } from '../../app/auth/users.js';
import { grantRole, holdersOf, revokeRole } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { groupStates, groupTextLimits } from './groups.constants.js';
import { groupInvalid, groupNotFound, notParticipating } from './groups.errors.js';
import { checkLocalized, slugPattern, validReason } from './groups.models.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';
import type { GroupCoChairRow, GroupRow, Localized } from './groups.tables.js';

interface Deps {
  db: Executor;
  actor: Actor;
  events?: EventBus | undefined;
}

type Texts = { en?: string | undefined; fr?: string | undefined };

const announce = (events: EventBus | undefined, reason: string) => events?.emit('registry.changed', { reason });

/** The name (at least one language) and mandate (optional) as typed, or the fields' problems. */
function checkTexts(input: { name: Texts; mandate: Texts }, issues: Record<string, string>): { name: Localized; mandate: Localized } {
  const name = checkLocalized(input.name, groupTextLimits.name);
  if (!name) issues['name-en'] = 'error.name';
  const mandateTyped = Boolean(input.mandate.en?.trim() || input.mandate.fr?.trim());
  const mandate = mandateTyped ? checkLocalized(input.mandate, groupTextLimits.mandate) : {};
  if (!mandate) issues['mandate-en'] = 'error.mandate';
  return { name: name ?? {}, mandate: mandate ?? {} };
}

/** The group's number as typed: empty is none; otherwise a whole number from 1 to 999. */
function checkNumber(value: string | null | undefined): number | null | 'invalid' {
  const text = value?.trim() ?? '';
  if (!text) return null;
  return /^[1-9][0-9]{0,2}$/.test(text) ? Number(text) : 'invalid';
}

/** Opens a new working group (active); its address and number must be free. */
export async function openGroup(input: Deps & { slug: string; number: string | null; name: Texts; mandate: Texts }): Promise<{ group: GroupRow }> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  const issues: Record<string, string> = {};
  const slug = input.slug.trim().toLowerCase();
  if (!slugPattern.test(slug)) issues.slug = 'error.slug';
  const number = checkNumber(input.number);
  if (number === 'invalid') issues.number = 'error.number';
  const texts = checkTexts(input, issues);
  const result = await input.db.transaction(async (tx) => {
    const repository = createGroupsRepository(tx);
    if (!issues.slug && (await repository.findBySlug(slug))) issues.slug = 'error.slugTaken';
    if (typeof number === 'number' && (await repository.findByNumber(number))) issues.number = 'error.numberTaken';
    if (Object.keys(issues).length) throw groupInvalid(issues);
    const by = actorRef(user);
    const group = await repository.insertGroup({ slug, number: number as number | null, name: texts.name, mandate: texts.mandate, createdBy: by, editedBy: by });
    await recordAudit(tx, { actor: by, action: 'groups.open', subject: group.id, details: { slug, number, name: texts.name } });
    return { group };
  });
  announce(input.events, 'groups.open');
  return result;
}

async function lockedGroup(tx: Executor, groupId: string): Promise<GroupRow> {
  const group = await createGroupsRepository(tx).lockById(groupId);
  if (!group) throw groupNotFound();
  return group;
}

/** Edits a group's name and mandate and sets its state (closing or reopening it); audited as an edit, a closing or a reopening. */
export async function editGroup(input: Deps & { groupId: string; name: Texts; mandate: Texts; state: string }): Promise<{ group: GroupRow }> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  const issues: Record<string, string> = {};
  if (!(groupStates as readonly string[]).includes(input.state)) issues.state = 'error.state';
  const texts = checkTexts(input, issues);
  if (Object.keys(issues).length) throw groupInvalid(issues);
  const result = await input.db.transaction(async (tx) => {
    const before = await lockedGroup(tx, input.groupId);
    const by = actorRef(user);
    const repository = createGroupsRepository(tx);
    await repository.updateGroup(before.id, { name: texts.name, mandate: texts.mandate, state: input.state, editedBy: by, updatedAt: new Date() });
    const action = before.state === input.state ? 'groups.edit' : input.state === 'closed' ? 'groups.close' : 'groups.reopen';
    await recordAudit(tx, { actor: by, action, subject: before.id, details: { name: texts.name, state: { from: before.state, to: input.state } } });
    return { group: (await repository.findById(before.id))! };
  });
  announce(input.events, 'groups.edit');
  return result;
}

/** Appoints the person whose account has this e-mail address as a co-chair of the group (nothing changes if they already are). */
export async function appointCoChair(input: Deps & { groupId: string; email: string }): Promise<{ userId: string; appointed: boolean }> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  const email = input.email.trim();
  const result = await input.db.transaction(async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    const person = email ? await getUserByEmail(tx, email) : undefined;
    if (!person || person.erasedAt) throw groupInvalid({ email: 'error.email' });
    const by = actorRef(user);
    const appointed = await grantRole(tx, by, { userId: person.id, role: 'co-chair', scopeId: group.id, cause: 'groups.appoint' });
    if (appointed) await recordAudit(tx, { actor: by, action: 'groups.appoint', subject: group.id, details: { user: person.id } });
    return { userId: person.id, appointed };
  });
  if (result.appointed) announce(input.events, 'groups.appoint');
  return result;
}

/** Removes a person as co-chair of the group, with the reason kept in the audit log. */
export async function removeCoChair(input: Deps & { groupId: string; userId: string; reason: string | null }): Promise<void> {
  const user = authorize(input.actor, groupsPolicies.administer, undefined);
  const reason = validReason(input.reason);
  if (!reason) throw groupInvalid({ reason: 'error.reason' });
  await input.db.transaction(async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    const by = actorRef(user);
    const removed = await revokeRole(tx, by, { userId: input.userId, role: 'co-chair', scopeId: group.id, cause: 'groups.remove-co-chair', reason });
    if (!removed) throw notParticipating();
    await recordAudit(tx, { actor: by, action: 'groups.remove-co-chair', subject: group.id, reason, details: { user: input.userId } });
  });
  announce(input.events, 'groups.remove-co-chair');
}

/** A person acting as co-chair, as the secretariat sees them (name and address, to reach them). */
export interface CoChairPerson {
  userId: string;
  name: string | null;
  email: string | null;
}

/** The group as the secretariat edits it, with the people who hold the co-chair role on it. */
export async function groupForSecretariat(input: { db: Executor; actor: Actor; slug: string }): Promise<{ group: GroupRow; people: CoChairPerson[]; organisations: GroupCoChairRow[] }> {
  authorize(input.actor, groupsPolicies.administer, undefined);
  const group = await createGroupsRepository(input.db).findBySlug(input.slug);
  if (!group) throw groupNotFound();
  const people: CoChairPerson[] = [];
  for (const userId of await holdersOf(input.db, 'co-chair', group.id)) {
    const user = await getUser(input.db, userId);
    if (user && !user.erasedAt) people.push({ userId, name: user.name, email: user.email });
  }
  return { group, people, organisations: await createGroupsRepository(input.db).coChairsOf([group.id]) };
}
