/**
 * The assessment's forms as posted: each field read, checked and, when wrong, given a localized message to show beside
 * it, with what was typed kept. The hidden state the steps carry is parsed with the same zod schemas as an upload: it
 * is the visitor's own data, so it is not signed, only never trusted.
 */
import type { FormBody } from '../../../app/http/private-page.js';
import { formText } from '../../../app/http/private-page.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { hasControlCharacters } from '../../../shared/text-input.js';
import { assessmentLimits, exportFormat, exportFormatVersion, notApplicable, organisationKinds, organisationSizes } from './assessment.constants.js';
import { assessmentMessages } from './assessment.messages.js';
import {
  assessmentSchema, evidenceUrlSchema, jurisdictionSchema, parseLevel, stepStateSchema,
  type Answer, type Assessment, type AssessmentContext, type StepState,
} from './assessment.schemas.js';

export type FieldErrors = Record<string, string>;

/** The context form's fields as typed, for showing the form again. */
export interface ContextValues {
  label: string;
  organisationKind: string;
  customer: boolean;
  developer: boolean;
  size: string;
  jurisdictions: string;
  frameworks: string[];
}

/** The answers' fields as typed, by action code. */
export type AnswerValues = Record<string, { level: string; justification: string; evidence: string }>;

const list = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

export function contextValuesOf(context: AssessmentContext): ContextValues {
  return { ...context, frameworks: context.frameworksApplied, jurisdictions: context.jurisdictions.join(', ') };
}

/** Reads the first step; `frameworkKeys` are the frameworks one may say one applies. */
export function readContextForm(body: FormBody, locale: Locale, frameworkKeys: string[]): { values: ContextValues; errors: FieldErrors; context?: AssessmentContext } {
  const t = assessmentMessages(locale);
  const values: ContextValues = {
    label: formText(body, 'label').slice(0, 1000),
    organisationKind: formText(body, 'organisationKind'),
    customer: formText(body, 'customer') === 'on',
    developer: formText(body, 'developer') === 'on',
    size: formText(body, 'size'),
    jurisdictions: formText(body, 'jurisdictions').slice(0, 2000),
    frameworks: list(body, 'frameworks'),
  };
  const errors: FieldErrors = {};
  const label = values.label.trim();
  if (label.length > assessmentLimits.labelLength || hasControlCharacters(label)) errors.label = t('error.label', { max: assessmentLimits.labelLength });
  const kind = organisationKinds.find((k) => k === values.organisationKind);
  if (!kind) errors.organisationKind = t('error.kind');
  const size = organisationSizes.find((s) => s === values.size);
  if (!size) errors.size = t('error.size');
  const typed = values.jurisdictions.split(/[,;\s]+/).filter(Boolean);
  const jurisdictions = typed.map((raw) => ({ raw, parsed: jurisdictionSchema.safeParse(raw) }));
  const unknown = jurisdictions.filter((j) => !j.parsed.success).map((j) => j.raw);
  if (unknown.length) errors.jurisdictions = t('error.jurisdictions', { codes: unknown.slice(0, 5).join(', ') });
  else if (typed.length > assessmentLimits.jurisdictions) errors.jurisdictions = t('error.jurisdictions.count', { max: assessmentLimits.jurisdictions });
  if (values.frameworks.some((key) => !frameworkKeys.includes(key))) errors.frameworks = t('error.frameworks');
  if (Object.keys(errors).length || !kind || !size) return { values, errors };
  return {
    values,
    errors,
    context: {
      label,
      organisationKind: kind,
      customer: values.customer,
      developer: values.developer,
      size,
      jurisdictions: [...new Set(jurisdictions.map((j) => (j.parsed.success ? j.parsed.data : j.raw)))],
      frameworksApplied: [...new Set(values.frameworks)],
    },
  };
}

export function answerValuesOf(answers: Record<string, Answer>): AnswerValues {
  return Object.fromEntries(
    Object.entries(answers).map(([code, a]) => [code, { level: String(a.level), justification: a.justification ?? '', evidence: a.evidence.join('\n') }]),
  );
}

/** Reads the answers to the applicable actions' questions (`level-A1`, `justification-A1`, `evidence-A1`). */
export function readAnswersForm(body: FormBody, locale: Locale, codes: string[]): { values: AnswerValues; errors: FieldErrors; answers?: Record<string, Answer> } {
  const t = assessmentMessages(locale);
  const values: AnswerValues = {};
  const errors: FieldErrors = {};
  const answers: Record<string, Answer> = {};
  for (const code of codes) {
    const typed = {
      level: formText(body, `level-${code}`),
      justification: formText(body, `justification-${code}`).slice(0, 5000),
      evidence: formText(body, `evidence-${code}`).slice(0, 10_000),
    };
    values[code] = typed;
    const level = parseLevel(typed.level);
    if (level === undefined) errors[`level-${code}`] = t('error.level');
    const justification = typed.justification.trim();
    if (justification.length > assessmentLimits.justificationLength || hasControlCharacters(justification, { multiline: true })) {
      errors[`justification-${code}`] = t('error.justification.length', { max: assessmentLimits.justificationLength });
    } else if (level === notApplicable && !justification) errors[`justification-${code}`] = t('error.justification');
    const lines = typed.evidence.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const wrong = lines.find((line) => !evidenceUrlSchema.safeParse(line).success);
    if (wrong !== undefined) errors[`evidence-${code}`] = t('error.evidence', { value: wrong.slice(0, 80) });
    else if (lines.length > assessmentLimits.evidenceLinks) errors[`evidence-${code}`] = t('error.evidence.count', { max: assessmentLimits.evidenceLinks });
    if (level !== undefined) answers[code] = { level, justification: justification || null, evidence: lines };
  }
  return Object.keys(errors).length ? { values, errors } : { values, errors, answers };
}

/** The state carried by the steps' hidden field, or null when missing or damaged. */
export function readStepState(body: FormBody): StepState | null {
  try {
    const parsed = stepStateSchema.safeParse(JSON.parse(formText(body, 'state')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The whole assessment carried by the report's forms, or null when missing or damaged. */
export function readAssessmentField(body: FormBody): Assessment | null {
  try {
    const parsed = assessmentSchema.safeParse(JSON.parse(formText(body, 'assessment')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A new assessment from its context and answers (now), after `previous` (the most recent first). */
export function assembleAssessment(state: StepState, answers: Record<string, Answer>, dataset: string, now: Date): Assessment {
  return {
    format: exportFormat,
    formatVersion: exportFormatVersion,
    dataset,
    current: { assessedAt: now.toISOString(), context: state.context, answers },
    previous: state.previous,
  };
}
