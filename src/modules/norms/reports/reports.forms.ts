/**
 * The reports' HTML forms as flat fields (`inPlace-en`, `visibility`, `version`, repeated `practice` and `subject`) and
 * the inputs the use cases take: each issue is put back on its field as a catalog key, and what was typed is kept to
 * show again. A section's fields are named by question and language, so the original and the translation are apart.
 */
import { z } from 'zod';
import type { FormBody } from '../../../app/http/private-page.js';
import { firstReportYear, reportLanguages, sectionFields, type ReportLanguage } from './reports.constants.js';
import { isSubject, type SectionInput, type Subject } from './reports.models.js';
import { languageSchema, sectionContentSchema, visibilitySchema } from './reports.schemas.js';
import type { ReportSectionContent } from './reports.tables.js';
import type { ReportsMessageKey } from './reports.messages.js';

export type FormErrors = Record<string, ReportsMessageKey>;
/** What a section form shows: its text fields by name, and the practices ticked. */
export interface SectionFormValues {
  fields: Record<string, string>;
  practiceIds: string[];
}
export type Parsed<T, V> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: V };

const text = (body: FormBody, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};
const list = (body: FormBody, name: string): string[] => {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '');
};

/** The text field of a question in a language: `inPlace-en`. */
export const answerField = (field: (typeof sectionFields)[number], language: ReportLanguage) => `${field}-${language}`;

const version = z.coerce.number().int().min(1).max(2_000_000_000);

/** A section as its form's fields. */
export function sectionValues(section: { content: ReportSectionContent; visibility: string; version: number }): SectionFormValues {
  const fields: Record<string, string> = { visibility: section.visibility, version: String(section.version) };
  for (const field of sectionFields) for (const language of reportLanguages) fields[answerField(field, language)] = section.content[field][language] ?? '';
  return { fields, practiceIds: [...section.content.practiceIds] };
}

/** What a section's form holds, as typed (to show it again: after an error, or on the conflict screen). */
export function sectionFormValues(body: unknown): SectionFormValues {
  const form = (body ?? {}) as FormBody;
  const values: SectionFormValues = { fields: {}, practiceIds: list(form, 'practice') };
  for (const name of ['version', 'visibility', ...sectionFields.flatMap((f) => reportLanguages.map((l) => answerField(f, l)))]) values.fields[name] = text(form, name);
  return values;
}

/**
 * A section from its form. A translation needs the original beside it (it would translate nothing); practices must be
 * among the organisation's published ones (`practiceIds`).
 */
export function sectionFromForm(body: unknown, original: ReportLanguage, practiceIds: readonly string[]): Parsed<SectionInput, SectionFormValues> {
  const values = sectionFormValues(body);
  const errors: FormErrors = {};
  const parsedVersion = version.safeParse(values.fields.version);
  if (!parsedVersion.success) errors.version = 'reports.error.version';
  const visibility = visibilitySchema.safeParse(values.fields.visibility);
  if (!visibility.success) errors.visibility = 'reports.error.visibility';
  if (values.practiceIds.some((id) => !practiceIds.includes(id))) errors.practice = 'reports.error.practice';
  const translation = original === 'en' ? 'fr' : 'en';
  const content: Record<string, unknown> = { practiceIds: values.practiceIds };
  for (const field of sectionFields) {
    const answers: Record<string, string> = {};
    for (const language of reportLanguages) {
      const typed = values.fields[answerField(field, language)]!;
      if (typed.trim() !== '') answers[language] = typed;
    }
    if (answers[translation] && !answers[original]) errors[answerField(field, translation)] = 'reports.error.translationWithoutOriginal';
    content[field] = answers;
  }
  const parsed = sectionContentSchema.safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, language] = issue.path.map(String);
      const name = field === 'practiceIds' ? 'practice' : `${field}-${language}`;
      errors[name] ??= issue.message.startsWith('reports.error.') ? (issue.message as ReportsMessageKey) : 'reports.error.invalid';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success || !parsedVersion.success || !visibility.success) return { ok: false, errors, values };
  return { ok: true, value: { version: parsedVersion.data, visibility: visibility.data, content: parsed.data } };
}

export interface StartInput {
  year: number;
  original: ReportLanguage;
  subjects: Subject[];
}
export type StartValues = { year: string; original: string; subjects: string[] };

/** The report's year (up to the current one), its language, and at least one section. */
export function startFromForm(body: unknown, currentYear: number): Parsed<StartInput, StartValues> {
  const form = (body ?? {}) as FormBody;
  const values: StartValues = { year: text(form, 'year'), original: text(form, 'original'), subjects: list(form, 'subject') };
  const errors: FormErrors = {};
  const year = z.coerce.number().int().min(firstReportYear).max(currentYear).safeParse(values.year.trim() === '' ? undefined : values.year);
  if (!year.success) errors.year = 'reports.error.year';
  const original = languageSchema.safeParse(values.original);
  if (!original.success) errors.original = 'reports.error.language';
  const subjects = subjectsFrom(values.subjects);
  if (!subjects) errors.subject = 'reports.error.subjects';
  if (!year.success || !original.success || !subjects) return { ok: false, errors, values };
  return { ok: true, value: { year: year.data, original: original.data, subjects } };
}

/** At least one subject, each a known one; null otherwise. */
export function subjectsFrom(values: readonly string[]): Subject[] | null {
  const unique = [...new Set(values)];
  return unique.length > 0 && unique.every(isSubject) ? unique : null;
}

export function subjectsFromForm(body: unknown): Subject[] | null {
  return subjectsFrom(list((body ?? {}) as FormBody, 'subject'));
}

/** The version a removal was asked from; null when missing. */
export function versionFromForm(body: unknown): number | null {
  const parsed = version.safeParse(text((body ?? {}) as FormBody, 'version'));
  return parsed.success ? parsed.data : null;
}

/** Whether the "I confirm" box was ticked. */
export function confirmed(body: unknown): boolean {
  return text((body ?? {}) as FormBody, 'confirm') === 'on';
}
