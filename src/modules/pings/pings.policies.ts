/**
 * Who may do what with ping exercises. The cooperation space (the exercises, their statistics, every contact's
 * history) is for the designated contacts of any organisation and the secretariat. The secretariat runs exercises
 * over any organisations; a designated contact runs them over its own organisation's contacts only. The one who runs
 * an exercise sees its call list (the spoken codes) and records the answers given to an operator.
 */
import type { Actor } from '../../app/authz/actor.js';
import { forbidden } from '../../app/authz/authz.errors.js';
import { allowIf, definePolicies, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import { pingsNotAllowed } from './pings.errors.js';

/** A member of the cooperation space: the secretariat, or a designated contact of any organisation. */
export function inCooperation(actor: Actor): boolean {
  return isSecretariat(actor) || (actor.kind === 'user' && actor.grants.some((g) => g.role === 'contact'));
}

/** Runs exercises for the organisation (`null`: the secretariat's, over any scope). */
export function runsFor(actor: Actor, supporterId: string | null): boolean {
  return isSecretariat(actor) || (supporterId !== null && holds(actor, 'contact', supporterId));
}

export const pingsPolicies = definePolicies('pings', {
  /** Exercises, statistics, histories. */
  view: userRule((user) => allowIf(inCooperation(user), forbidden)),
  /** Opening the form: a member of the space (what it may cover is decided when it is sent). */
  open: userRule((user) => allowIf(inCooperation(user), forbidden)),
  /** Running an exercise for an organisation (`null`: over any scope, the secretariat's). */
  run: userRule<{ supporterId: string | null }>((user, { supporterId }) => allowIf(runsFor(user, supporterId), pingsNotAllowed)),
  /** The call list and recording an answer given to an operator. */
  operate: userRule<{ supporterId: string | null }>((user, { supporterId }) => allowIf(runsFor(user, supporterId), pingsNotAllowed)),
});
