/**
 * The secretariat's index forms: uploaded files (presence, type, size) and where a use case's refusal is shown
 * (beside a field, or in the list of problems).
 */
import type { FieldIssue } from '../../app/http/errors.js';
import type { FormBody } from '../../app/http/private-page.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { FileIssue, TableFile } from './io/index.files.js';
import { maxUploadMb } from './io/index.upload-limits.js';
import { uploadRefusalMessages } from './index.secretariat-uploads.locales.js';
import { indexAdminMessages } from './views/secretariat/secretariat.locales.js';

export interface Upload extends TableFile {
  truncated: boolean;
}

/** A file field of a multipart body; an empty file input (nothing chosen) is no upload. */
export function upload(body: FormBody, name: string): Upload | undefined {
  const value = body[name] as Upload | undefined;
  return value && typeof value === 'object' && 'bytes' in value && value.name !== '' ? value : undefined;
}


const MB = 1024 * 1024;

/**
 * The problems of reading uploaded files, for the list of problems: a file refused by a cap (size, inflated size,
 * cells, the parsing worker's memory or time) is explained in the page's language; other problems keep the engine's
 * English message, as the list's note says.
 */
export function fileProblems(locale: Locale, issues: FileIssue[]): FieldIssue[] {
  const t = uploadRefusalMessages(locale);
  return issues.map((issue) => {
    const r = issue.refusal;
    if (!r) return { field: issue.table, message: issue.message, code: issue.code };
    const bytes = r.kind === 'fileBytes' || r.kind === 'xlsxInflatedBytes';
    const figure = (n: number | undefined) => (n === undefined ? 0 : bytes ? Math.round((n / MB) * 10) / 10 : n);
    const key = issue.code as Parameters<typeof t>[0];
    return { field: issue.table, message: t(key, { file: r.file, found: figure(r.found), max: figure(r.max) }), code: issue.code };
  });
}

/** Where a use case's refusal goes on the forms: beside a field, or in the list of problems. */
export function placeIssues(locale: Locale, issues: FieldIssue[]): { errors: Record<string, string>; problems: FieldIssue[] } {
  const t = indexAdminMessages(locale);
  const fields: Record<string, [string, string]> = {
    slug: ['slug', t('error.slug')],
    'titles.en': ['titleEn', t('error.title')],
    'titles.fr': ['titleFr', t('error.title')],
    'uncertainty.seed': ['seed', t('error.number')],
    'uncertainty.runs': ['runs', t('config.runs.hint')],
    'uncertainty.weightPerturbation': ['weightPerturbation', t('config.perturbation.hint')],
    'changesNote.en': ['noteEn', t('error.note')],
    'changesNote.fr': ['noteFr', t('error.note')],
    reason: ['reason', t('error.reason')],
  };
  const errors: Record<string, string> = {};
  const problems: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fields[issue.field];
    if (field) errors[field[0]] = field[1];
    else problems.push(issue);
  }
  return { errors, problems };
}

/** Checks the uploaded tables' presence, type and size; the engine checks their content. */
export function checkUploads(locale: Locale, data: Upload | undefined, meta: Upload | undefined, errors: Record<string, string>): data is Upload {
  const t = indexAdminMessages(locale);
  for (const [name, file] of [['iData', data], ['iMeta', meta]] as const) {
    if (!file) continue;
    if (!/\.(csv|xlsx)$/i.test(file.name)) errors[name] = t('error.fileType');
    else if (file.truncated) errors[name] = t('error.fileTooLarge', { max: maxUploadMb });
  }
  if (!data) errors.iData = t('error.required');
  return Object.keys(errors).length === 0 && data !== undefined;
}
