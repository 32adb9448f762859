/**
 * The self-assessment as it crosses the edge (the forms' hidden state, the JSON export and its re-import, the sealed
 * content of a private link): one zod schema, the single source of its validation and types. The JSON Schema
 * published with the export (assessment.json-schema.ts) describes the same shape for other tools.
 */
import { z } from 'zod';
import { resolveCountryCode } from '../../../shared/countries.js';
import { textInput } from '../../../shared/text-input.js';
import { assessmentLimits, exportFormat, exportFormatVersion, maturityLevels, notApplicable, organisationKinds, organisationSizes, type OrganisationKind } from './assessment.constants.js';

export const actionCodeSchema = z.string().regex(/^A([1-9]|1\d|2[0-5])$/, 'an action code, A1 to A25');
export const frameworkKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a framework key');

/** An evidence link: a web address (another scheme could run script where it is shown). */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(assessmentLimits.urlLength)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'a web address starting with https:// or http://');

export const levelSchema = z.union([z.literal(notApplicable), z.number().int().min(0).max(5)]);
export type Level = z.infer<typeof levelSchema>;

/** One action's answer: a level 0–5, or not applicable with the reason why; evidence links either way. */
export const answerSchema = z
  .object({
    level: levelSchema.describe('Maturity 0 (nothing) to 5 (optimised), or "n/a"'),
    justification: textInput({ multiline: true }).trim().max(assessmentLimits.justificationLength).nullable().describe('Why the action does not apply (required with "n/a")'),
    evidence: z.array(evidenceUrlSchema).max(assessmentLimits.evidenceLinks).describe('Links to documents showing the level'),
  })
  .strict()
  .refine((a) => a.level !== notApplicable || (a.justification ?? '').length > 0, { path: ['justification'], message: 'required when the action is marked not applicable' });
export type Answer = z.infer<typeof answerSchema>;

/** A jurisdiction: an ISO 3166-1 country (alpha-3, or alpha-2 turned into alpha-3) or `EU`. */
export const jurisdictionSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value.toUpperCase() === 'EU') return 'EU';
    const code = resolveCountryCode(value);
    if (!code) ctx.addIssue({ code: 'custom', message: 'an ISO 3166-1 country code or EU' });
    return code ?? value;
  });

/** Who the organisation is: what makes an action apply to it and a framework address it. */
export const contextSchema = z
  .object({
    label: textInput().trim().max(assessmentLimits.labelLength).describe('A name for this assessment, for the organisation’s own use'),
    organisationKind: z.enum(organisationKinds as [OrganisationKind, ...OrganisationKind[]]),
    /** Buys ICT products and services (the matrix's demand side). */
    customer: z.boolean(),
    /** Develops or produces ICT products and services (the matrix's supply side). */
    developer: z.boolean(),
    size: z.enum(organisationSizes),
    jurisdictions: z.array(jurisdictionSchema).max(assessmentLimits.jurisdictions),
    frameworksApplied: z.array(frameworkKeySchema).max(200),
  })
  .strict();
export type AssessmentContext = z.infer<typeof contextSchema>;

/** One version of the assessment: its context and the answers, keyed by action code. */
export const versionSchema = z
  .object({
    assessedAt: z.iso.datetime({ offset: true }),
    context: contextSchema,
    answers: z.record(actionCodeSchema, answerSchema),
  })
  .strict();
export type AssessmentVersion = z.infer<typeof versionSchema>;

/** The assessment with the versions it replaced (most recent first), as exported, imported and sealed. */
export const assessmentSchema = z
  .object({
    format: z.literal(exportFormat),
    formatVersion: z.literal(exportFormatVersion),
    dataset: z.string().min(1).max(40),
    current: versionSchema,
    previous: z.array(versionSchema).max(assessmentLimits.previousVersions),
  })
  .strict();
export type Assessment = z.infer<typeof assessmentSchema>;

/** What the forms carry between steps in a hidden field: the context, the earlier versions, and nothing else. */
export const stepStateSchema = z
  .object({ context: contextSchema, previous: z.array(versionSchema).max(assessmentLimits.previousVersions) })
  .strict();
export type StepState = z.infer<typeof stepStateSchema>;

/** The export file as uploaded again: the assessment, and a report that is ignored (it is recomputed). */
export const importedFileSchema = z.object({ assessment: assessmentSchema }).passthrough();

export const tokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** Level as the form posts it (`"0"` … `"5"`, `"n/a"`). */
export function parseLevel(raw: string): Level | undefined {
  if (raw === notApplicable) return notApplicable;
  const n = Number(raw);
  return /^[0-5]$/.test(raw) && (maturityLevels as readonly number[]).includes(n) ? n : undefined;
}
