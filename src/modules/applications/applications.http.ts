import type { FastifyReply, FastifyRequest } from 'fastify';
import { signIn } from '../../app/auth/auth.plugin.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import type { AppContext } from '../../app/context.js';
import { createActionBudget, type ActionBudgetHook } from '../../app/limits/action-budget.js';

/** The key that signs the join form's time stamp: the platform's secret key. */
export const formSecret = (context: AppContext): string => resolveSecretKey(context.config);

/**
 * Joining's one budget per address, JOIN_RATE_LIMIT_PER_HOUR: applications and claims, through the API or either
 * language's form, count together (each sends an e-mail to an address of the sender's choice).
 */
export const joinBudget = (context: AppContext): ActionBudgetHook =>
  createActionBudget({ db: context.database.db, action: 'join', max: context.config.joinRateLimitPerHour, windowMs: 3_600_000, secret: formSecret(context) });

/** Following an e-mailed link proves the address: the person is signed in with an e-mail-link session. */
export async function signInFromLink(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  await signIn(request, reply, { userId, method: 'email-link' });
}
