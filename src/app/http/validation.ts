import { z } from 'zod';
import type { Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import { AppError, type FieldIssue } from './errors.js';

const localeErrors = { en: z.locales.en().localeError, fr: z.locales.fr().localeError };

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));
}

export const invalidRequest = (issues: FieldIssue[], locale: Locale) =>
  new AppError('request.invalid', 400, (l) => appMessages(l)('request.invalid'), issues);

/** Parses input with messages in the page's language; throws a 400 AppError listing `field: message` issues. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input, { error: localeErrors[locale] });
  if (!result.success) throw invalidRequest(zodIssues(result.error), locale);
  return result.data;
}
