/**
 * Text fields of the norms module's forms (a norm's text, a crosswalk link's rationale): control characters refused,
 * line breaks collapsed (these texts are one paragraph), trimmed, bounded. Issue messages are catalog keys, translated
 * beside the field where the form shows them; each form names its own keys.
 */
import { z } from 'zod';
import { cleanText } from '../../shared/text.js';
import { noControlCharacters } from '../../shared/text-input.js';

export interface FieldMessages {
  required: string;
  tooLong: string;
  control: string;
}

/** A required paragraph of at most `max` characters. */
export function paragraph(max: number, messages: FieldMessages) {
  return z
    .string({ error: messages.required })
    .check(noControlCharacters({ multiline: true, error: messages.control }))
    .transform(cleanText)
    .pipe(z.string().min(1, { error: messages.required }).max(max, { error: messages.tooLong }));
}

/** As `paragraph`, but absent or blank is `undefined` (a translation not written yet: never an empty string). */
export function optionalParagraph(max: number, messages: FieldMessages) {
  return z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .check(noControlCharacters({ multiline: true, error: messages.control }))
    .transform(cleanText)
    .pipe(z.string().max(max, { error: messages.tooLong }))
    .transform((value) => (value === '' ? undefined : value));
}

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: FormValues };

/** The text fields of a posted body (a repeated field keeps its first value; the CSRF token left out). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && name !== '_csrf') values[name] = first;
  }
  return values;
}

/** Parses a form's values: each issue goes to its field as a catalog key (the first per field; others read `invalid`). */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, keyPrefix: string, invalid: string): Parsed<z.output<S>> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.startsWith(keyPrefix) ? issue.message : invalid;
  }
  return { ok: false, errors, values };
}
