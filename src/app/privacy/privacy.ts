/**
 * Personal data requests (GDPR articles 15 and 17). Each module that keeps personal data registers a part: how to
 * export what it holds about a person and how to erase it. Export gathers every part; erasure runs every part in
 * one transaction, keeps ids and the audit trail (actors stay `user:<id>`), and records `privacy.erase`.
 */
import { recordAudit } from '../audit/audit.js';
import type { Database, Executor, Transaction } from '../database/database.js';
import type { UserRow } from '../auth/auth.tables.js';
import { blankUser, getExistingUser } from '../auth/users.js';

export interface PrivacyPart {
  /** Key of this part in the export (`account`, `applications`). */
  name: string;
  /** Erasure order: lower runs first; the account part runs last, once others no longer need the e-mail address. */
  order?: number;
  export(db: Executor, user: UserRow): Promise<unknown>;
  erase(tx: Transaction, user: UserRow): Promise<void>;
}

const parts = new Map<string, PrivacyPart>();

/** Registers (or replaces, by name) a module's part; modules call it from their `register`. */
export function registerPrivacyPart(part: PrivacyPart): void {
  parts.set(part.name, part);
}

function ordered(): PrivacyPart[] {
  return [...parts.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

export interface PersonalDataExport {
  format: 'pariscall-personal-data/1';
  exportedAt: string;
  userId: string;
  parts: Record<string, unknown>;
}

/** Everything the platform holds about a person, as one JSON document. */
export async function exportPersonalData(db: Database, userId: string): Promise<PersonalDataExport> {
  const user = await getExistingUser(db, userId);
  const collected: Record<string, unknown> = {};
  for (const part of ordered()) collected[part.name] = await part.export(db, user);
  return { format: 'pariscall-personal-data/1', exportedAt: new Date().toISOString(), userId, parts: collected };
}

/** Erases a person's data everywhere, in one transaction; the account row keeps its id with blank personal columns. */
export async function erasePersonalData(db: Database, input: { userId: string; actor: string; reason?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await getExistingUser(tx, input.userId);
    for (const part of ordered()) await part.erase(tx, user);
    await blankUser(tx, user.id);
    await recordAudit(tx, { actor: input.actor, action: 'privacy.erase', subject: user.id, reason: input.reason ?? null, details: { parts: ordered().map((p) => p.name) } });
  });
}
