/** The incidents' API shapes (zod), described for OpenAPI. */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';

export const incidentParamsSchema = z.strictObject({ incident: z.string().regex(/^inc_[A-Za-z0-9_-]{1,40}$/).describe('The incident\'s id (`inc_…`)') });
export const incidentsListQuerySchema = z.strictObject({ ...pagingQuery(100) });

const clockSchema = z.object({
  kind: z.enum(['early-warning', 'notification', 'final-report']),
  dueAt: z.string().describe('Deadline, ISO 8601 in UTC'),
  dueLocal: z.string().describe('Deadline in the incident\'s time zone, `YYYY-MM-DD HH:MM`, with `offset`'),
  offset: z.string(),
  sentAt: z.string().nullable(),
  provisional: z.boolean().describe('The final report counted from the notification\'s deadline, until the notification is sent'),
  state: z.enum(['sent', 'sent-late', 'open', 'overdue']),
});

export const classificationSchema = z.object({
  nciss: z.object({ score: z.number().describe('0–100, weighted arithmetic mean'), level: z.number().int().describe('0 Baseline … 5 Emergency') }),
  ncsc: z.object({ category: z.number().int().describe('1 (national cyber emergency) … 6 (localised incident)') }),
  rsit: z.object({ class: z.string(), type: z.string(), machineTag: z.string().describe('`rsit:<class>="<type>"`') }),
  nis: z.object({ rootCause: z.string(), threatSeverity: z.string(), impactSeverity: z.string().describe('red, yellow, green or white'), expectedRootCause: z.string().nullable() }),
  crosswalk: z.object({
    commonLevel: z.number().int().nullable(), ncscAgrees: z.boolean(), euImpactAgrees: z.boolean(), rootCauseAgrees: z.boolean(),
    levelFromNcsc: z.number().int().nullable(), levelsFromEuImpact: z.array(z.number().int()),
  }),
});

export const incidentSchema = z.object({
  id: z.string(),
  tlp: z.string().describe('TLP 2.0 label: CLEAR, GREEN, AMBER, AMBER+STRICT or RED; shown only to those it allows'),
  organisation: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  detectedAt: z.string(),
  awareAt: z.string(),
  timeZone: z.string().describe('IANA zone the times were given in'),
  sectors: z.array(z.string()).describe('NIS2 sectors'),
  countries: z.array(z.string()).describe('ISO 3166-1 alpha-3'),
  usersAffected: z.number().int().nullable(),
  outlook: z.string(),
  facts: z.record(z.string(), z.unknown()).describe('What the reporter gave each frame (option keys)'),
  configVersion: z.number().int().describe('The NCISS configuration version it was scored with'),
  classification: classificationSchema,
  clocks: z.array(clockSchema),
});

export const incidentListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(incidentSchema) });

export const framesSchema = z.object({
  nciss: z.object({
    version: z.number().int(),
    weights: z.record(z.string(), z.number()),
    bands: z.array(z.number()).describe('Lowest score of Emergency, Severe, High, Medium, Low'),
    categories: z.array(z.object({ key: z.string(), multiple: z.boolean(), options: z.array(z.object({ key: z.string(), value: z.number(), label: z.object({ en: z.string(), fr: z.string() }) })) })),
    source: z.string(),
  }),
  ncsc: z.array(z.object({ category: z.number().int(), label: z.object({ en: z.string(), fr: z.string() }) })),
  rsit: z.array(z.object({ key: z.string(), types: z.array(z.object({ key: z.string(), machineTag: z.string() })) })),
  nis: z.object({ rootCauses: z.array(z.string()), impactSeverities: z.array(z.string()), threatSeverities: z.array(z.string()), outlooks: z.array(z.string()), sectors: z.array(z.string()) }),
  crosswalk: z.object({ levels: z.array(z.record(z.string(), z.unknown())), rootCauses: z.array(z.record(z.string(), z.unknown())) }),
});
