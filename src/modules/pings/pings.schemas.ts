/** The pings' API shapes (zod: validation, types and the OpenAPI document). Instants are UTC (ISO 8601 with `Z`). */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';

export const exerciseParamsSchema = z.object({ exercise: z.string().min(1).max(64) });
export const contactParamsSchema = z.object({ contact: z.string().min(1).max(64) });
export const exercisesQuerySchema = z.strictObject({ ...pagingQuery(100) });

const seconds = z.number().nullable().describe('Seconds; median and 90th percentile interpolated between the closest ranks');

export const figuresSchema = z.object({
  targets: z.number().int().describe('Contacts tried'),
  acknowledgedTargets: z.number().int(),
  unreachable: z.number().int(),
  pending: z.number().int(),
  successRate: z.number().nullable().describe('Acknowledged contacts over contacts whose outcome is known'),
  sent: z.number().int(),
  acknowledged: z.number().int(),
  escalations: z.number().int(),
  medianSeconds: seconds,
  p90Seconds: seconds,
  channels: z.array(z.object({ channel: z.string(), sent: z.number().int(), acknowledged: z.number().int(), medianSeconds: seconds, p90Seconds: seconds })),
});

export const exerciseSchema = z.object({
  id: z.string(),
  organisation: z.string().nullable().describe('The organisation a contact ran it for; null: the secretariat'),
  scope: z.array(z.string()).describe('Organisations covered (empty: all)'),
  roles: z.array(z.string()),
  channels: z.array(z.string()),
  windowMinutes: z.number().int(),
  scheduledAt: z.string(),
  timeZone: z.string(),
  state: z.enum(['scheduled', 'running', 'completed', 'cancelled']),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  figures: figuresSchema,
});

export const pingSchema = z.object({
  id: z.string(),
  exercise: z.string(),
  contact: z.string(),
  contactName: z.string(),
  organisation: z.string(),
  channel: z.string(),
  step: z.number().int(),
  sentAt: z.string(),
  dueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  via: z.enum(['link', 'api', 'code', 'operator']).nullable(),
  secondsToAcknowledge: z.number().nullable(),
  contactTimeZone: z.string(),
});

export const organisationFiguresSchema = z.object({ organisation: z.string(), name: z.string(), figures: figuresSchema });

export const exerciseListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(exerciseSchema) });
export const exerciseDetailSchema = exerciseSchema.extend({ organisations: z.array(organisationFiguresSchema), pings: z.array(pingSchema) });
export const contactHistorySchema = z.object({ contact: z.string(), name: z.string(), figures: figuresSchema, pings: z.array(pingSchema) });
export const statisticsSchema = z.object({ since: z.string(), figures: figuresSchema, organisations: z.array(organisationFiguresSchema) });

export const acknowledgeBodySchema = z.object({ token: z.string().min(1).max(200).describe('The token of the acknowledgement link (its last path segment): the ping\'s nonce') });
export const acknowledgedSchema = z.object({ ping: z.string(), acknowledgedAt: z.string(), recorded: z.boolean().describe('False when it was already acknowledged: nothing changed') });
