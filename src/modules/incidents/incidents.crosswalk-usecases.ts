/**
 * The crosswalk's workflow: the reference bundle loads it (and a re-import adds what is missing and refreshes the rows
 * nobody edited); the secretariat edits one mapping at a time (audited, `edited_at` set), and an edit is never undone by
 * a later import.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor, type SystemActor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Database, Executor } from '../../app/database/database.js';
import { crosswalkKey, crosswalkOf, type Crosswalk, type CrosswalkEntry } from './incidents.crosswalk.js';
import { incidentNotFound } from './incidents.errors.js';
import { incidentsPolicies } from './incidents.policies.js';
import { createIncidentsRepository } from './incidents.repository.js';

export async function importCrosswalk(input: { db: Executor; entries: CrosswalkEntry[]; actor: SystemActor }): Promise<{ added: number; updated: number; unchanged: number; kept: number }> {
  const repository = createIncidentsRepository(input.db);
  const existing = new Map((await repository.crosswalkRows()).map((row) => [row.key, row]));
  const report = { added: 0, updated: 0, unchanged: 0, kept: 0 };
  for (const entry of input.entries) {
    const key = crosswalkKey(entry);
    const found = existing.get(key);
    if (!found) {
      await repository.insertCrosswalkRow(key, entry);
      report.added++;
    } else if (found.editedAt) report.kept++;
    else if (JSON.stringify(found.entry) !== JSON.stringify(entry)) {
      await repository.updateCrosswalkRow(key, { entry });
      report.updated++;
    } else report.unchanged++;
  }
  await recordAudit(input.db, { actor: actorRef(input.actor), action: 'incidents.crosswalk.import', details: report });
  return report;
}

export async function loadCrosswalk(db: Executor): Promise<Crosswalk> {
  return crosswalkOf((await createIncidentsRepository(db).crosswalkRows()).map((row) => row.entry));
}

/** The secretariat replaces one mapping (same key: a level stays that level, a class that class). */
export async function editCrosswalkEntry(input: { db: Database; actor: Actor; entry: CrosswalkEntry; reason?: string | null }): Promise<void> {
  const user = authorize(input.actor, incidentsPolicies.administer, undefined);
  const key = crosswalkKey(input.entry);
  await input.db.transaction(async (tx) => {
    const repository = createIncidentsRepository(tx);
    const found = await repository.findCrosswalkRow(key);
    if (!found) throw incidentNotFound();
    await repository.updateCrosswalkRow(key, { entry: input.entry, editedBy: actorRef(user), editedAt: new Date() });
    await recordAudit(tx, { actor: actorRef(user), action: 'incidents.crosswalk.edit', subject: key, reason: input.reason ?? null, details: { before: found.entry, after: input.entry } });
  });
}
