/** What the subscriptions page reads: every group with the person's choice, role and what they actually receive. */
import { rolesHeldBy } from '../../app/authz/grants.js';
import type { Actor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { authorize } from '../../app/authz/policy.js';
import { listGroups, type Group } from '../groups/groups.queries.js';
import type { Frequency } from './notifications.constants.js';
import { effectiveFrequency } from './notifications.models.js';
import { notificationsPolicies } from './notifications.policies.js';
import { createNotificationsRepository } from './notifications.repository.js';

export interface GroupSubscription {
  group: Group;
  /** What the person chose, or null (the default applies). */
  choice: Frequency | null;
  holdsRole: boolean;
  /** What they receive: their choice, else the default for their role. */
  frequency: Frequency;
}

export async function subscriptionsOf(input: { db: Executor; actor: Actor }): Promise<GroupSubscription[]> {
  const user = authorize(input.actor, notificationsPolicies.manageOwn, undefined);
  const [groups, choices, grants] = await Promise.all([
    listGroups(input.db),
    createNotificationsRepository(input.db).choicesOf(user.userId),
    rolesHeldBy(input.db, user.userId),
  ]);
  const chosen = new Map(choices.map((row) => [row.groupId, row.frequency]));
  const inGroup = new Set(grants.filter((grant) => grant.role !== 'representative').map((grant) => grant.scopeId));
  return groups.map((group) => {
    const choice = chosen.get(group.id) ?? null;
    const holdsRole = inGroup.has(group.id);
    return { group, choice, holdsRole, frequency: effectiveFrequency(choice, holdsRole) };
  });
}
