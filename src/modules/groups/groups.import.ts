/**
 * Loading the six working groups of the reference bundle (first start, `pariscall import`): each group with its
 * co-chair organisations (linked to their registry entries, matched by exact name) and its published deliverables.
 * Idempotent: a group is found again by its source key; a group edited on the platform (`edited_by`) keeps its name,
 * mandate and co-chairs; a deliverable already there is left as it is. One transaction, one audit entry.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { findSupportersByName } from '../supporters/supporters.usecases.js';
import type { ReferenceGroup } from './groups.models.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';

export interface GroupsImportReport {
  added: string[];
  updated: string[];
  /** Edited on the platform: left alone. */
  keptEdited: string[];
  coChairs: number;
  /** Co-chair organisations linked to a registry entry, and those shown by name (distinct names). */
  matched: string[];
  unmatched: string[];
  documentsAdded: number;
}

/** The registry entry of that exact name (case and spacing aside), if any. */
async function registryEntry(db: Executor, name: string): Promise<string | null> {
  const wanted = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const candidates = await findSupportersByName(db, name, 50);
  return candidates.find((c) => c.name.toLowerCase().replace(/\s+/g, ' ').trim() === wanted)?.id ?? null;
}

export async function importReferenceGroups(input: { db: Executor; actor: Actor; groups: readonly ReferenceGroup[] }): Promise<GroupsImportReport> {
  authorize(input.actor, groupsPolicies.import, undefined);
  const by = actorRef(input.actor);
  const report: GroupsImportReport = { added: [], updated: [], keptEdited: [], coChairs: 0, matched: [], unmatched: [], documentsAdded: 0 };
  const matched = new Set<string>();
  const unmatched = new Set<string>();
  await input.db.transaction(async (tx) => {
    const repository = createGroupsRepository(tx);
    for (const source of input.groups) {
      const existing = await repository.findBySourceKey(source.sourceKey);
      const fields = { number: source.number, slug: source.slug, name: source.name, mandate: source.mandate };
      let group = existing;
      if (!existing) {
        group = await repository.insertGroup({ ...fields, sourceKey: source.sourceKey, createdBy: by });
        report.added.push(source.slug);
      } else if (existing.editedBy) {
        report.keptEdited.push(existing.slug);
      } else {
        await repository.updateGroup(existing.id, fields);
        report.updated.push(source.slug);
      }
      if (!existing || !existing.editedBy) {
        const rows = [];
        for (const [position, coChair] of source.coChairs.entries()) {
          const supporterId = coChair.registryName ? await registryEntry(tx, coChair.registryName) : null;
          (supporterId ? matched : unmatched).add(coChair.name.en);
          rows.push({ groupId: group!.id, supporterId, name: coChair.name, position, createdBy: by });
        }
        await repository.replaceCoChairs(group!.id, rows);
        report.coChairs += rows.length;
      }
      for (const document of source.documents) {
        if (await repository.documentBySourceKey(document.sourceKey)) continue;
        await repository.insertDocument({
          groupId: group!.id, kind: document.kind, visibility: 'public', title: document.title, officialUrl: document.url, publishedOn: document.publishedOn, sourceKey: document.sourceKey, createdBy: by,
        });
        report.documentsAdded++;
      }
    }
    report.matched = [...matched].sort();
    report.unmatched = [...unmatched].sort();
    await recordAudit(tx, {
      actor: by,
      action: 'groups.import',
      details: { added: report.added.length, updated: report.updated.length, keptEdited: report.keptEdited, coChairs: report.coChairs, matched: report.matched.length, unmatched: report.unmatched, documentsAdded: report.documentsAdded },
    });
  });
  return report;
}

/** True when no group exists: the reference bundle is loaded only then. */
export async function isGroupsEmpty(input: { db: Executor }): Promise<boolean> {
  return createGroupsRepository(input.db).isEmpty();
}
