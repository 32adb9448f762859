/**
 * Import use case: brings a set of parsed supporter records (from the official `_supporters/*.md` files or from the
 * official CSV) into the registry.
 *
 * Keyed by slug and idempotent: a record whose normalised content hash is unchanged is not touched, a changed one is
 * updated, a new one inserted. Supporters absent from the source are reported, never deleted: removal is a
 * withdrawal, a decision with a reason, not a side effect of a file going missing. Everything happens in one
 * transaction with an audit entry; a source with invalid records changes nothing unless `skipInvalid` is set.
 *
 * The registry's own history wins: an entry published, claimed, edited or withdrawn on the platform is never changed
 * or brought back by an import (an older copy of the source must not undo a decision); the report lists it as kept.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { FieldIssue } from '../../app/http/errors.js';
import type { EventBus } from '../../app/events/events.js';
import { importInvalid } from './supporters.errors.js';
import { forgetFacetCombos } from './supporters.facet-memo.js';
import { buildSearchText, joinedOn, natureKey, sortName, type SupporterRecord } from './supporters.models.js';
import { supporterPolicies } from './supporters.policies.js';
import { createSupportersRepository } from './supporters.repository.js';
import type { SourceIssue } from './supporters.source.js';
import type { NewSupporterRow } from './supporters.tables.js';

export interface ImportReport {
  files: number;
  added: string[];
  updated: string[];
  unchanged: number;
  /** Published supporters the source does not list (kept). */
  notInSource: string[];
  /** Entries the source lists but the platform changed since: left as they are, with the reason. */
  kept: { slug: string; reason: KeptReason }[];
  skipped: string[];
  warnings: SourceIssue[];
  errors: SourceIssue[];
  dryRun: boolean;
}

/** Why an import leaves an entry alone: what the platform did to it. */
export type KeptReason = 'withdrawn' | 'joined' | 'claimed' | 'edited';

/** Thrown inside the transaction to roll a dry run back after computing its report. */
class DryRunRollback extends Error {}

/** A source problem as a field issue: `file.md:12: message`. */
export function toFieldIssue(issue: SourceIssue): FieldIssue {
  return { field: `${issue.source}${issue.line ? `:${issue.line}` : ''}`, message: issue.message, code: issue.code };
}

function recordHash(record: SupporterRecord): string {
  const { source: _source, ...content } = record;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function toRow(record: SupporterRecord): NewSupporterRow {
  return {
    slug: record.slug,
    name: record.name,
    category: record.category,
    nature: record.nature,
    natureKey: natureKey(record.nature),
    countryCode: record.countryCode,
    sourceCountryCode: record.sourceCountryCode,
    website: record.website,
    twitter: record.twitter,
    linkedin: record.linkedin,
    dateSigned: record.dateSigned,
    firstSeen: record.firstSeen,
    ...joinedOn(record),
    statement: record.statement,
    searchText: buildSearchText(record),
    sortName: sortName(record.name),
    status: 'published',
    // Imported entries are vouched for by the official registry, from the day they first appeared there (else joined).
    verificationLevel: 'official-registry',
    verifiedOn: record.firstSeen ?? record.dateSigned,
    source: record.source,
    sourceHash: recordHash(record),
  };
}

export async function importSupporters(input: {
  db: Executor;
  records: SupporterRecord[];
  issues: SourceIssue[];
  files: number;
  /** Who imports: authorized (the secretariat or the system) and named in the audit entry. */
  actor: Actor;
  skipInvalid?: boolean;
  dryRun?: boolean;
  events?: EventBus;
}): Promise<ImportReport> {
  authorize(input.actor, supporterPolicies.import, undefined);
  const errors = input.issues.filter((i) => i.severity === 'error');
  const report: ImportReport = {
    files: input.files,
    added: [],
    updated: [],
    unchanged: 0,
    notInSource: [],
    kept: [],
    skipped: [...new Set(errors.map((e) => e.source))],
    warnings: input.issues.filter((i) => i.severity === 'warning'),
    errors,
    dryRun: input.dryRun ?? false,
  };
  if (errors.length > 0 && !input.skipInvalid) throw importInvalid({ errors: report.skipped.length }, errors.map(toFieldIssue));

  try {
    await input.db.transaction(async (tx) => {
      const repository = createSupportersRepository(tx);
      // Two imports at once would race on the same slugs; the second waits for the first to commit.
      await repository.lockForImport();
      const existing = new Map((await repository.listAll()).map((row) => [row.slug, row]));
      const seen = new Set<string>();
      const inserts: NewSupporterRow[] = [];
      for (const record of input.records) {
        if (seen.has(record.slug)) {
          report.warnings.push({ source: record.source, severity: 'warning', code: 'supporters.source.duplicate-slug', message: `slug "${record.slug}" appears twice; the first one is kept` });
          continue;
        }
        seen.add(record.slug);
        const row = toRow(record);
        const current = existing.get(record.slug);
        const keptReason: KeptReason | null = current?.withdrawnOn ? 'withdrawn' : ((current?.platformChange as KeptReason | null | undefined) ?? null);
        if (keptReason) {
          if (current?.sourceHash !== row.sourceHash) report.kept.push({ slug: record.slug, reason: keptReason });
          else report.unchanged += 1;
          continue;
        }
        if (!current) {
          inserts.push(row);
          report.added.push(record.slug);
        } else if (current.sourceHash !== row.sourceHash || current.status !== 'published') {
          await repository.updateBySlug(record.slug, row);
          report.updated.push(record.slug);
        } else {
          report.unchanged += 1;
        }
      }
      await repository.insertMany(inserts);
      report.notInSource = [...existing.values()].filter((r) => r.status === 'published' && !seen.has(r.slug)).map((r) => r.slug);
      await recordAudit(tx, {
        actor: actorRef(input.actor),
        action: 'supporters.import',
        details: {
          files: report.files,
          added: report.added.length,
          updated: report.updated,
          unchanged: report.unchanged,
          skipped: report.skipped,
          kept: report.kept,
          notInSource: report.notInSource,
        },
      });
      if (report.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  if (!report.dryRun && (report.added.length || report.updated.length)) {
    // Fresh planner statistics: PGlite has no autovacuum, and a bulk import changes the table's shape.
    await createSupportersRepository(input.db).analyze();
    forgetFacetCombos();
    input.events?.emit('registry.changed', { reason: 'import' });
  }
  return report;
}
