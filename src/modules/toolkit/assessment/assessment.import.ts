/**
 * Reading an exported file uploaded again: size, JSON, then the assessment's zod schema (its messages in the page's
 * language), then frameworks known to the data set. The file's report is ignored: it is recomputed.
 */
import { z } from 'zod';
import { formText, type FormBody } from '../../../app/http/private-page.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { assessmentLimits } from './assessment.constants.js';
import type { FieldErrors } from './assessment.forms.js';
import { assessmentMessages } from './assessment.messages.js';
import { importedFileSchema, type Assessment } from './assessment.schemas.js';

export interface Upload {
  name: string;
  bytes: Buffer;
  truncated: boolean;
}

const zodLocale = { en: z.locales.en().localeError, fr: z.locales.fr().localeError };

export function readImportedFile(body: FormBody, locale: Locale, frameworkKeys: string[]): { errors: FieldErrors; assessment?: Assessment; mode?: 'continue' | 'reassess' } {
  const t = assessmentMessages(locale);
  const errors: FieldErrors = {};
  const mode = formText(body, 'mode');
  if (mode !== 'continue' && mode !== 'reassess') errors.mode = t('error.mode');
  const file = body.file as Upload | undefined;
  const kb = assessmentLimits.uploadBytes / 1024;
  if (!file || typeof file !== 'object' || !('bytes' in file) || file.name === '') return { errors: { ...errors, file: t('error.file.missing') } };
  if (file.truncated || file.bytes.length > assessmentLimits.uploadBytes) return { errors: { ...errors, file: t('error.file.size', { max: kb }) } };
  let json: unknown;
  try {
    json = JSON.parse(file.bytes.toString('utf8'));
  } catch (error) {
    return { errors: { ...errors, file: t('error.file.json', { message: (error as Error).message.slice(0, 120) }) } };
  }
  const parsed = importedFileSchema.safeParse(json, { error: zodLocale[locale] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { errors: { ...errors, file: t('error.file.shape', { where: issue.path.join('.') || '(root)', problem: issue.message }) } };
  }
  const { assessment } = parsed.data;
  const versions = [assessment.current, ...assessment.previous];
  const unknown = versions.flatMap((v) => v.context.frameworksApplied).find((key) => !frameworkKeys.includes(key));
  if (unknown) errors.file = t('error.file.shape', { where: 'current.context.frameworksApplied', problem: unknown });
  if (Object.keys(errors).length) return { errors };
  return { errors, assessment, mode: mode as 'continue' | 'reassess' };
}
