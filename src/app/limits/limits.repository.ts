import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { actionBudgets } from './limits.tables.js';

export interface Spending {
  /** Spent in the current window, this request included. */
  spent: number;
  resetsAt: Date;
}

/**
 * Spends one unit of `action` for `client`: a window that has ended starts again at 1. One statement, so concurrent
 * requests (in any process) each see their own count and none is lost.
 */
export async function spendBudget(db: Executor, action: string, client: string, windowMs: number): Promise<Spending> {
  const window = sql`make_interval(secs => ${windowMs / 1000})`;
  const rows = await db
    .insert(actionBudgets)
    .values({ action, client, spent: 1, resetsAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: [actionBudgets.action, actionBudgets.client],
      set: {
        spent: sql`case when ${actionBudgets.resetsAt} <= now() then 1 else ${actionBudgets.spent} + 1 end`,
        resetsAt: sql`case when ${actionBudgets.resetsAt} <= now() then now() + ${window} else ${actionBudgets.resetsAt} end`,
      },
    })
    .returning({ spent: actionBudgets.spent, resetsAt: actionBudgets.resetsAt });
  return rows[0]!;
}

/** Forgets windows that have ended (their hashes are of no further use). */
export async function forgetEndedBudgets(db: Executor): Promise<number> {
  const rows = await db.delete(actionBudgets).where(lt(actionBudgets.resetsAt, sql`now()`)).returning({ client: actionBudgets.client });
  return rows.length;
}

/** Clears a client's spending of an action (a person's failed-code count, once they give a right one). */
export async function forgetBudget(db: Executor, action: string, client: string): Promise<void> {
  await db.delete(actionBudgets).where(and(eq(actionBudgets.action, action), eq(actionBudgets.client, client)));
}
