/**
 * Reading the official registry: the `_supporters/*.md` files of the official site's repository (Jekyll front matter +
 * the supporter's own statement) and the `file,first_seen` dates mined from its history. Pure parsing and validation,
 * no database: the import use cases decide what to do with the records and report the issues.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { readFirstSeen } from '../../shared/first-seen.js';
import { yamlErrorIssues, type SourceIssue } from '../../shared/source-issues.js';
import { isIsoDate, readSupporterFields, type RawSupporterFields } from './supporters.fields.js';
import type { SupporterRecord } from './supporters.models.js';

export { readFirstSeen };

export type { SourceIssue };
export { isIsoDate, readSupporterFields, supporterFields, type RawField, type RawSupporterFields, type SupporterField } from './supporters.fields.js';

export interface ParsedSupporters {
  /** Valid records only, in source order; a source with an error yields no record. */
  records: SupporterRecord[];
  issues: SourceIssue[];
  /** How many source items were read (files, or CSV data rows). */
  files: number;
}

const supportersFolder = '_supporters';

/**
 * Reads `<dir>/_supporters/*.md`, sorted by file name. `firstSeenCsv` is a `file,first_seen` CSV; when omitted,
 * `<dir>/../pariscall-registry-first-seen.csv` is used if it exists (the layout of the shared reference data).
 */
export async function readOfficialSupporters(
  dir: string,
  options: { firstSeenCsv?: string } = {},
): Promise<ParsedSupporters> {
  const folder = path.join(dir, supportersFolder);
  let fileNames: string[];
  try {
    fileNames = (await fs.readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    const message = `no ${supportersFolder} folder in ${dir}`;
    return { records: [], files: 0, issues: [{ source: supportersFolder, severity: 'error', code: 'supporters.source.no-folder', message }] };
  }

  const defaultFirstSeen = path.resolve(dir, '..', 'pariscall-registry-first-seen.csv');
  const firstSeenPath = options.firstSeenCsv ?? (existsSync(defaultFirstSeen) ? defaultFirstSeen : undefined);
  const firstSeen = firstSeenPath ? await readFirstSeen(firstSeenPath) : null;

  const contents = await Promise.all(fileNames.map((name) => fs.readFile(path.join(folder, name), 'utf8')));
  const records: SupporterRecord[] = [];
  const issues: SourceIssue[] = [];
  fileNames.forEach((fileName, index) => {
    const seen = firstSeen?.get(fileName) ?? null;
    const parsed = parseSupporterFile(fileName, contents[index] ?? '', seen);
    issues.push(...parsed.issues);
    if (firstSeen && !seen) {
      const message = 'no first-seen date for this file: its join date stays unknown unless it has a date_signed';
      issues.push({ source: fileName, severity: 'warning', code: 'supporters.source.first-seen-missing', message });
    }
    if (parsed.record) records.push(parsed.record);
  });
  return { records, issues, files: fileNames.length };
}

/**
 * Parses one official supporter file. The slug is the file name without `.md`; everything else comes from the front
 * matter, which wins over what the file name says (a disagreement is only a warning).
 */
export function parseSupporterFile(
  fileName: string,
  content: string,
  firstSeen: string | null = null,
): { record: SupporterRecord | null; issues: SourceIssue[] } {
  const source = fileName;
  const parts = splitFrontMatter(content);
  if (!parts) {
    const message = 'no YAML front matter: the file must start with a "---" line and the front matter end with another';
    return { record: null, issues: [{ source, line: 1, severity: 'error', code: 'supporters.source.no-front-matter', message }] };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(parts.yaml, { lineCounter });
  if (document.errors.length > 0) {
    const context = { source, lineCounter, lineOffset: 1, code: 'supporters.source.invalid-yaml' };
    return { record: null, issues: yamlErrorIssues(document.errors, context) };
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    const message = 'the front matter must be a mapping of fields (name: …, category: …)';
    return { record: null, issues: [{ source, line: 2, severity: 'error', code: 'supporters.source.invalid-yaml', message }] };
  }

  const issues: SourceIssue[] = [];
  const fields: RawSupporterFields = {};
  for (const pair of contents?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line + 1 : 1;
    const node = pair.value;
    if (node === null || node === undefined) fields[key] = { value: null, line };
    else if (isScalar(node)) fields[key] = { value: scalarValue(node.value, node.source), line };
    else fields[key] = { value: node, line }; // a list or a mapping: rejected by readSupporterFields
  }

  const slug = fileName.replace(/\.md$/i, '');
  const statement = normaliseStatement(parts.body);
  const result = readSupporterFields({ slug, source, fields, statement, firstSeen, firstLine: 1 });
  issues.push(...result.issues);
  if (result.record) issues.push(...fileNameIssues(fileName, result.record));
  if (/<\/?[a-z][^>]*>/i.test(statement)) {
    const message = 'the statement contains raw HTML; it is kept as written and sanitised when rendered';
    issues.push({ source, line: parts.bodyLine, severity: 'warning', code: 'supporters.source.statement-html', message });
  }
  return { record: result.record, issues };
}

/** Jekyll's rule: a first line `---`, then YAML up to a line `---` (or `...`), then the body. */
export function splitFrontMatter(content: string): { yaml: string; body: string; bodyLine: number } | null {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return null;
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** The statement keeps its Markdown and line breaks; only the encoding (NFC) and surrounding blank space change. */
export function normaliseStatement(body: string): string {
  return body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}


/** YAML 1.2 reads `2021-04-01` and `NO` as strings; numbers and booleans are kept as they were written. */
function scalarValue(value: unknown, written: string | undefined): unknown {
  if (value === null || typeof value === 'string' || value instanceof Date) return value;
  return written ?? String(value);
}

const fileNamePattern = /^(.+)-(state|public-authority|private-sector|civil-society|undefined)-([A-Za-z]*)\.md$/;

/** Official file names are `<slug>-<category>-<code>.md`; say so when they disagree with the front matter. */
function fileNameIssues(fileName: string, record: SupporterRecord): SourceIssue[] {
  const match = fileNamePattern.exec(fileName);
  if (!match) return [];
  const [, , fileCategory, fileCode] = match;
  const category = record.category ?? 'undefined';
  const code = record.sourceCountryCode ?? '';
  if (fileCategory === category && fileCode === code) return [];
  const message =
    `the file name says ${fileCategory}/${fileCode || '(no country)'} but the front matter says ` +
    `${category}/${code || '(no country)'}; the front matter is used`;
  return [{ source: fileName, line: 1, severity: 'warning', code: 'supporters.source.file-name-mismatch', message }];
}
