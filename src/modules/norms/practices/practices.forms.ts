/**
 * The practice form as flat fields (`titleEn`, `descriptionFr`, repeated `principles`, `linkUrl`/`linkLabel` rows,
 * `keep` for the documents already attached, `attachments` files) and the draft the use cases take: reading a posted
 * body, with each problem put beside its field in the page's language, and content back into fields (to edit).
 */
import { fileRefused, inspectFile } from '../../../app/files/files.js';
import { fileName } from '../../../app/files/files.types.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { hasControlCharacters } from '../../../shared/text-input.js';
import { maxAttachmentBytes, practiceTextLimits } from './practices.constants.js';
import { practicesMessages } from './practices.messages.js';
import { contentIssues, type PracticeText } from './practices.models.js';
import type { PracticeContent } from './practices.tables.js';
import type { PracticeDraft, Upload } from './practices.usecases.js';

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string>;

/** A file part as the multipart parser hands it over (see practices.account-pages.tsx). */
export interface FormUpload extends Upload {
  truncated: boolean;
}

type Body = Record<string, unknown>;

/** Every text value of a field (a repeated field, a multiple select), in order. */
export function all(values: FormValues | Body, name: string): string[] {
  const value = values[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** The first text value of a field, or ''. */
export const one = (values: FormValues | Body, name: string): string => all(values, name)[0] ?? '';

/** The text fields of a body (files and the CSRF token left out). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as Body)) {
    if (name === '_csrf' || name === 'attachments') continue;
    const texts = all({ [name]: value }, name);
    if (texts.length) values[name] = Array.isArray(value) ? texts : texts[0]!;
  }
  return values;
}

/** The files sent in `attachments`; an empty file input (nothing chosen) is no upload. */
export function formUploads(body: unknown): FormUpload[] {
  const value = ((body ?? {}) as Body).attachments;
  return (Array.isArray(value) ? value : [value]).filter(
    (v): v is FormUpload => typeof v === 'object' && v !== null && Buffer.isBuffer((v as FormUpload).bytes) && (v as FormUpload).name !== '',
  );
}

const unique = <T,>(items: T[]) => [...new Set(items)];
const localized = (en: string, fr: string) => ({ ...(en.trim() ? { en: en.trim() } : {}), ...(fr.trim() ? { fr: fr.trim() } : {}) });

/** The content typed in the form, and the form row each link comes from (blank rows are skipped). */
function contentOf(values: FormValues): { content: PracticeText; linkRows: number[] } {
  const original = one(values, 'original') === 'fr' ? 'fr' : 'en';
  const labels = all(values, 'linkLabel');
  const rows = all(values, 'linkUrl').map((url, row) => ({ row, url: url.trim(), label: (labels[row] ?? '').trim() })).filter((r) => r.url || r.label);
  const year = one(values, 'year').trim();
  return {
    linkRows: rows.map((r) => r.row),
    content: {
      title: localized(one(values, 'titleEn'), one(values, 'titleFr')),
      description: localized(one(values, 'descriptionEn'), one(values, 'descriptionFr')),
      original,
      kind: one(values, 'kind'),
      implementationStatus: one(values, 'implementationStatus'),
      startedOn: one(values, 'startedOn').trim() || null,
      endedOn: one(values, 'endedOn').trim() || null,
      year: /^\d{1,4}$/.test(year) ? Number(year) : Number.NaN,
      principles: unique(all(values, 'principles').map(Number)).sort((a, b) => a - b),
      norms: unique(all(values, 'norms')).sort(),
      sectors: unique(all(values, 'sectors')),
      countries: unique(all(values, 'countries').map((c) => c.toUpperCase())),
      links: rows.map((r) => ({ url: r.url, ...(r.label ? { label: { [original]: r.label } } : {}) })),
    },
  };
}

export type ParsedForm = { ok: true; draft: PracticeDraft; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues };

/**
 * Reads the form: the content (checked by the rules the use cases apply), the documents to keep, and the uploads
 * (each checked by its content and size, as the files store will), so every problem is shown at once, beside its field.
 */
export async function practiceFromForm(body: unknown, locale: Locale): Promise<ParsedForm> {
  const t = practicesMessages(locale);
  const values = formValues(body);
  const uploads = formUploads(body);
  const { content, linkRows } = contentOf(values);
  const errors: FormErrors = {};
  for (const [field, key] of Object.entries(contentIssues(content))) {
    const row = /^link-(\d+)$/.exec(field);
    errors[row ? `link-${linkRows[Number(row[1])]}` : field] = t(key);
  }
  const refusals: string[] = [];
  for (const upload of uploads) {
    // The parser stopped reading a file at the ceiling: it is too large, whatever it is.
    if (upload.truncated) {
      refusals.push(fileRefused({ name: fileName(upload.name, null), reason: 'size', max: maxAttachmentBytes }).localize(locale));
      continue;
    }
    const inspected = await inspectFile(upload.bytes, { declaredName: upload.name, maxBytes: maxAttachmentBytes });
    if (!inspected.ok) refusals.push(inspected.error.localize(locale));
  }
  if (refusals.length) errors.attachments = refusals.join(' ');
  const changeNote = one(values, 'changeNote').trim();
  if (changeNote.length > practiceTextLimits.changeNote || hasControlCharacters(changeNote, { multiline: true })) errors.changeNote = t('error.changeNote');
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, values, draft: { content, keep: all(values, 'keep'), uploads: uploads.map(({ name, bytes }) => ({ name, bytes })), changeNote: changeNote || null } };
}

/** Stored content as the form's fields (to edit it): every attached document kept unless unticked. */
export function contentValues(content: PracticeContent): FormValues {
  return {
    original: content.original,
    titleEn: content.title.en ?? '',
    titleFr: content.title.fr ?? '',
    descriptionEn: content.description.en ?? '',
    descriptionFr: content.description.fr ?? '',
    kind: content.kind,
    implementationStatus: content.implementationStatus,
    startedOn: content.startedOn ?? '',
    endedOn: content.endedOn ?? '',
    year: String(content.year),
    principles: content.principles.map(String),
    norms: content.norms,
    sectors: content.sectors,
    countries: content.countries,
    linkUrl: content.links.map((l) => l.url),
    linkLabel: content.links.map((l) => l.label?.[content.original === 'fr' ? 'fr' : 'en'] ?? l.label?.en ?? l.label?.fr ?? ''),
    keep: content.attachments.map((a) => a.sha256),
  };
}
