/** The request's form (pages and API share it) and the API's shapes, the single source of validation and of OpenAPI. */
import { z } from 'zod';
import { tlpLabels } from '../../app/authz/tlp.js';
import { pagingQuery } from '../../app/http/paging.js';
import { outcomes, papLabels, requestKinds, requestStates, sectorNames, urgencyNames } from './requests.constants.js';

const contactRoles = ['diplomatic', 'technical', 'policy', 'legal', 'psirt'] as const;
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const requestFormSchema = z.object({
  kind: z.enum(requestKinds),
  senderSupporterId: z.string().min(1).describe('The organisation the sender is a designated contact of, in whose name the request is sent'),
  recipientSupporterId: z.string().min(1).describe('The organisation whose contact point receives it'),
  recipientRole: optional(z.enum(contactRoles)).describe('Only its contacts of this role'),
  urgency: z.enum(urgencyNames as [string, ...string[]]).transform((v) => v as (typeof urgencyNames)[number]),
  sector: z.enum(sectorNames as [string, ...string[]]).transform((v) => v as (typeof sectorNames)[number]),
  requestedAction: z.string().trim().min(1).max(2_000),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  language: z.enum(['en', 'fr']),
  tlp: z.enum(tlpLabels).describe('Exactly one TLP 2.0 label; it decides who may read, forward and export the request'),
  pap: optional(z.enum(papLabels)),
});
export type RequestForm = z.output<typeof requestFormSchema>;

/** Field → catalog key of what is wrong with it. */
export function parseRequestForm(raw: unknown): { ok: true; value: RequestForm } | { ok: false; errors: Record<string, string> } {
  const parsed = requestFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.code === 'too_big' ? 'error.tooLong' : issue.code === 'invalid_type' || issue.code === 'too_small' ? 'error.required' : 'error.choice';
  }
  return { ok: false, errors };
}

export const requestParamsSchema = z.object({ request: z.string().min(1).max(64) });

export const requestListQuerySchema = z.strictObject({
  ...pagingQuery(100),
  box: z.enum(['inbox', 'sent', 'community']).optional(),
  state: z.enum(requestStates).optional(),
  tlp: z.enum(tlpLabels).optional(),
  urgency: z.enum(urgencyNames as [string, ...string[]]).optional(),
});

const organisation = z.object({ id: z.string(), name: z.string() });
export const requestSummarySchema = z.object({
  id: z.string(),
  tlp: z.enum(tlpLabels),
  kind: z.enum(requestKinds),
  urgency: z.string(),
  sector: z.string(),
  state: z.enum(requestStates),
  outcome: z.enum(outcomes).nullable(),
  from: organisation,
  to: organisation,
  subject: z.string(),
  sentAt: z.string(),
  acknowledgementDueAt: z.string(),
  responseDueAt: z.string(),
});
export const requestListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(requestSummarySchema) });
export const requestDetailSchema = requestSummarySchema.extend({
  pap: z.enum(papLabels).nullable(),
  requestedAction: z.string(),
  body: z.string(),
  language: z.string(),
  sender: z.string().nullable().describe('The sending contact\'s name; null once erased'),
  events: z.array(z.object({ kind: z.string(), at: z.string(), by: z.string().nullable(), organisation: z.string().nullable(), body: z.string().nullable(), language: z.string().nullable(), outcome: z.string().nullable() })),
});
export const publishedListSchema = z.object({ items: z.array(requestSummarySchema.omit({ acknowledgementDueAt: true, responseDueAt: true }).extend({ body: z.string() })) });
