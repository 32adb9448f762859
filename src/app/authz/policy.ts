import type { Actor } from './actor.js';
import { forbidden } from './guards.js';
import type { AppError } from '../http/errors.js';

/**
 * A module's rules as named predicates, used both to enforce (`authorize` throws) and to render (`can` hides a
 * button). Rules are pure and synchronous; a rule that needs data gets it as `subject`.
 *
 *   const supporterPolicy = definePolicy({ edit: (actor, s: Supporter) => … });
 *   supporterPolicy.authorize(actor, 'edit', supporter, () => supporterNotFound()); // 404 keeps ids hidden
 */
export function definePolicy<R extends Record<string, (actor: Actor, subject: any) => boolean>>(rules: R) {
  return {
    rules,
    can<K extends keyof R & string>(actor: Actor, action: K, subject?: Parameters<R[K]>[1]): boolean {
      return rules[action]!(actor, subject);
    },
    /** Throws `deny()` (default: 403) unless the rule allows the action. */
    authorize<K extends keyof R & string>(actor: Actor, action: K, subject?: Parameters<R[K]>[1], deny: () => AppError = () => forbidden()): void {
      if (!rules[action]!(actor, subject)) throw deny();
    },
  };
}
