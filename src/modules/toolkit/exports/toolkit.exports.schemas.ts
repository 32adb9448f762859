/**
 * What crosses the edge of the toolkit's exports and of its read API beyond the two lists: filters (shared by the API
 * and the CSV downloads, so a view filtered on the matrix downloads as it is shown), paths and responses.
 */
import { pagingQuery } from '../../../app/http/paging.js';
import { z } from 'zod';
import { cellStatuses, frameworkCategories, maxApiPageSize, principleKeys, recipientKinds, type FrameworkCategory } from '../toolkit.constants.js';
import { actionSchema, frameworkSchema } from '../toolkit.schemas.js';

/**
 * A filter may be repeated (`?category=public-policy&category=intergovernmental`): both forms become a list, combined
 * with OR; an empty value means no filter (a form's "any" option), as in the registry's filters.
 */
const many = <T extends z.ZodType>(item: T) => {
  const value = z.union([z.literal(''), item]);
  return z
    .union([value, z.array(value)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '') as Array<z.output<T>>);
};

export const frameworkKeySchema = z.string().regex(/^[a-z]{2}-\d{1,3}$/, 'must be a framework key such as pp-5');
export const actionCodeSchema = z
  .string()
  .regex(/^[aA]([1-9]|1\d|2[0-5])$/, 'must be an action code from A1 to A25')
  .transform((code) => code.toUpperCase());

const filters = {
  framework: many(frameworkKeySchema).describe('Framework key (`pp-5`); repeat to combine (OR)'),
  action: many(actionCodeSchema).describe('Action code (`A4`, case-insensitive); repeat to combine'),
  status: many(z.enum(cellStatuses)).describe('`quoted` (a provision is quoted) or `reviewed-absent` (reviewed, nothing found)'),
  category: many(z.enum(frameworkCategories as [FrameworkCategory, ...FrameworkCategory[]])).describe('Framework category (the workbook sheet); repeat to combine'),
  principle: many(z.enum(principleKeys)).describe('OECD principle of the action; repeat to combine'),
  recipient: many(z.enum(recipientKinds)).describe('Frameworks marking this recipient (`states`, `private-sector`, `individuals`); repeat to combine'),
};

/** Filters of the cells (API and cells.csv). */
export const cellFiltersSchema = z.object(filters);
/** Filters of frameworks.csv: those that apply to a framework. */
export const frameworkFiltersSchema = z.object({ framework: filters.framework, category: filters.category, recipient: filters.recipient });
/** Filters of actions.csv: those that apply to an action. */
export const actionFiltersSchema = z.object({ action: filters.action, principle: filters.principle });

const paging = pagingQuery(maxApiPageSize);
export const cellListQuerySchema = cellFiltersSchema.extend(paging);
export const datasetListQuerySchema = z.object(paging);

export const frameworkParamsSchema = z.object({ key: frameworkKeySchema.describe('Framework key, `pp-5`') });
export const actionParamsSchema = z.object({ code: actionCodeSchema.describe('Action code, `A4`') });

export const cellSchema = z.object({
  framework: z.string().describe('Framework key'),
  frameworkName: z.string(),
  category: z.enum(frameworkCategories as [string, ...string[]]),
  action: z.string().describe('`A1` … `A25`'),
  principle: z.enum(principleKeys),
  status: z.enum(cellStatuses).describe('`quoted`, or `reviewed-absent`: reviewed, nothing found (a pair without a cell was not reviewed)'),
  quotation: z.string().nullable().describe('The provision as WG6 quoted or summarised it, as published'),
  locator: z.string().nullable().describe('The provision cited, read from the bold opening of the cell: a suggestion, not reviewed'),
  source: z.string().describe('Workbook cell of this pair, `sheet!cell`'),
  mergedRange: z.string().nullable().describe('The merged range the value spans (`H9:I9`): one text for several actions'),
});

export const cellListSchema = z.object({
  dataset: z.string().describe('The data set listed (`wg6-2021`)'),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(cellSchema),
});

export const frameworkDetailSchema = frameworkSchema.extend({ dataset: z.string(), cells: z.array(cellSchema) });
export const actionDetailSchema = actionSchema.extend({ dataset: z.string(), cells: z.array(cellSchema) });

export const datasetSchema = z.object({
  key: z.string().describe('Stable key of the layer (`wg6-2021`)'),
  name: z.string(),
  immutable: z.boolean().describe('True for a layer as published by its authors: never changed'),
  version: z.string().describe('Version date of the source (YYYY-MM-DD)'),
  source: z.string().describe('The files the layer was read from'),
  sha256: z.string().describe('sha256 of the workbook read'),
  anomalies: z.number().int().describe('What the importer noticed and reported, with its cell (merges, whitespace, formulas…)'),
  frameworks: z.number().int(),
  cells: z.number().int().describe('Reviewed framework × action pairs'),
  description: z.string().nullable().describe('What a curated layer is for; null for a published layer'),
});

export const datasetListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(datasetSchema),
});
