/**
 * Loading the norms (all or nothing, audited) and reading them. A load only adds the norms that are missing: a text
 * the secretariat edited on the platform is never replaced by an import.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Executor } from '../../app/database/database.js';
import type { ParsedNorm } from './norms.models.js';
import { normsPolicies } from './norms.policies.js';
import { createNormsRepository, type NormRow } from './norms.repository.js';

export async function importNorms(input: { db: Executor; norms: ParsedNorm[]; actor: Actor }): Promise<{ added: string[]; kept: number }> {
  authorize(input.actor, normsPolicies.importNorms, undefined);
  return input.db.transaction(async (tx) => {
    const added = await createNormsRepository(tx).insertMissing(input.norms);
    if (added.length) await recordAudit(tx, { actor: actorRef(input.actor), action: 'norms.import', subject: 'norms', details: { added } });
    return { added, kept: input.norms.length - added.length };
  });
}

export async function listNorms(input: { db: Executor; page?: { offset: number; limit: number } }): Promise<{ items: NormRow[]; total: number }> {
  const repository = createNormsRepository(input.db);
  const [items, total] = await Promise.all([repository.list(input.page), repository.count()]);
  return { items, total };
}

export async function getNorm(input: { db: Executor; code: string }): Promise<NormRow | undefined> {
  return createNormsRepository(input.db).findByCode(input.code);
}

export async function isNormsEmpty(input: { db: Executor }): Promise<boolean> {
  return (await createNormsRepository(input.db).count()) === 0;
}
