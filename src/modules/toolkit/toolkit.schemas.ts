/** What crosses the toolkit's edge: the read API's query strings and responses, each field described for OpenAPI. */
import { pagingQuery } from '../../app/http/paging.js';
import { z } from 'zod';
import { textInput } from '../../shared/text-input.js';
import { organisationKinds } from './toolkit.applicability.js';
import { cellStatuses, frameworkCategories, maxApiPageSize, principleKeys, recipientKinds, type FrameworkCategory } from './toolkit.constants.js';

export const listQuerySchema = z.strictObject({
  ...pagingQuery(maxApiPageSize),
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

/** An action code in a page's path (`a4`, `A4`). */
export const actionParamsSchema = z.object({ code: cellParamsSchema.shape.action });

/** A framework key in a page's path (`pp-5`). */
export const frameworkParamsSchema = z.object({ key: cellParamsSchema.shape.framework });

/** A select's "any" option sends an empty value: it means no filter. */
const optional = <T extends z.ZodType>(item: T) =>
  z
    .union([z.literal(''), item])
    .optional()
    .transform((v) => (v === '' || v === undefined ? undefined : (v as z.output<T>)));

/** The matrix page's filters (a GET form); unknown parameters are ignored. */
export const matrixQuerySchema = z.object({
  category: optional(z.enum(frameworkCategories as [FrameworkCategory, ...FrameworkCategory[]])),
  recipient: optional(z.enum(recipientKinds)),
  documentType: optional(textInput().trim().max(300)),
  principle: optional(z.enum(principleKeys)),
});

/** The search page's query: words looked for in the quotations. */
export const searchQuerySchema = z.object({ q: optional(textInput().trim().max(200)) });

/** The compare page's frameworks, `?f=pp-5&f=sl-3`; how many may be compared is checked by the page. */
export const compareQuerySchema = z.object({
  f: z
    .union([z.string(), z.array(z.string()).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((key) => key.trim()).filter((key) => key !== '')),
});

const actionCoverageSchema = z.object({
  code: z.string().describe('`A1` … `A25`'),
  title: z.string(),
  principle: z.enum(principleKeys),
  quoted: z.number().int().describe('Frameworks quoting a provision for the action'),
  reviewedAbsent: z.number().int().describe('Frameworks reviewed for the action with nothing found'),
  notReviewed: z.number().int().describe('Frameworks not reviewed for the action'),
  byCategory: z.object(Object.fromEntries(frameworkCategories.map((c) => [c, z.number().int()])) as Record<FrameworkCategory, z.ZodNumber>).describe('`quoted` by framework category'),
});

/** The coverage analytics, as `/api/v1/toolkit/coverage` returns them. */
export const coverageSchema = z.object({
  dataset: z.string().nullable().describe('The data set counted (`wg6-2021`), null when none is loaded'),
  definition: z.string().describe('What is counted'),
  frameworks: z.number().int(),
  actions: z.number().int(),
  quoted: z.number().int().describe('Framework × action pairs with a quotation'),
  reviewedAbsent: z.number().int().describe('Pairs reviewed with nothing found'),
  notReviewed: z.number().int().describe('Pairs not reviewed'),
  perAction: z.array(actionCoverageSchema),
  perPrinciple: z.array(
    z.object({
      principle: z.enum(principleKeys),
      actions: z.array(z.string()),
      pairs: z.number().int().describe('Quoted pairs over the principle\'s actions'),
      meanPerAction: z.number().describe('`pairs` / number of actions, two decimals'),
      frameworksAddressing: z.number().int().describe('Frameworks quoting something for at least one of its actions'),
      frameworksWithout: z.array(z.string()).describe('Names of the frameworks quoting nothing for any of its actions'),
    }),
  ),
  perCategory: z.array(
    z.object({
      category: z.enum(frameworkCategories as [FrameworkCategory, ...FrameworkCategory[]]),
      frameworks: z.number().int(),
      pairs: z.number().int().describe('Quoted pairs of the category\'s frameworks'),
      meanPerFramework: z.number().describe('Actions addressed per framework, two decimals'),
    }),
  ),
  leastCovered: z.array(z.string()).describe('Codes of the five least-covered actions (ties with the fifth included), fewest frameworks first'),
});

/** A checkbox of a GET form: present (`yes`) or absent. */
const checkbox = z
  .union([z.literal('yes'), z.literal('')])
  .optional()
  .transform((v) => v === 'yes');

/** The "my role" form: what the organisation is and its part in ICT products and services; no kind shows the form alone. */
export const myRoleQuerySchema = z.object({
  kind: optional(z.enum(organisationKinds)),
  buys: checkbox,
  develops: checkbox,
});
