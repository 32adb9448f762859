/**
 * What the practice library lists on other modules' pages: on a principle's and a norm's page, the published practices
 * and case studies linked to it and the supporters behind them; on a supporter's page, its own. Names come from the
 * registry (its exported read use case, published entries only, linked to their page), else from the practice's
 * attribution ("G7 states"). Practices link to their public page, `/practices/:id`.
 */
import type { ContributionGroup, ContributionItem, ContributionSource, ContributionSubject } from '../../../app/contributions.js';
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import type { Localized } from '../practices/practices.tables.js';
import { contributionsMessages } from './contributions.messages.js';
import { createContributionsRepository, type ListedPractice, type PracticeFilter, type PracticeGroup } from './contributions.repository.js';

/** Items shown per group; the rest are one link away (the library, filtered). */
export const contributionsShown = 25;

/** The text in the page's language, else in the other one, with the language it is in. */
function inLocale(text: Localized | null, locale: Locale): { text: string; lang?: Locale } | null {
  if (!text) return null;
  const own = text[locale];
  if (own) return { text: own };
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  const fallback = text[other];
  return fallback ? { text: fallback, lang: other } : null;
}

interface Registry {
  get(id: string): { name: string; slug: string } | undefined;
}

/** The registry's published entries among the ids: a withdrawn entry is named by the practice's attribution, unlinked. */
async function readRegistry(db: Executor, ids: Array<string | null>): Promise<Registry> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await listSupportersByIds(db, wanted);
  const published = new Map(rows.filter((row) => row.status === 'published').map((row) => [row.id, { name: row.name, slug: row.slug }]));
  return { get: (id) => published.get(id) };
}

function backerOf(registry: Registry, supporterId: string | null, attribution: Localized | null, locale: Locale): ContributionItem['by'] | undefined {
  const entry = supporterId ? registry.get(supporterId) : undefined;
  if (entry) return { name: entry.name, supporterSlug: entry.slug };
  const name = inLocale(attribution, locale);
  return name ? { name: name.text } : undefined;
}

/** What the library is filtered by on the subject's page; a working group's page lists no practices. */
function filterOf(subject: ContributionSubject): PracticeFilter | null {
  if ('group' in subject) return null;
  return 'principle' in subject ? { principle: subject.principle } : 'norm' in subject ? { norm: subject.norm } : { supporterId: subject.supporter };
}

/** The library filtered as the group is, where the rest of a long group is. */
function moreOf(subject: ContributionSubject): string | undefined {
  if ('principle' in subject) return `/practices?principle=${subject.principle}`;
  if ('norm' in subject) return `/practices?norm=${subject.norm}`;
  return undefined;
}

export const practicesContributions: ContributionSource = {
  name: 'norms.practices',

  async list(db, subject, locale) {
    const t = contributionsMessages(locale);
    const repository = createContributionsRepository(db);
    const filter = filterOf(subject);
    if (!filter) return [];
    const ownPage = 'supporter' in subject;
    const kinds: Array<[PracticeGroup, string]> = [
      ['practices', t('contributions.practices')],
      ['case-studies', t('contributions.caseStudies')],
    ];
    const listed = await Promise.all(
      kinds.map(async ([group]) => ({ rows: await repository.listPublished(filter, group, contributionsShown), total: await repository.countPublished(filter, group) })),
    );
    const backers = ownPage ? [] : await repository.backers(filter);
    const registry = await readRegistry(db, [...listed.flatMap(({ rows }) => rows.map((row) => row.supporterId)), ...backers.map((b) => b.supporterId)]);

    const item = (row: ListedPractice): ContributionItem => {
      const title = inLocale(row.title, locale) ?? { text: row.id };
      const by = ownPage ? undefined : backerOf(registry, row.supporterId, row.attribution, locale);
      return {
        path: `/practices/${row.id}`,
        title: title.text,
        ...(title.lang ? { lang: title.lang } : {}),
        ...(by ? { by } : {}),
        ...(row.year ? { note: String(row.year) } : {}),
      };
    };
    const more = moreOf(subject);
    const groups: ContributionGroup[] = kinds.map(([key, heading], index) => ({
      key,
      heading,
      items: listed[index]!.rows.map(item),
      total: listed[index]!.total,
      ...(more ? { more } : {}),
      // A principle's or a norm's page says when nothing is reported yet; a supporter's page shows only what it has.
      ...(key === 'practices' && !ownPage ? { empty: t('contributions.practices.none') } : {}),
    }));
    if (!ownPage) {
      const behind = backers
        .map((backer) => ({ by: backerOf(registry, backer.supporterId, backer.attribution, locale), count: backer.practices }))
        .filter((backer): backer is { by: NonNullable<ContributionItem['by']>; count: number } => backer.by !== undefined)
        .sort((a, b) => a.by.name.localeCompare(b.by.name, locale));
      groups.push({
        key: 'supporters',
        heading: t('contributions.supporters'),
        items: behind.map(({ by, count }) => ({
          ...(by.supporterSlug ? { path: `/supporters/${encodeURIComponent(by.supporterSlug)}` } : {}),
          title: by.name,
          note: t('contributions.supporters.count', { count }),
        })),
        total: behind.length,
      });
    }
    return groups;
  },
};
