import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../database/database.js';
import { AppError } from '../http/errors.js';
import { appMessages } from '../i18n/messages.js';
import { forgetEndedBudgets, spendBudget } from './limits.repository.js';

export interface ActionBudgetOptions {
  db: Executor;
  /** The action's name, shared by every route that performs it (`join`). */
  action: string;
  /** Units per client address and window. */
  max: number;
  windowMs: number;
  /** Keys the hash of the address (the address is personal data and is not stored). */
  secret: string;
}

/** An `onRequest` hook spending one unit of the budget; over budget, a 429 that says when to come back. */
export type ActionBudgetHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * One budget per client address for an action, whatever route or language performs it and whichever process answers
 * (the route-level limits of @fastify/rate-limit count each route apart, in each process's memory). Spent before the
 * body is read, so a refused request costs a single statement.
 */
export function createActionBudget(options: ActionBudgetOptions): ActionBudgetHook {
  let lastPurge = 0;
  return async (request, reply) => {
    const client = createHmac('sha256', options.secret).update(`${options.action}\n${request.ip}`).digest('base64url').slice(0, 32);
    const spending = await spendBudget(options.db, options.action, client, options.windowMs);
    const now = Date.now();
    if (now - lastPurge > options.windowMs) {
      lastPurge = now;
      await forgetEndedBudgets(options.db);
    }
    if (spending.spent <= options.max) return;
    reply.header('retry-after', String(Math.max(1, Math.ceil((spending.resetsAt.getTime() - now) / 1000))));
    throw new AppError('request.rate-limited', 429, (l) => appMessages(l)('error.tooManyRequests.title'));
  };
}
