/**
 * The HTML forms of curated layers as flat fields (`name`, `A4-status`, `A4-quotation`, `recipient-states`) and the
 * structured inputs the use cases take: reading a posted body into an input, with each issue put back on the field it
 * concerns as a catalog key, and an input back into the fields (to edit a framework, or show what was typed).
 */
import type { z } from 'zod';
import { recipientKinds } from '../toolkit.constants.js';
import type { FormBody } from '../../../app/http/private-page.js';
import { correctionInputSchema, decisionInputSchema, frameworkInputSchema, layerInputSchema, type CorrectionInput, type DecisionInput, type FrameworkInput, type LayerInput } from './layers.schemas.js';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: FormValues };

/** The text fields of a body; a repeated field keeps its first value. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as FormBody)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && name !== '_csrf') values[name] = first;
  }
  return values;
}

/** Zod's issues as `field → catalog key`, the first issue of each field; messages that are not our keys read "invalid". */
function fieldErrors(error: z.ZodError, fieldOf: (path: PropertyKey[]) => string): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= issue.message.startsWith('layers.error.') ? issue.message : 'layers.error.invalid';
  }
  return errors;
}

function parseWith<S extends z.ZodType, T>(schema: S, input: unknown, values: FormValues, fieldOf: (path: PropertyKey[]) => string): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data as T } : { ok: false, errors: fieldErrors(result.error, fieldOf), values };
}

const first = (path: PropertyKey[]) => String(path[0] ?? 'form');

export function layerFromForm(body: unknown): Parsed<LayerInput> {
  const values = formValues(body);
  return parseWith(layerInputSchema, values, values, first);
}

export function decisionFromForm(body: unknown): Parsed<DecisionInput> {
  const values = formValues(body);
  return parseWith(decisionInputSchema, values, values, first);
}

/** A correction from its form: the cell is named by `target` (`wg6-2021/pp-9`: the framework's layer and key) and `action`. */
export function correctionFromForm(body: unknown): Parsed<CorrectionInput> {
  const values = formValues(body);
  const [of = '', framework = ''] = (values.target ?? '').split('/');
  return parseWith(correctionInputSchema, { ...values, of, framework }, values, (path) => (path[0] === 'of' || path[0] === 'framework' ? 'target' : first(path)));
}

/** A framework from its form: one line per resource, and a cell for every action whose status is chosen. */
export function frameworkFromForm(body: unknown, actions: readonly string[]): Parsed<FrameworkInput> {
  const values = formValues(body);
  const reviewed = actions.filter((code) => (values[`${code}-status`] ?? '') !== '');
  const input = {
    name: values.name ?? '',
    category: values.category ?? '',
    documentType: values.documentType ?? '',
    recipients: Object.fromEntries(recipientKinds.map((kind) => [kind, values[`recipient-${kind}`] === 'on'])),
    resources: (values.resources ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    cells: reviewed.map((code) => ({ action: code, status: values[`${code}-status`], quotation: values[`${code}-quotation`] ?? '', locator: values[`${code}-locator`] ?? '' })),
  };
  const errors: FormErrors = {};
  // A quotation typed for an action left "not reviewed" would be lost without a word: say so beside it.
  for (const code of actions) if (!reviewed.includes(code) && (values[`${code}-quotation`] ?? '').trim() !== '') errors[`${code}-status`] = 'layers.error.statusForQuotation';
  const parsed = parseWith<typeof frameworkInputSchema, FrameworkInput>(frameworkInputSchema, input, values, (path) => {
    if (path[0] === 'cells' && typeof path[1] === 'number') return `${reviewed[path[1]]}-${String(path[2] ?? 'status')}`;
    return String(path[0] ?? 'form');
  });
  if (Object.keys(errors).length === 0) return parsed;
  return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors }, values };
}

/** A framework as its form's fields. */
export function frameworkValues(framework: FrameworkInput): FormValues {
  const values: FormValues = { name: framework.name, category: framework.category, documentType: framework.documentType, resources: framework.resources.join('\n') };
  for (const kind of recipientKinds) if (framework.recipients[kind]) values[`recipient-${kind}`] = 'on';
  for (const cell of framework.cells) {
    values[`${cell.action}-status`] = cell.status;
    values[`${cell.action}-quotation`] = cell.quotation ?? '';
    values[`${cell.action}-locator`] = cell.locator ?? '';
  }
  return values;
}
