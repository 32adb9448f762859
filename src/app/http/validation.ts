import { z } from 'zod';
import { controlCharactersIssue } from '../../shared/text-input.js';
import type { Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import { AppError, type FieldIssue } from './errors.js';

const localeErrors = { en: z.locales.en().localeError, fr: z.locales.fr().localeError };

export function zodIssues(error: z.ZodError, locale: Locale = 'en'): FieldIssue[] {
  return error.issues.map((issue) => {
    const control = issue.code === 'custom' && issue.params?.code === controlCharactersIssue;
    return {
      field: issue.path.join('.') || '(root)',
      message: control ? appMessages(locale)('validation.controlCharacters') : issue.message,
      code: control ? controlCharactersIssue : issue.code,
    };
  });
}

export const invalidRequest = (issues: FieldIssue[], locale: Locale) =>
  new AppError('request.invalid', 400, (l) => appMessages(l)('request.invalid'), issues);

/** Parses input with messages in the page's language; throws a 400 AppError listing `field: message` issues. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input, { error: localeErrors[locale] });
  if (!result.success) throw invalidRequest(zodIssues(result.error, locale), locale);
  return result.data;
}

/**
 * Parses path parameters: one that does not fit its schema (a control character, a length no identifier has) names
 * nothing, so it is the same 404 as an unknown identifier, before any database read.
 */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new AppError('not-found', 404, (l) => appMessages(l)('error.notFound.title'));
  return result.data;
}

/**
 * The notice named by `?done=` after a redirect (`?done=approve`): one of the route's known codes, else none. The value
 * is never shown nor used as a key of an object, so `?done=__proto__` or an attacker's sentence shows nothing.
 */
export function parseNotice<const C extends readonly [string, ...string[]]>(codes: C, query: unknown): C[number] | undefined {
  const result = z.object({ done: z.enum(codes) }).safeParse(query ?? {});
  return result.success ? result.data.done : undefined;
}
