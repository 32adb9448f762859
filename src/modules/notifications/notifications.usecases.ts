/**
 * Choosing what one hears from a working group, from the account (signed in) or from an e-mail's unsubscribe link (the
 * signed token is the credential). Each change is made in a transaction and audited; the unsubscribe link's audit entry
 * names neither the person nor their address (the token stands for them), only the group and what changed.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Database } from '../../app/database/database.js';
import { findGroupById, findGroupBySlug, listGroups } from '../groups/groups.queries.js';
import { frequencies, type Frequency } from './notifications.constants.js';
import { groupNotFound, invalidFrequency } from './notifications.errors.js';
import { notificationsPolicies } from './notifications.policies.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { verifyUnsubscribeToken, type UnsubscribeScope } from './notifications.tokens.js';

/** Sets how often the signed-in person hears from a group (following a group is choosing daily or weekly). */
export async function chooseFrequency(input: { db: Database; actor: Actor; groupSlug: string; frequency: string }): Promise<{ groupId: string; frequency: Frequency }> {
  const user = authorize(input.actor, notificationsPolicies.manageOwn, undefined);
  if (!(frequencies as readonly string[]).includes(input.frequency)) throw invalidFrequency();
  const frequency = input.frequency as Frequency;
  const group = await findGroupBySlug(input.db, input.groupSlug);
  if (!group) throw groupNotFound();
  await input.db.transaction(async (tx) => {
    const previous = await createNotificationsRepository(tx).choose(user.userId, group.id, frequency);
    if (previous !== frequency) {
      await recordAudit(tx, { actor: actorRef(user), action: 'notifications.choose', subject: group.id, details: { frequency, previous } });
    }
  });
  return { groupId: group.id, frequency };
}

/** What an unsubscribe link stands for, with the group's name for the page: null when the token is not ours. */
export async function readUnsubscribeLink(input: { db: Database; secretKey: string; token: string }): Promise<(UnsubscribeScope & { group: Awaited<ReturnType<typeof findGroupById>> }) | null> {
  const scope = verifyUnsubscribeToken(input.secretKey, input.token);
  if (!scope) return null;
  if (!(await createNotificationsRepository(input.db).userExists(scope.userId))) return null;
  if (scope.groupId === null) return { ...scope, group: null };
  const group = await findGroupById(input.db, scope.groupId);
  return group ? { ...scope, group } : null;
}

/**
 * The one-click unsubscribe (RFC 8058): sets the link's group, or every group, to `off` for the person the token
 * names. Idempotent: a second click (or a mail client's and the person's) changes nothing more and records nothing.
 */
export async function unsubscribeWithLink(input: { db: Database; secretKey: string; token: string }): Promise<{ ok: false } | { ok: true; changed: number; scope: UnsubscribeScope }> {
  const link = await readUnsubscribeLink(input);
  if (!link) return { ok: false };
  const groupIds = link.groupId ? [link.groupId] : (await listGroups(input.db)).map((group) => group.id);
  let changed = 0;
  await input.db.transaction(async (tx) => {
    const repository = createNotificationsRepository(tx);
    for (const groupId of groupIds) if ((await repository.choose(link.userId, groupId, 'off')) !== 'off') changed += 1;
    if (changed > 0) {
      await recordAudit(tx, {
        actor: 'link:unsubscribe',
        action: 'notifications.unsubscribe',
        subject: link.groupId ?? 'all',
        details: { groups: changed },
      });
    }
  });
  return { ok: true, changed, scope: { userId: link.userId, groupId: link.groupId } };
}
