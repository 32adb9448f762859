/** Consultations' request and response shapes (zod), described for the OpenAPI document. */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';
import { pathIdentifier } from '../../shared/text-input.js';
import { maxConsultationsPageSize, outcomes, publications } from './consultations.constants.js';

export const consultationParamsSchema = z.object({ consultation: pathIdentifier(64).describe('The consultation\'s id (`cns_…`)') });
export const inputParamsSchema = consultationParamsSchema.extend({ input: pathIdentifier(64) });
export const groupParamsSchema = z.object({ group: pathIdentifier(200) });

const phaseFilter = z.enum(['open', 'closed', 'concluded']);
/** The list page's filters ('' = any); an unknown value is ignored rather than refused (a hand-edited URL). */
export const listPageQuerySchema = z.object({ phase: phaseFilter.or(z.literal('')).catch(''), group: z.string().max(200).catch('') }).catch({ phase: '', group: '' });

export const consultationListQuerySchema = z.strictObject({
  ...pagingQuery(maxConsultationsPageSize),
  state: phaseFilter.optional().describe('`open` (taking inputs), `closed` (deadline passed, dispositions in preparation) or `concluded` (synthesis published)'),
  group: z.string().max(200).optional().describe('A working group\'s slug'),
});

const localized = z.object({ en: z.string().optional(), fr: z.string().optional() }).describe('Text per language; a language not translated is absent');

export const consultationSummarySchema = z.object({
  id: z.string(),
  group: z.object({ slug: z.string(), name: localized }),
  title: localized,
  introduction: localized,
  kind: z.enum(['draft', 'questions']),
  audience: z.enum(['supporters', 'public']).describe('Who may comment: representatives of registry organisations, or anyone signed in'),
  language: z.string().describe('The language of the text'),
  state: z.enum(['open', 'closed', 'concluded']),
  opensAt: z.string().nullable().describe('ISO 8601, UTC'),
  closesAt: z.string().describe('The deadline, ISO 8601, UTC'),
  timeZone: z.string().describe('The IANA time zone the deadline was given in'),
  closesAtLocal: z.string().describe('The deadline as local time in `timeZone`, with its UTC offset (`2027-01-15T18:00+01:00`)'),
  concludedAt: z.string().nullable(),
  path: z.string().describe('The page, after the language prefix'),
});

export const consultationListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(consultationSummarySchema) });

const paragraphSchema = z.object({ number: z.number().int(), body: z.string() });
export const consultationDetailSchema = consultationSummarySchema.extend({
  paragraphs: z.array(paragraphSchema).describe('The numbered paragraphs (or questions) of the text consulted on'),
  synthesis: localized,
  revised: z.array(paragraphSchema.extend({ changedBy: z.array(z.number().int()).describe('Numbers of the inputs that changed it') })).describe('The revised text, once concluded'),
});

export const publicInputSchema = z.object({
  number: z.number().int(),
  paragraph: z.number().int().nullable().describe('null: on the text as a whole'),
  publication: z.enum(publications).exclude(['private']),
  author: z.string().nullable().describe('The name, for an input published with it; null for an anonymous one'),
  organisation: z.string().nullable(),
  language: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const publicInputsSchema = z.object({ consultation: z.string(), items: z.array(publicInputSchema) });

const dispositionVersionSchema = z.object({ version: z.number().int(), outcome: z.enum(outcomes), reason: z.string(), decidedAt: z.string() });
export const publicDispositionSchema = z.object({
  input: z.number().int(),
  paragraph: z.number().int().nullable(),
  author: z.string().nullable(),
  organisation: z.string().nullable(),
  outcome: z.enum(outcomes),
  reason: z.string(),
  version: z.number().int(),
  decidedAt: z.string(),
  history: z.array(dispositionVersionSchema).describe('Every published version, oldest first'),
});
export const publicDispositionsSchema = z.object({ consultation: z.string(), items: z.array(publicDispositionSchema) });
