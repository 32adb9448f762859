import type { Executor } from '../database/database.js';
import { auditLog } from './audit.tables.js';

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes an audit entry inside the caller's transaction, so the record and the change commit together. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}
