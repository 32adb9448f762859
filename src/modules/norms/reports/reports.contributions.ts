/**
 * What implementation reports add to other modules' pages: on a norm's or a principle's page, the published reports
 * with a public section on it (linked to that section); on a supporter's page, its published reports. Published
 * reports and public sections only: these lists are shown to everyone.
 */
import type { ContributionGroup, ContributionSource, ContributionSubject } from '../../../app/contributions.js';
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { getSupporterBySlug } from '../../supporters/supporters.usecases.js';
import { reportsMessages } from './reports.messages.js';
import { subjectSegment, type Subject } from './reports.models.js';
import { reportPath } from './reports.presenters.js';
import { listPublishedReports } from './reports.queries.js';

/** Reports listed on a norm's or principle's page before "all of them". */
const shownPerPage = 10;

/** The registry id of a supporter page's subject: an id (`sup_…`) as given, else a slug looked up. */
async function supporterIdOf(db: Executor, idOrSlug: string): Promise<string | null> {
  if (idOrSlug.startsWith('sup_')) return idOrSlug;
  return (await getSupporterBySlug(db, idOrSlug))?.id ?? null;
}

async function list(db: Executor, subject: ContributionSubject, locale: Locale): Promise<ContributionGroup[]> {
  const t = reportsMessages(locale);
  if ('supporter' in subject) {
    const supporterId = await supporterIdOf(db, subject.supporter);
    if (!supporterId) return [];
    const { items, total } = await listPublishedReports({ db, filters: { supporterId } });
    if (total === 0) return [];
    return [
      {
        key: 'implementation-reports',
        heading: t('reports.contribution.heading'),
        total,
        items: items.map(({ report, supporter, sections }) => ({
          path: reportPath(supporter.slug, report.year),
          title: t('reports.contribution.title', { year: report.year }),
          note: t('reports.contribution.sections', { count: sections.length }),
        })),
      },
    ];
  }
  if ('group' in subject) return [];
  const about: Subject = 'norm' in subject ? (`norm:${subject.norm}` as Subject) : (`principle:${subject.principle}` as Subject);
  const { items, total } = await listPublishedReports({ db, filters: { subject: about }, page: { offset: 0, limit: shownPerPage } });
  if (total === 0) return [];
  return [
    {
      key: 'implementation-reports',
      heading: t('reports.contribution.heading'),
      total,
      ...(total > items.length ? { more: `/reports?subject=${encodeURIComponent(about)}` } : {}),
      items: items.map(({ report, supporter }) => ({
        path: `${reportPath(supporter.slug, report.year)}#${subjectSegment(about)}`,
        title: t('reports.contribution.title', { year: report.year }),
        by: { name: supporter.name, supporterSlug: supporter.slug },
      })),
    },
  ];
}

export const reportsContributions: ContributionSource = { name: 'implementation-reports', list };
