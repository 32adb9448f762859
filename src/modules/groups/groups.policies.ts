/**
 * Who may do what in a working group. The group, its public documents and news are public (no rule). Its members-only
 * parts are for its members, observers and co-chairs, and the secretariat. A supporter's representative asks to join
 * for an organisation they represent; anyone signed in asks to observe. The co-chairs (and the secretariat) decide
 * requests, remove members, post news and documents. The secretariat opens, edits and closes groups and appoints their
 * co-chairs. Phase rule: a closed group takes no new request, document or news.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat, secretariatOnly, secretariatOrSystem } from '../../app/authz/rules.js';
import { groupClosed, groupNotAllowed, notRepresentative } from './groups.errors.js';

/** A group as its rules see it. */
export interface GroupSubject {
  id: string;
  state: string;
}

export const chairs = (actor: Actor, groupId: string) => isSecretariat(actor) || holds(actor, 'co-chair', groupId);

/** Members, observers, co-chairs of the group, and the secretariat. */
export const seesMembersPart = (actor: Actor, groupId: string) =>
  chairs(actor, groupId) || holds(actor, 'member', groupId) || holds(actor, 'observer', groupId);

export const groupsPolicies = definePolicies('groups', {
  /** The members-only parts of a group's page, its members-only documents and news. */
  viewMembersPart: rule<GroupSubject>((actor, group) => allowIf(seesMembersPart(actor, group.id), groupNotAllowed)),
  /** Asking to join (for an organisation one represents) or to observe, while the group is active. */
  request: userRule<{ group: GroupSubject; role: string; supporterId: string | null }>((user, { group, role, supporterId }) => {
    if (group.state !== 'active') return refuse(groupClosed);
    if (role === 'member') return allowIf(holds(user, 'representative', supporterId), notRepresentative);
    return allow;
  }),
  /** The forms of signed-in people (checked before the body is read; each handler then authorizes its subject). */
  useAccount: userRule(() => allow),
  /** Leaving: whoever takes part in the group (the handler finds their own participation). */
  leave: userRule<GroupSubject>((user, group) => allowIf(seesMembersPart(user, group.id), groupNotAllowed)),
  /** The co-chairs' page, deciding requests, removing members (also in a closed group: its people may still change). */
  chair: userRule<GroupSubject>((user, group) => allowIf(chairs(user, group.id), groupNotAllowed)),
  /** Posting news and documents: co-chairs and the secretariat, while the group is active. */
  publish: userRule<GroupSubject>((user, group) => (!chairs(user, group.id) ? refuse(groupNotAllowed) : group.state === 'active' ? allow : refuse(groupClosed))),
  /** Opening, editing and closing groups, appointing and removing co-chairs. */
  administer: userRule((user) => secretariatOnly(user)),
  /** Loading the reference bundle: the secretariat, or the system (first start, `pariscall import`). */
  import: rule((actor) => secretariatOrSystem(actor)),
});
