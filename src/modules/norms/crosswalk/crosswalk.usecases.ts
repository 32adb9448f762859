/**
 * The crosswalk between principles and norms: imported once from the reference bundle (the links the WG4 report
 * supports), then kept by the secretariat, who adds, edits and removes links on the platform. Each change is one
 * transaction with its audit entry, and empties the response cache (the principle, norm and crosswalk pages show the
 * links). An import adds what is missing and refreshes what nobody edited: a link the secretariat changed
 * (`edited_by`) keeps its words.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import { recordAudit } from '../../../app/audit/audit.js';
import type { Executor } from '../../../app/database/database.js';
import type { EventBus } from '../../../app/events/events.js';
import { createNormsRepository } from '../norms.repository.js';
import { linkExists, linkNotFound, unknownNorm } from './crosswalk.errors.js';
import { linkKey, type CrosswalkLink, type ParsedCrosswalkLink } from './crosswalk.models.js';
import { crosswalkPolicies } from './crosswalk.policies.js';
import { createCrosswalkRepository } from './crosswalk.repository.js';
import type { NewLinkForm, RationaleForm } from './crosswalk.schemas.js';

/** The audit action of an import; its first entry is what tells "never loaded" from "emptied by the secretariat". */
export const crosswalkImportAction = 'norms.crosswalk.import';

/** Field by field: jsonb gives keys back in its own order. */
const sameLink = (a: Pick<CrosswalkLink, 'rationale' | 'source'>, b: Pick<CrosswalkLink, 'rationale' | 'source'>) =>
  a.rationale.en === b.rationale.en && a.rationale.fr === b.rationale.fr && a.source?.document === b.source?.document && a.source?.page === b.source?.page;
const rationaleOf = (form: RationaleForm) => (form.rationaleFr ? { en: form.rationaleEn, fr: form.rationaleFr } : { en: form.rationaleEn });

export interface CrosswalkImportReport {
  added: string[];
  updated: string[];
  /** Links the secretariat edited: left as they are. */
  kept: string[];
}

export async function importCrosswalk(input: { db: Executor; links: ParsedCrosswalkLink[]; actor: Actor }): Promise<CrosswalkImportReport> {
  authorize(input.actor, crosswalkPolicies.importLinks, undefined);
  return input.db.transaction(async (tx) => {
    const repository = createCrosswalkRepository(tx);
    const report: CrosswalkImportReport = { added: [], updated: [], kept: [] };
    for (const link of input.links) {
      const { principleNumber, normCode, rationale, source } = link;
      const existing = await repository.find(principleNumber, normCode);
      if (!existing) {
        await repository.insert({ principleNumber, normCode, rationale, source, editedBy: null });
        report.added.push(linkKey(link));
      } else if (existing.editedBy) {
        report.kept.push(linkKey(link));
      } else if (!sameLink(existing, link)) {
        await repository.updateImported({ principleNumber, normCode, rationale, source });
        report.updated.push(linkKey(link));
      }
    }
    await recordAudit(tx, { actor: actorRef(input.actor), action: crosswalkImportAction, subject: 'crosswalk', details: { ...report } });
    return report;
  });
}

/** Empty and never imported: an emptied crosswalk is the secretariat's doing, and a restart must not undo it. */
export async function isCrosswalkEmpty(input: { db: Executor }): Promise<boolean> {
  const repository = createCrosswalkRepository(input.db);
  return (await repository.count()) === 0 && !(await repository.wasImported(crosswalkImportAction));
}

export async function listCrosswalk(input: { db: Executor; page?: { offset: number; limit: number } }): Promise<{ items: CrosswalkLink[]; total: number }> {
  const repository = createCrosswalkRepository(input.db);
  const [items, total] = await Promise.all([repository.list(input.page), repository.count()]);
  return { items, total };
}

export async function crosswalkForPrinciple(input: { db: Executor; principleNumber: number }): Promise<CrosswalkLink[]> {
  return createCrosswalkRepository(input.db).listForPrinciple(input.principleNumber);
}

export async function crosswalkForNorm(input: { db: Executor; normCode: string }): Promise<CrosswalkLink[]> {
  return createCrosswalkRepository(input.db).listForNorm(input.normCode);
}

export async function getCrosswalkLink(input: { db: Executor; principleNumber: number; normCode: string }): Promise<CrosswalkLink> {
  const link = await createCrosswalkRepository(input.db).find(input.principleNumber, input.normCode);
  if (!link) throw linkNotFound();
  return link;
}

interface Change {
  db: Executor;
  actor: Actor;
  /** Told after the commit, so cached pages showing the crosswalk are rendered again. */
  events?: EventBus;
}

/** The secretariat links a principle to a norm, with its rationale; the link has no report page (written here). */
export async function addCrosswalkLink(input: Change & { link: NewLinkForm }): Promise<CrosswalkLink> {
  const actor = authorize(input.actor, crosswalkPolicies.editLinks, undefined);
  const { principle: principleNumber, norm: normCode } = input.link;
  const link = await input.db.transaction(async (tx) => {
    if (!(await createNormsRepository(tx).findByCode(normCode))) throw unknownNorm();
    const repository = createCrosswalkRepository(tx);
    const rationale = rationaleOf(input.link);
    if (!(await repository.insert({ principleNumber, normCode, rationale, source: null, editedBy: actorRef(actor) }))) throw linkExists();
    await recordAudit(tx, { actor: actorRef(actor), action: 'norms.crosswalk.add', subject: `crosswalk:${linkKey({ principleNumber, normCode })}`, details: { rationale } });
    return (await repository.find(principleNumber, normCode))!;
  });
  input.events?.emit('registry.changed', { reason: 'crosswalk' });
  return link;
}

/** The secretariat rewrites a link's rationale; the link keeps the report page it came from. */
export async function editCrosswalkLink(input: Change & { principleNumber: number; normCode: string; rationale: RationaleForm }): Promise<CrosswalkLink> {
  const actor = authorize(input.actor, crosswalkPolicies.editLinks, undefined);
  const { principleNumber, normCode } = input;
  const link = await input.db.transaction(async (tx) => {
    const repository = createCrosswalkRepository(tx);
    const before = await repository.find(principleNumber, normCode);
    if (!before) throw linkNotFound();
    const rationale = rationaleOf(input.rationale);
    await repository.updateRationale(principleNumber, normCode, rationale, actorRef(actor));
    await recordAudit(tx, { actor: actorRef(actor), action: 'norms.crosswalk.edit', subject: `crosswalk:${linkKey(before)}`, details: { before: before.rationale, after: rationale } });
    return (await repository.find(principleNumber, normCode))!;
  });
  input.events?.emit('registry.changed', { reason: 'crosswalk' });
  return link;
}

/** The secretariat removes a link; the audit entry keeps what it said and where it came from. */
export async function removeCrosswalkLink(input: Change & { principleNumber: number; normCode: string }): Promise<void> {
  const actor = authorize(input.actor, crosswalkPolicies.editLinks, undefined);
  await input.db.transaction(async (tx) => {
    const repository = createCrosswalkRepository(tx);
    const before = await repository.find(input.principleNumber, input.normCode);
    if (!before || !(await repository.delete(input.principleNumber, input.normCode))) throw linkNotFound();
    await recordAudit(tx, { actor: actorRef(actor), action: 'norms.crosswalk.remove', subject: `crosswalk:${linkKey(before)}`, details: { rationale: before.rationale, source: before.source } });
  });
  input.events?.emit('registry.changed', { reason: 'crosswalk' });
}
