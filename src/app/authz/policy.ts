/**
 * The authorization engine: every module declares its actions in a `<module>.policies.ts` with `definePolicies`; use
 * cases call `authorize` (which throws the refusal) and views call `can` (to show a control or not). A rule sees the
 * actor (platform role, session method, scoped roles) and the subject (its owner, state, phase) and returns a verdict;
 * a refusal names its own error, so a rule decides between 401 (sign in), 403 (may see it, may not do this) and 404
 * (may not know it exists).
 */
import type { AppError } from '../http/errors.js';
import type { Actor, UserActor } from './actor.js';
import { unauthorized } from './authz.errors.js';

export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly refusal: () => AppError };

export const allow: Verdict = Object.freeze({ allowed: true });
/** Refuses with the given error (the factory is called when `authorize` throws, so `can` costs nothing). */
export const refuse = (refusal: () => AppError): Verdict => ({ allowed: false, refusal });
/** `condition` allows, otherwise refuses with `refusal`. */
export const allowIf = (condition: boolean, refusal: () => AppError): Verdict => (condition ? allow : refuse(refusal));

/** An action of a module: its name (`applications.view`) and its rule; `A` is the actor kind that passing it implies. */
export interface Action<S, A extends Actor = Actor> {
  readonly name: string;
  readonly decide: (actor: Actor, subject: S) => Verdict;
  /** Phantom: the actor's type once authorized (a user for `userRule`). */
  readonly __actor?: A;
}

interface RuleSpec<S, A extends Actor> {
  readonly decide: (actor: Actor, subject: S) => Verdict;
  readonly __actor?: A;
}

/** A rule for any actor (anonymous visitors, users, the system). */
export function rule<S = void>(decide: (actor: Actor, subject: S) => Verdict): RuleSpec<S, Actor> {
  return { decide };
}

/** A rule for signed-in people: anyone else is refused with 401 (sign in) before the rule runs. */
export function userRule<S = void>(decide: (user: UserActor, subject: S) => Verdict): RuleSpec<S, UserActor> {
  return { decide: (actor, subject) => (actor.kind === 'user' ? decide(actor, subject) : refuse(unauthorized)) };
}

type Actions<R> = { readonly [K in keyof R & string]: R[K] extends RuleSpec<infer S, infer A> ? Action<S, A> : never };

const registry = new Map<string, Action<never, Actor>>();

/**
 * Declares a module's actions, named `<module>.<action>`. Names are unique across the platform (a second module
 * declaring the same name is a programming error, caught at start).
 */
// `any` in the constraint only: each rule keeps its own subject type (a `never` here would become every rule's subject).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function definePolicies<const R extends Record<string, RuleSpec<any, Actor>>>(module: string, rules: R): Actions<R> {
  const actions: Record<string, Action<never, Actor>> = {};
  for (const [key, spec] of Object.entries(rules)) {
    const name = `${module}.${key}`;
    if (registry.has(name)) throw new Error(`authorization: action ${name} is declared twice`);
    const action: Action<never, Actor> = { name, decide: spec.decide };
    registry.set(name, action);
    actions[key] = action;
  }
  return actions as unknown as Actions<R>;
}

/** Throws the rule's refusal unless the actor may; returns the actor, narrowed to what the action implies. */
export function authorize<S, A extends Actor>(actor: Actor, action: Action<S, A>, subject: S): A {
  const verdict = action.decide(actor, subject);
  if (!verdict.allowed) throw verdict.refusal();
  return actor as A;
}

/** Whether the actor may: for views deciding whether to show a control. */
export function can<S, A extends Actor>(actor: Actor, action: Action<S, A>, subject: S): boolean {
  return action.decide(actor, subject).allowed;
}

/** Every action declared so far, by name (the architecture documentation and tests list them). */
export function declaredActions(): string[] {
  return [...registry.keys()].sort();
}
