/**
 * The consultations' HTML forms as flat fields, and the inputs the use cases take: each problem is put back on its
 * field as a catalog key, and what was typed is kept to show again.
 */
import type { FormBody } from '../../app/http/private-page.js';
import {
  audiences,
  consultationKinds,
  maxInputLength,
  maxIntroductionLength,
  maxReasonLength,
  maxSynthesisLength,
  maxTitleLength,
  outcomes,
  publications,
  textLanguages,
  type Outcome,
} from './consultations.constants.js';
import type { ConsultationsMessageKey } from './consultations.messages.js';
import { parseChanges, splitText, textProblem } from './consultations.models.js';
import { isTimeZone, localToInstant } from './consultations.time.js';
import type { Conclusion, InputDraft, NewConsultation } from './consultations.usecases.js';

/** A field's problem: a catalog key, with its values when it has some. */
export type FieldProblem = { key: ConsultationsMessageKey; values?: Record<string, number> };
export type FormErrors = Record<string, FieldProblem>;
export type FormValues = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: FormValues };

const text = (body: unknown, name: string): string => {
  const value = (body as FormBody | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};
const valuesOf = (body: unknown, names: readonly string[]): FormValues => Object.fromEntries(names.map((name) => [name, text(body, name)]));
const oneOf = <T extends string>(options: readonly T[], value: string): value is T => (options as readonly string[]).includes(value);
const problem = (key: ConsultationsMessageKey, values?: Record<string, number>): FieldProblem => (values ? { key, values } : { key });

/** Checks a text field's length (and presence); returns the trimmed text. */
function checkText(errors: FormErrors, values: FormValues, name: string, max: number, required: boolean): string {
  const value = values[name]!.trim();
  if (required && value === '') errors[name] = problem('consultations.error.required');
  else if (value.length > max) errors[name] = problem('consultations.error.tooLong');
  return value;
}

export const newConsultationFields = ['titleEn', 'titleFr', 'introEn', 'introFr', 'kind', 'audience', 'language', 'text', 'closesAt', 'timeZone'] as const;

/** A new consultation: a title in one language at least, its text split and numbered, a future deadline in a known zone. */
export function newConsultationFromForm(body: unknown, now: Date): Parsed<NewConsultation> {
  const values = valuesOf(body, newConsultationFields);
  const errors: FormErrors = {};
  const titleEn = checkText(errors, values, 'titleEn', maxTitleLength, false);
  const titleFr = checkText(errors, values, 'titleFr', maxTitleLength, false);
  if (!titleEn && !titleFr && !errors.titleEn) errors.titleEn = problem('consultations.error.titleNeeded');
  const introEn = checkText(errors, values, 'introEn', maxIntroductionLength, false);
  const introFr = checkText(errors, values, 'introFr', maxIntroductionLength, false);
  const { kind, audience, language } = values as Record<string, string>;
  if (!oneOf(consultationKinds, kind!)) errors.kind = problem('consultations.error.choose');
  if (!oneOf(audiences, audience!)) errors.audience = problem('consultations.error.choose');
  if (!oneOf(textLanguages, language!)) errors.language = problem('consultations.error.choose');
  const paragraphs = splitText(oneOf(consultationKinds, kind!) ? kind : 'draft', values.text!);
  const textIssue = textProblem(paragraphs);
  if (textIssue) errors.text = problem(textIssue === 'empty' ? 'consultations.error.textEmpty' : textIssue === 'tooMany' ? 'consultations.error.textTooMany' : 'consultations.error.textTooLong');
  const timeZone = values.timeZone!.trim();
  let closesAt: Date | null = null;
  if (!isTimeZone(timeZone)) errors.timeZone = problem('consultations.error.timeZone');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.closesAt!.trim())) errors.closesAt = problem('consultations.error.dateTime');
  else if (!errors.timeZone) {
    closesAt = localToInstant(values.closesAt!.trim(), timeZone);
    if (!closesAt) errors.closesAt = problem('consultations.error.dateTimeMissing');
    else if (closesAt.getTime() <= now.getTime()) errors.closesAt = problem('consultations.error.past');
  }
  if (Object.keys(errors).length > 0 || !closesAt) return { ok: false, errors, values };
  const localized = (en: string, fr: string) => ({ ...(en ? { en } : {}), ...(fr ? { fr } : {}) });
  return {
    ok: true,
    value: { title: localized(titleEn, titleFr), introduction: localized(introEn, introFr), kind: kind as NewConsultation['kind'], audience: audience as NewConsultation['audience'], language: language as NewConsultation['language'], paragraphs, closesAt, timeZone },
  };
}

export const inputFields = ['paragraph', 'body', 'publication', 'language', 'organisation'] as const;

/** An input: its text, the publication chosen, its language, and whom it speaks for (`` = oneself). */
export function inputFromForm(body: unknown): Parsed<InputDraft> {
  const values = valuesOf(body, inputFields);
  const errors: FormErrors = {};
  const inputBody = checkText(errors, values, 'body', maxInputLength, true);
  if (!oneOf(publications, values.publication!)) errors.publication = problem('consultations.error.choose');
  if (!oneOf(textLanguages, values.language!)) errors.language = problem('consultations.error.choose');
  const paragraph = values.paragraph === '' ? null : /^\d{1,4}$/.test(values.paragraph!) ? Number(values.paragraph) : NaN;
  if (Number.isNaN(paragraph)) errors.body = problem('consultations.error.paragraph');
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    value: { paragraph, body: inputBody, publication: values.publication as InputDraft['publication'], language: values.language as InputDraft['language'], supporterId: values.organisation || null },
  };
}

/** A disposition: one of the outcomes, always with a reason. */
export function dispositionFromForm(body: unknown): Parsed<{ outcome: Outcome; reason: string }> {
  const values = valuesOf(body, ['outcome', 'reason']);
  const errors: FormErrors = {};
  if (!oneOf(outcomes, values.outcome!)) errors.outcome = problem('consultations.error.choose');
  const reason = checkText(errors, values, 'reason', maxReasonLength, true);
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: { outcome: values.outcome as Outcome, reason } };
}

export const conclusionFields = ['synthesisEn', 'synthesisFr', 'revised', 'changes'] as const;

/** The synthesis (one language at least), the revised text (required for a draft), and its links to the inputs. */
export function conclusionFromForm(body: unknown, kind: string): Parsed<Conclusion> {
  const values = valuesOf(body, conclusionFields);
  const errors: FormErrors = {};
  const en = checkText(errors, values, 'synthesisEn', maxSynthesisLength, false);
  const fr = checkText(errors, values, 'synthesisFr', maxSynthesisLength, false);
  if (!en && !fr && !errors.synthesisEn) errors.synthesisEn = problem('consultations.error.synthesisNeeded');
  const revised = splitText('draft', values.revised!);
  if (kind === 'draft' && revised.length === 0) errors.revised = problem('consultations.error.revisedNeeded');
  else if (revised.length > 0 && textProblem(revised)) errors.revised = problem(textProblem(revised) === 'tooMany' ? 'consultations.error.textTooMany' : 'consultations.error.textTooLong');
  const changes = parseChanges(values.changes!);
  if (!changes.ok) errors.changes = problem('consultations.error.changesSyntax', { line: changes.line });
  if (Object.keys(errors).length > 0 || !changes.ok) return { ok: false, errors, values };
  return { ok: true, value: { synthesis: { ...(en ? { en } : {}), ...(fr ? { fr } : {}) }, revised, changes: changes.changes } };
}
