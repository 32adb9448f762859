import type { Locale } from '../i18n/i18n.js';

export interface FieldIssue {
  field: string;
  message: string;
  code: string;
}

/**
 * An expected failure with a stable dotted code (`supporters.not-found`), an HTTP status and a message per language.
 * Anything else thrown is an internal error: logged with its cause, shown only as a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly localize: (locale: Locale) => string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(localize('en'));
    this.name = 'AppError';
  }
}

/** Declares an error once; calling the factory creates an instance to throw. */
export function defineError<P extends Record<string, unknown> = Record<string, never>>(
  code: string,
  status: number,
  message: (locale: Locale, params: P) => string,
) {
  return (params: P = {} as P, issues: FieldIssue[] = []) =>
    new AppError(code, status, (locale) => message(locale, params), issues);
}

/** RFC 9457 problem details, the body of every API error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: FieldIssue[];
}

export function toProblem(error: AppError, locale: Locale, instance?: string): Problem {
  return {
    type: `/api/problems/${error.code}`,
    title: error.localize(locale),
    status: error.status,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.issues.length ? { errors: error.issues, detail: error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') } : {}),
  };
}
