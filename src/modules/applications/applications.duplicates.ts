import type { Executor } from '../../app/database/database.js';
import { foldText } from '../../shared/text.js';
import { findSupportersMentioningDomain, findSupportersWithSimilarName, type SimilarSupporter } from '../supporters/supporters.queries.js';
import type { ApplicationDuplicate } from './applications.tables.js';
import { domainSpellings, isSharedHostDomain, registrableDomain } from './applications.verification.js';

/**
 * Trigram similarity (pg_trgm) of folded names from which a supporter is flagged: "Societe Generale de Fiction SA" and
 * "Société Générale de Fiction" score 0.93, "Microsoft" and "Microsoft Corporation" 0.45. Names sharing boilerplate
 * score high too ("Ville de Lyon" and "Ville de Lille" 0.63): a flag for the moderator to dismiss, not a verdict.
 */
export const similarityThreshold = 0.45;
export const maxDuplicates = 5;

/**
 * Published supporters that may be the same organisation as an application: a similar name, or a website on the same
 * registrable domain (`www.acme.example` and `shop.acme.example/fr` meet; pages on shared hosts such as facebook.com
 * do not). At most five, most similar name first; when more match, same-domain matches are kept before names. Shown
 * to the moderator, never decided automatically: a faculty and its university may share a domain.
 */
export async function findDuplicates(
  db: Executor,
  input: { name: string; website?: string | null; excludeSupporterId?: string | null },
): Promise<ApplicationDuplicate[]> {
  const folded = foldText(input.name);
  const domain = input.website ? registrableDomain(input.website) : null;
  const sameSite = domain && !isSharedHostDomain(domain) ? domain : null;
  if (!folded && !sameSite) return [];

  const excludeId = input.excludeSupporterId;
  const byName = folded ? await findSupportersWithSimilarName({ db, folded, threshold: similarityThreshold, limit: maxDuplicates, excludeId }) : [];
  // Domains: websites mentioning the domain are candidates; the registrable domain of each decides (`notacme.example`
  // is not `acme.example`).
  const byDomain = sameSite
    ? (await findSupportersMentioningDomain({ db, spellings: domainSpellings(sameSite), folded, limit: 50, excludeId })).filter(
        (row) => row.website !== null && registrableDomain(row.website) === sameSite,
      )
    : [];

  const found = new Map<string, ApplicationDuplicate>();
  for (const row of byDomain.slice(0, maxDuplicates)) found.set(row.supporterId, present(row, 'same-domain'));
  for (const row of byName) if (found.size < maxDuplicates && !found.has(row.supporterId)) found.set(row.supporterId, present(row, 'similar-name'));
  return [...found.values()].sort((a, b) => (b.similarity ?? 0) - (a.similarity ?? 0));
}

function present(row: SimilarSupporter, reason: ApplicationDuplicate['reason']): ApplicationDuplicate {
  return { supporterId: row.supporterId, slug: row.slug, name: row.name, reason, similarity: Math.round(Number(row.similarity) * 100) / 100 };
}
