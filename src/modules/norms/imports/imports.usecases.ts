/**
 * Importing existing practices (the G7 synthesis, the principles' case studies) into the practice library, in one
 * transaction with one audit entry. Idempotent: a practice already imported with the same content is left as it is
 * (a second import writes nothing); one the source changed gets its next published revision, so the history shows the
 * change; one edited or withdrawn on the platform is never touched again. Each case study's supporter is looked up in
 * the registry by its exact name (accents and case aside) and linked when found; the report says which were not.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import { recordAudit } from '../../../app/audit/audit.js';
import type { Executor } from '../../../app/database/database.js';
import { foldText } from '../../../shared/text.js';
import { findSupportersWithSimilarName } from '../../supporters/supporters.queries.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { practiceSearchText } from '../practices/practices.content.js';
import type { PracticeContent } from '../practices/practices.tables.js';
import type { ImportedPractice } from './imports.models.js';
import { practiceImportPolicies } from './imports.policies.js';
import { createImportsRepository, type ImportedFields, type PracticeRow } from './imports.repository.js';

export interface PracticesImportReport {
  /** Source keys of the practices added. */
  added: string[];
  /** Source keys of the practices the source changed (a new published revision). */
  updated: string[];
  unchanged: number;
  /** Practices left alone because they were changed on the platform. */
  kept: Array<{ sourceKey: string; reason: 'edited' | 'withdrawn' }>;
  /** Supporters named by a source and found in the registry. */
  matched: Array<{ sourceKey: string; name: string; slug: string }>;
  /** Supporters named by a source and not linked, with why. */
  unmatched: Array<{ sourceKey: string; name: string; reason: string }>;
}

interface RegistryMatch {
  supporterId: string;
  slug: string;
  category: string | null;
}

/** JSON with object keys sorted: jsonb does not keep key order, so contents are compared in this form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The published content as the practice row holds it. */
function contentOf(row: PracticeRow): PracticeContent {
  return {
    title: row.title ?? {},
    description: row.description ?? {},
    original: row.original ?? '',
    kind: row.kind ?? '',
    implementationStatus: row.implementationStatus ?? '',
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    year: row.year ?? 0,
    principles: row.principles,
    norms: row.norms,
    sectors: row.sectors,
    countries: row.countries,
    links: row.links,
    attachments: row.attachments,
  };
}

/** The registry entry published under exactly this name (accents, case and punctuation aside), if one alone is. */
async function findRegistryEntry(db: Executor, name: string): Promise<RegistryMatch | null> {
  const folded = foldText(name);
  const candidates = (await findSupportersWithSimilarName({ db, folded, threshold: 0.5, limit: 10 })).filter((c) => foldText(c.name) === folded);
  if (candidates.length !== 1) return null;
  const [row] = await listSupportersByIds(db, [candidates[0]!.supporterId]);
  return { supporterId: candidates[0]!.supporterId, slug: candidates[0]!.slug, category: row?.category ?? null };
}

export async function importPractices(input: { db: Executor; practices: ImportedPractice[]; actor: Actor; now?: Date }): Promise<PracticesImportReport> {
  authorize(input.actor, practiceImportPolicies.importPractices, undefined);
  const actor = actorRef(input.actor);
  const at = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const repository = createImportsRepository(tx);
    const report: PracticesImportReport = { added: [], updated: [], unchanged: 0, kept: [], matched: [], unmatched: [] };
    const existing = new Map((await repository.findBySourceKeys(input.practices.map((p) => p.sourceKey))).map((row) => [row.sourceKey!, row]));
    const registry = new Map<string, RegistryMatch | null>();
    for (const practice of input.practices) {
      let match: RegistryMatch | null = null;
      if (practice.registryName) {
        if (!registry.has(practice.registryName)) registry.set(practice.registryName, await findRegistryEntry(tx, practice.registryName));
        match = registry.get(practice.registryName) ?? null;
        if (match) report.matched.push({ sourceKey: practice.sourceKey, name: practice.registryName, slug: match.slug });
        else report.unmatched.push({ sourceKey: practice.sourceKey, name: practice.registryName, reason: 'no published registry entry has this name' });
      } else if (practice.origin === 'case-study') {
        report.unmatched.push({ sourceKey: practice.sourceKey, name: practice.attribution.en ?? practice.attribution.fr ?? '', reason: 'not one entry of the registry' });
      }
      const fields: ImportedFields = {
        origin: practice.origin,
        sourceKey: practice.sourceKey,
        sourceRef: practice.sourceRef,
        supporterId: match?.supporterId ?? null,
        attribution: practice.attribution,
        category: match?.category ?? practice.category,
        searchText: practiceSearchText(practice.content, practice.attribution),
      };
      const row = existing.get(practice.sourceKey);
      if (!row) {
        await repository.insertPublished(fields, practice.content, actor, at);
        report.added.push(practice.sourceKey);
        continue;
      }
      if (row.editedBy || row.state !== 'published') {
        report.kept.push({ sourceKey: practice.sourceKey, reason: row.editedBy ? 'edited' : 'withdrawn' });
        continue;
      }
      const sameContent = canonical(contentOf(row)) === canonical(practice.content);
      const rowFields: ImportedFields = { origin: row.origin, sourceKey: practice.sourceKey, sourceRef: row.sourceRef!, supporterId: row.supporterId, attribution: row.attribution ?? {}, category: row.category, searchText: row.searchText };
      if (sameContent && canonical(rowFields) === canonical(fields)) report.unchanged += 1;
      else {
        if (sameContent) await repository.updateFields(row.id, fields);
        else await repository.publishNextRevision(row.id, fields, practice.content, actor, at);
        report.updated.push(practice.sourceKey);
      }
    }
    if (report.added.length || report.updated.length) {
      await recordAudit(tx, {
        actor,
        action: 'practices.import',
        subject: 'practices',
        details: { added: report.added.length, updated: report.updated, kept: report.kept.length, unmatched: report.unmatched.map((u) => u.sourceKey) },
      });
    }
    return report;
  });
}

/** True when the library holds no practice at all: only then does the reference bundle load its practices. */
export async function isPracticesEmpty(input: { db: Executor }): Promise<boolean> {
  return (await createImportsRepository(input.db).countAll()) === 0;
}
