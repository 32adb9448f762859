/** The API's shapes, each field described for the OpenAPI document. */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';
import { answerStates, caseMarkings, participantStates } from './cases.constants.js';

export const caseParamsSchema = z.object({ case: z.string().regex(/^cas_[\w-]{1,40}$/).describe('The case id (`cas_…`)') });
export const caseQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page of participants, from 1') });
export const advisoryParamsSchema = z.object({ id: z.string().min(1).max(120).describe('The advisory\'s CSAF tracking id (`PCP-CVD-…`)') });
export const advisoriesQuerySchema = z.object({ ...pagingQuery(100) });

const vulnerabilityInput = {
  vulnerabilityTitle: z.string().max(300).describe('Title of the (first) vulnerability'),
  cwe: z.string().max(20).default('').describe('CWE id (`CWE-79`), checked against the CWE catalogue'),
  cve: z.string().max(30).default('').describe('CVE id (`CVE-2026-12345`)'),
  cvss31: z.string().max(200).default('').describe('CVSS 3.1 vector, every base metric given; scored by ae-cvss-calculator'),
  cvss40: z.string().max(300).default('').describe('CVSS 4.0 vector, every base metric given'),
};

export const openCaseBodySchema = z.object({
  title: z.string().max(300).describe('Title'),
  summary: z.string().max(20000).describe('Summary'),
  language: z.enum(['en', 'fr']).describe('Language of the title and summary'),
  marking: z.enum(caseMarkings).default('AMBER').describe('TLP 2.0 marking of the case before publication'),
  as: z.string().optional().describe('Coordinating organisation (an id the caller is a designated contact of) or `secretariat`'),
  products: z.array(z.string().max(200)).max(50).default([]).describe('The coordinating organisation\'s affected products'),
  ...vulnerabilityInput,
});

export const answersBodySchema = z.object({
  answers: z.record(z.string().max(60), z.enum(answerStates)).describe('Vulnerability id → the caller\'s organisation\'s answer'),
});

const vulnerabilitySchema = z.object({
  id: z.string(), title: z.string(), cwe: z.string().nullable(), cve: z.string().nullable(),
  cvss31: z.object({ vector: z.string(), baseScore: z.number() }).nullable(),
  cvss40: z.object({ vector: z.string(), baseScore: z.number() }).nullable(),
});

export const caseSummarySchema = z.object({
  id: z.string(), title: z.string(), marking: z.string().describe('TLP 2.0 label'), state: z.enum(['open', 'published']),
  embargo: z.object({ at: z.string().describe('UTC'), timeZone: z.string().describe('IANA zone it was set in'), version: z.number() }).nullable(),
  trackingId: z.string().nullable(),
});

export const caseListQuerySchema = z.object({ ...pagingQuery(100) });
export const caseListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(caseSummarySchema) });

export const caseSchema = caseSummarySchema.extend({
  summary: z.string(), language: z.string(), coordinator: z.string().nullable().describe('Coordinating organisation, null for the secretariat'),
  vulnerabilities: z.array(vulnerabilitySchema),
  participants: z.object({
    total: z.number(), page: z.number(), pages: z.number(),
    items: z.array(z.object({
      id: z.string(), organisation: z.string(), acknowledgedEmbargo: z.boolean(), statementState: z.string(),
      states: z.record(z.string(), z.enum(participantStates)).describe('Vulnerability id → answer (`no-response` until the organisation answers)'),
    })),
  }),
});

export const advisorySummarySchema = z.object({ trackingId: z.string(), title: z.string(), publishedAt: z.string(), csaf: z.string().describe('URL of the CSAF 2.0 document') });
export const advisoryListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(advisorySummarySchema) });
