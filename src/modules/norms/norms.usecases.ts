/**
 * Loading the norms (all or nothing, audited), the secretariat's edits of their text, and reading them. A load only
 * adds the norms that are missing: a text the secretariat edited on the platform is never replaced by an import. An
 * edit is one transaction with its audit entry (before and after), then empties the response cache (the norm's page,
 * the norms list and the crosswalk show the text).
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { normNotFound } from './norms.errors.js';
import type { ParsedNorm } from './norms.models.js';
import type { NormForm } from './norms.schemas.js';
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

/** The secretariat corrects a norm's text or gives its French; the English source stays the UN's. */
export async function editNormText(input: { db: Executor; actor: Actor; events?: EventBus; code: string; form: NormForm }): Promise<NormRow> {
  const actor = authorize(input.actor, normsPolicies.editNorms, undefined);
  const { en, fr, frWording, frSource } = input.form;
  const norm = await input.db.transaction(async (tx) => {
    const repository = createNormsRepository(tx);
    const before = await repository.findByCode(input.code);
    if (!before) throw normNotFound();
    const after = fr && frWording && frSource
      ? { text: { en, fr }, sources: { en: before.sources.en, fr: frSource }, frWording }
      : { text: { en }, sources: { en: before.sources.en }, frWording: null };
    await repository.updateText(input.code, { ...after, editedBy: actorRef(actor) });
    await recordAudit(tx, {
      actor: actorRef(actor),
      action: 'norms.edit',
      subject: `norm:${input.code}`,
      details: { before: { text: before.text, sources: before.sources, frWording: before.frWording }, after },
    });
    return (await repository.findByCode(input.code))!;
  });
  input.events?.emit('registry.changed', { reason: 'norms-edit' });
  return norm;
}
