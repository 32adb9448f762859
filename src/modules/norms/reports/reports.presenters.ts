/** Reports as the API and the exports give them: public sections only, dates as ISO 8601, the page's path. */
import type { z } from 'zod';
import { sectionFields } from './reports.constants.js';
import type { PublishedReport, ReportRow, SectionRow } from './reports.queries.js';
import type { publicSectionSchema, reportSummarySchema, sectionExportSchema } from './reports.schemas.js';

export function presentSection(section: SectionRow): z.infer<typeof publicSectionSchema> {
  const answers = Object.fromEntries(sectionFields.map((field) => [field, { ...section.content[field] }])) as Pick<z.infer<typeof publicSectionSchema>, (typeof sectionFields)[number]>;
  return { subject: section.subject, ...answers, practiceIds: [...section.content.practiceIds], updatedAt: section.updatedAt.toISOString() };
}

export const reportPath = (supporterSlug: string, year: number) => `/reports/${supporterSlug}/${year}`;

export function presentReport({ report, supporter, sections }: PublishedReport): z.infer<typeof reportSummarySchema> {
  return {
    id: report.id,
    supporter: { slug: supporter.slug, name: supporter.name },
    year: report.year,
    original: report.original as 'en' | 'fr',
    publishedAt: (report.publishedAt ?? report.updatedAt).toISOString(),
    path: reportPath(supporter.slug, report.year),
    sections: sections.map(presentSection),
  };
}

export function presentExportRow(row: { report: ReportRow; supporter: PublishedReport['supporter']; section: SectionRow }): z.infer<typeof sectionExportSchema>['items'][number] {
  return { reportId: row.report.id, supporter: { slug: row.supporter.slug, name: row.supporter.name }, year: row.report.year, original: row.report.original as 'en' | 'fr', ...presentSection(row.section) };
}
