import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What each client has spent of an action's budget in its current window (joining the Call: applications and claims,
 * whatever the route or language). In the database so that every web process and every restart count the same
 * budget. `client` is a keyed hash of the address, never the address itself.
 */
export const actionBudgets = pgTable(
  'action_budgets',
  {
    action: text('action').notNull(),
    client: text('client').notNull(),
    spent: integer('spent').notNull(),
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.action, table.client] })],
);
