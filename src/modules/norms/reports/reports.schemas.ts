/**
 * What crosses the reports' edge: path parameters, the read API's queries and responses (each field described for
 * OpenAPI), and the shape of a section's content wherever it enters.
 */
import { z } from 'zod';
import { pagingQuery } from '../../../app/http/paging.js';
import { pathIdentifier, textInput } from '../../../shared/text-input.js';
import { firstReportYear, maxAnswerLength, maxReportsPageSize, reportLanguages, visibilities } from './reports.constants.js';
import { subjects } from './reports.models.js';
import type { ReportSectionContent } from './reports.tables.js';

const year = z.coerce.number().int().min(firstReportYear).max(2100);
const answer = textInput({ multiline: true, error: 'reports.error.control' }).trim().max(maxAnswerLength, { error: 'reports.error.tooLong' });
const localizedAnswer = z.strictObject({ en: answer.min(1).optional(), fr: answer.min(1).optional() });

/** A section's content as stored (and as the use cases accept it). */
export const sectionContentSchema = z.strictObject({
  inPlace: localizedAnswer,
  lessons: localizedAnswer,
  challenges: localizedAnswer,
  assistanceNeeded: localizedAnswer,
  assistanceOffered: localizedAnswer,
  practiceIds: z.array(pathIdentifier(64)).max(200),
}) satisfies z.ZodType<ReportSectionContent>;

export const visibilitySchema = z.enum(visibilities);
export const languageSchema = z.enum(reportLanguages);
export const subjectSchema = z.enum(subjects as [string, ...string[]]);

/** `/account/organisations/:supporterId/reports…` */
export const workspaceParamsSchema = z.object({ supporterId: pathIdentifier(64) });
export const reportParamsSchema = workspaceParamsSchema.extend({ year });
/** `…/sections/:subject`, the subject written `norm-13a`. */
export const sectionParamsSchema = reportParamsSchema.extend({ subject: z.string().regex(/^(norm-13[a-k]|principle-[1-9])$/) });
/** `/reports/:supporterSlug/:year` */
export const publicReportParamsSchema = z.object({ supporterSlug: pathIdentifier(200), year });

const filters = {
  supporter: pathIdentifier(200).optional().describe('An organisation, by its registry slug'),
  year: year.optional().describe('The year reported on'),
  subject: subjectSchema.optional().describe('Only reports with a public section on this subject: `norm:13a` … `norm:13k`, `principle:1` … `principle:9`'),
};
export const reportListQuerySchema = z.strictObject({ ...pagingQuery(maxReportsPageSize), ...filters });
export const sectionExportQuerySchema = z.strictObject(filters);
export type ReportFilters = { supporter?: string | undefined; year?: number | undefined; subject?: string | undefined };

const localizedOut = z
  .object({ en: z.string().optional(), fr: z.string().optional() })
  .describe('Markdown per language: the report\'s `original` language, and the other when a translation was given');

export const publicSectionSchema = z.object({
  subject: z.string().describe('`norm:13a` … `norm:13k` or `principle:1` … `principle:9`'),
  inPlace: localizedOut.describe('What is in place'),
  lessons: localizedOut.describe('Lessons learned'),
  challenges: localizedOut.describe('Challenges'),
  assistanceNeeded: localizedOut.describe('Assistance needed'),
  assistanceOffered: localizedOut.describe('Assistance offered'),
  practiceIds: z.array(z.string()).describe('The organisation\'s practices in the library the section points to'),
  updatedAt: z.string().describe('When the section was last saved (ISO 8601)'),
});

const supporterRef = z.object({ slug: z.string(), name: z.string() }).describe('The organisation, as in the registry');

export const reportSummarySchema = z.object({
  id: z.string(),
  supporter: supporterRef,
  year: z.number().int(),
  original: languageSchema.describe('The language the report is written in; the other one, where present, is a translation'),
  publishedAt: z.string().describe('ISO 8601'),
  path: z.string().describe('The report\'s page, after the language prefix (`/reports/<slug>/<year>`)'),
  sections: z.array(publicSectionSchema).describe('Its public sections only, in report order'),
});

export const reportListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(reportSummarySchema),
});

export const sectionExportSchema = z.object({
  items: z.array(
    publicSectionSchema.extend({
      reportId: z.string(),
      supporter: supporterRef,
      year: z.number().int(),
      original: languageSchema,
    }),
  ),
});
