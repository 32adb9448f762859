/** Reading the registry: the public list and entry (published supporters only), and an organisation's workspace. */
import type { Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import type { FreshnessFilter } from './disclosure.constants.js';
import { policyNotFound } from './disclosure.errors.js';
import { disclosurePolicies } from './disclosure.policies.js';
import { createDisclosureRepository, type PolicyRow, type PublicFilters } from './disclosure.repository.js';
import { registryFields, suggestedUrl } from './disclosure.usecases.js';
import { freshnessFilters } from './disclosure.constants.js';

export type { PolicyRow, PublicFilters };

export interface PublicList {
  items: PolicyRow[];
  total: number;
  /** Entries matching the other filters, per freshness flag. */
  counts: Record<FreshnessFilter, number>;
  facets: { countries: string[]; categories: string[] };
}

export async function listPublicPolicies(input: { db: Executor; filters: PublicFilters; page?: { offset: number; limit: number }; now: Date }): Promise<PublicList> {
  const repository = createDisclosureRepository(input.db);
  const [items, total, facets] = await Promise.all([repository.listPublic(input.filters, input.now, input.page), repository.countPublic(input.filters, input.now), repository.facets()]);
  const counts = Object.fromEntries(
    await Promise.all(freshnessFilters.map(async (freshness) => [freshness, await repository.countPublic({ ...input.filters, freshness }, input.now)] as const)),
  ) as Record<FreshnessFilter, number>;
  return { items, total, counts, facets };
}

/** A published supporter's entry by its registry slug; 404 for anything else. */
export async function publicPolicy(input: { db: Executor; slug: string }): Promise<PolicyRow> {
  const row = await createDisclosureRepository(input.db).findBySlug(input.slug);
  if (!row || row.supporterStatus !== 'published') throw policyNotFound();
  return row;
}

export interface Workspace {
  supporter: { id: string; name: string; slug: string; published: boolean };
  entry: PolicyRow | null;
  suggestedUrl: string | null;
  canWrite: boolean;
}

/** An organisation's entry as its representatives (and the secretariat) manage it; 404 to anyone else. */
export async function policyWorkspace(input: { db: Executor; actor: Actor; supporterId: string }): Promise<Workspace> {
  authorize(input.actor, disclosurePolicies.manage, { supporterId: input.supporterId });
  const fields = await registryFields(input.db, input.supporterId);
  if (!fields) throw policyNotFound();
  const entry = (await createDisclosureRepository(input.db).findBySupporter(input.supporterId)) ?? null;
  return {
    supporter: { id: input.supporterId, name: fields.supporterName, slug: fields.supporterSlug, published: fields.supporterStatus === 'published' },
    entry,
    suggestedUrl: await suggestedUrl(input.db, input.supporterId),
    canWrite: can(input.actor, disclosurePolicies.write, { supporterId: input.supporterId, supporterStatus: fields.supporterStatus }),
  };
}
