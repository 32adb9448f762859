/** What crosses the toolkit's edge: the read API's query strings and responses, each field described for OpenAPI. */
import { z } from 'zod';
import { cellStatuses, frameworkCategories, maxApiPageSize, principleKeys } from './toolkit.constants.js';

export const listQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page number, from 1'),
  pageSize: z.coerce.number().int().min(1).max(maxApiPageSize).default(50).describe(`Items per page, at most ${maxApiPageSize}`),
});

/** A framework key (`pp-5`: sheet code and row) and an action code (`A4`, case-insensitive) in a page's path. */
export const cellParamsSchema = z.object({
  framework: z.string().regex(/^[a-z]{2}-\d{1,3}$/),
  action: z
    .string()
    .regex(/^[aA]\d{1,2}$/)
    .transform((code) => code.toUpperCase()),
});

const recipientSchema = z.object({
  marked: z.boolean().describe('Listed as a recipient ("X" in the workbook)'),
  note: z.string().nullable().describe('The text after the mark, e.g. "to EU Member States"'),
  source: z.string().describe('Cell read, `sheet!cell`'),
  merged: z.string().nullable().describe('Merged range the value spans, if any'),
});

export const frameworkSchema = z.object({
  key: z.string().describe('Stable key in the data set: sheet code and row (`pp-5`)'),
  name: z.string(),
  category: z.enum(frameworkCategories as [string, ...string[]]).describe('From the workbook sheet the framework is listed on'),
  documentType: z.string().describe('"Type of document" as published, free text'),
  recipients: z.object({ states: recipientSchema, 'private-sector': recipientSchema, individuals: recipientSchema }),
  resources: z.array(z.string()).describe('Links to the framework'),
  quoted: z.number().int().describe('Actions for which the reviewers quote a provision'),
  reviewedAbsent: z.number().int().describe('Actions reviewed with nothing found'),
  source: z.object({ name: z.string(), type: z.string(), resources: z.string() }).describe('Cells the fields were read from'),
});

export const frameworkListSchema = z.object({
  dataset: z.string().nullable().describe('The data set listed (`wg6-2021`), null when none is loaded'),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(frameworkSchema),
});

export const actionSchema = z.object({
  code: z.string().describe('`A1` … `A25`'),
  principle: z.enum(principleKeys).describe('The OECD high-level principle the action is listed under'),
  title: z.string().describe('Canonical title, from the WG6 report'),
  titleSource: z.string().describe('Where the title is printed, `report p. 13`'),
  workbookTitle: z.string().describe('The title as the workbook spells it'),
  quoted: z.number().int().describe('Frameworks quoting a provision for the action'),
  reviewedAbsent: z.number().int().describe('Frameworks reviewed with nothing found'),
});

export const actionListSchema = z.object({
  dataset: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(actionSchema),
});

export const cellStatusSchema = z.enum(cellStatuses);
