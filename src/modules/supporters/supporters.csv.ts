/**
 * The official CSV export of the registry (`/supporters.csv` on the official site, a Jekyll template): writing it for
 * our own export, and reading it back as an import source with the same validation as the `_supporters/*.md` files.
 */
import { neutraliseCell, restoreCell } from '../../app/csv/csv-cells.js';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { SupporterRecord } from './supporters.models.js';
import { readSupporterFields, type RawSupporterFields } from './supporters.fields.js';
import type { ParsedSupporters, SourceIssue } from './supporters.source.js';

/** The columns of the official export, in its order. There is no `linkedin` column and no statement. */
export const officialCsvColumns = ['name', 'category', 'nationality', 'nature', 'website', 'twitter', 'date_signed'] as const;
export type OfficialCsvColumn = (typeof officialCsvColumns)[number];

/**
 * Appended after the official columns by the public download (`/supporters.csv`): the verification level and its day.
 * Readers of the official format ignore extra columns, our importer included; `pariscall export csv` leaves them out.
 */
export const verificationCsvColumns = ['verification_level', 'verified_on'] as const;

export interface CsvSupporter {
  name: string;
  category: string | null;
  /** Written to the `nationality` column: the code as the source spelled it (`ROM`), like the official export. */
  sourceCountryCode: string | null;
  nature: string | null;
  website: string | null;
  twitter: string | null;
  dateSigned: string | null;
  /** Written only when the export asks for the verification columns. */
  verification?: { level: string; on: string | null };
}

/** A record as one export row; a supporter without a source code (e.g. signed up here) exports its ISO code. */
export function toCsvSupporter(record: SupporterRecord): CsvSupporter {
  return {
    name: record.name,
    category: record.category,
    sourceCountryCode: record.sourceCountryCode ?? record.countryCode,
    nature: record.nature,
    website: record.website,
    twitter: record.twitter,
    dateSigned: record.dateSigned,
  };
}

/**
 * Writes the official format: the bare header line, then every value double-quoted as the Jekyll template does, `\n`
 * line ends (csv-stringify's default, and what the template produces), null as `""`. Inner quotes are doubled (the
 * official template does not, which breaks on a name with a quote). Formula-like cells are neutralised.
 */
export function supportersToCsv(rows: Iterable<CsvSupporter>, options: { verification?: boolean } = {}): string {
  const columns = options.verification ? [...officialCsvColumns, ...verificationCsvColumns] : officialCsvColumns;
  const values = [...rows].map((row) =>
    [
      row.name,
      row.category,
      row.sourceCountryCode,
      row.nature,
      row.website,
      row.twitter,
      row.dateSigned,
      ...(options.verification ? [row.verification?.level ?? null, row.verification?.on ?? null] : []),
    ].map((value) => (value === null ? '' : neutraliseCell(value))),
  );
  return `${columns.join(',')}\n${stringify(values, { quoted: true, quoted_empty: true })}`;
}


/**
 * Parses a CSV in the official format: header required (column names matched case-insensitively, extra columns
 * ignored, a BOM tolerated); `name` is required, other missing columns read as empty with a warning. Each row is
 * validated like a `_supporters/*.md` file; issues name their source `<csvName>:<line>`. Slugs follow the official
 * file-name rule (see officialSlug), which a CSV does not carry.
 */
export function parseSupportersCsv(content: string, csvName: string): ParsedSupporters {
  let rows: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    rows = parseCsv(content, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    const message = `invalid CSV: ${error.message.replace(/ at line \d+/, '')}`;
    return { records: [], files: 0, issues: [{ source: `${csvName}:${line}`, severity: 'error', code: 'supporters.source.invalid-csv', message }] };
  }

  const [header, ...data] = rows;
  const columns = new Map(header?.record.map((cell, index) => [cell.trim().toLowerCase(), index]) ?? []);
  if (!header || !columns.has('name')) {
    const message = `the first line must be the header ${officialCsvColumns.join(',')}`;
    return { records: [], files: data.length, issues: [{ source: `${csvName}:1`, severity: 'error', code: 'supporters.source.csv-header', message }] };
  }

  const issues: SourceIssue[] = [];
  for (const column of officialCsvColumns) {
    if (!columns.has(column)) {
      const message = `no ${column} column: every row reads it as empty`;
      issues.push({ source: `${csvName}:1`, severity: 'warning', code: 'supporters.source.csv-missing-column', message });
    }
  }

  const records: SupporterRecord[] = [];
  const slugLines = new Map<string, number>();
  let previous = header.info;
  for (const row of data) {
    // csv-parse reports the line a record ends on; it starts after the previous one and any skipped blank lines.
    const line = previous.lines + 1 + (row.info.empty_lines - previous.empty_lines);
    previous = row.info;
    const source = `${csvName}:${line}`;
    const fields: RawSupporterFields = {};
    for (const column of officialCsvColumns) {
      const index = columns.get(column);
      const cell = index === undefined ? undefined : row.record[index];
      fields[column] = { value: cell === undefined ? null : restoreCell(cell) };
    }
    const parsed = readSupporterFields({ slug: '', source, fields, statement: '', firstSeen: null });
    issues.push(...parsed.issues);
    if (!parsed.record) continue;
    const record = { ...parsed.record, slug: officialSlug(parsed.record) };
    const firstLine = slugLines.get(record.slug);
    if (firstLine !== undefined) {
      const message = `"${record.name}" gives the slug ${record.slug}, already taken by line ${firstLine}: row skipped`;
      issues.push({ source, severity: 'error', code: 'supporters.source.duplicate-slug', message });
      continue;
    }
    slugLines.set(record.slug, line);
    records.push(record);
  }
  return { records, issues, files: data.length };
}

/**
 * The official file-name rule, `<name>-<category or "undefined">-<nationality as written>`, with the name in
 * snake_case: camelCase words split as Rails' `underscore` does ("PwC" → pw_c, "ICT4Peace" → ict4_peace), accents
 * dropped, every other run of non-alphanumerics one `_`. Reproduces 1,192 of the 1,222 official file names; the rest
 * were named by hand or renamed since (see the tests).
 */
export function officialSlug(record: Pick<SupporterRecord, 'name' | 'category' | 'sourceCountryCode'>): string {
  return `${officialSlugName(record.name)}-${record.category ?? 'undefined'}-${record.sourceCountryCode ?? ''}`;
}

/** Letters NFKD does not decompose into a base letter and a mark. */
const transliterations: Readonly<Record<string, string>> = {
  ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D',
};

export function officialSlugName(name: string): string {
  const slug = name
    .normalize('NFC')
    .replace(/([\p{Lu}\d]+)(\p{Lu}\p{Ll})/gu, '$1_$2')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1_$2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ıłŁøØđĐßæÆœŒþÞðÐ]/g, (letter) => transliterations[letter] ?? letter)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return slug === '' ? 'supporter' : slug;
}

// The registry's tests and importer name them from here.
export { neutraliseCell, restoreCell };
