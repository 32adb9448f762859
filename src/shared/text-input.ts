import { z } from 'zod';

/**
 * The one rule on text that comes from outside (path parameters, query strings, form and API fields): no control
 * characters. PostgreSQL refuses a NUL byte in text (a 500 when it reaches a query), and the other C0/C1 characters and
 * bidirectional overrides are only ever used to spoof or break what others read. Multi-line text may hold tabs and line
 * breaks; one-line text may not, except as white space around it (trimmed away).
 */
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const lineBreaks = /[\r\n\t]/;

/**
 * The stable code of the refinement's issue (in `params.code`): `parseOrThrow` puts its localized sentence in place of
 * the English default, and forms that translate catalog keys pass `error: controlCharactersIssue` instead.
 */
export const controlCharactersIssue = 'text.control';
const defaultMessage = 'must not contain control characters';

/** True when the text holds a character refused by {@link controlCharacters} (or a tab or line break inside one-line text). */
export function hasControlCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return controlCharacters.test(value) || (!options.multiline && lineBreaks.test(value.trim()));
}

/** Refinement for any text schema: `z.string().check(noControlCharacters())`; runs before later trims and transforms. */
export function noControlCharacters(options: { multiline?: boolean; error?: string } = {}) {
  return z.refine<string>((value) => !hasControlCharacters(value, options), {
    error: options.error ?? defaultMessage,
    params: { code: controlCharactersIssue },
    abort: true,
  });
}

/** A text input: a string without control characters (tabs and line breaks too unless `multiline`). */
export function textInput(options: { multiline?: boolean; error?: string } = {}) {
  return z.string().check(noControlCharacters(options));
}

/**
 * An identifier in a path (`/applications/:id`, `/index/:slug`): one line of 1 to `max` characters without control
 * characters. Parse path parameters with `parseParams` so that a malformed identifier is a 404, like an unknown one.
 */
export function pathIdentifier(max = 200) {
  return textInput().trim().min(1).max(max);
}
