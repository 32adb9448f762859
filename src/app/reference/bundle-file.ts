/**
 * One file of the reference bundle: JSON Lines, so a review reads one record per line and a diff shows what changed.
 * Line 1 is the provenance header (`{"$bundle": {...}}`): what the file holds, where it comes from, the source's
 * version date and licence. Every further line is one record, validated by the caller's zod schema, so a broken file
 * is reported with its name and line number before anything is written.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const provenanceSchema = z.strictObject({
  /** Path of the file inside `reference/`. */
  file: z.string().min(1),
  /** What the records are, in a few words. */
  contents: z.string().min(1),
  /** Where the records come from: the source's name and the paths read in it. */
  source: z.string().min(1),
  sourceUrl: z.string().optional(),
  /** The source's version: the newest date it carries (YYYY-MM-DD). */
  version: z.iso.date(),
  licence: z.string().min(1),
  /** Values left out because their licence does not allow redistribution, said in words; absent when none. */
  withheld: z.string().optional(),
  records: z.number().int().nonnegative(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** A bundle file that cannot be loaded: start-up stops with this message and writes nothing. */
export class BundleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`reference/${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'BundleFileError';
  }
}

export interface BundleFile<T> {
  provenance: Provenance;
  records: T[];
}

/** Serialises records as a bundle file: the header, then one record per line, keys in the order given. */
export function formatBundleFile(provenance: Omit<Provenance, 'records'>, records: readonly unknown[]): string {
  const header = JSON.stringify({ $bundle: { ...provenance, records: records.length } });
  return [header, ...records.map((record) => JSON.stringify(record))].join('\n') + '\n';
}

/** Reads and validates a bundle file; every problem names the file and the line. */
export async function readBundleFile<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<BundleFile<T>> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    throw new BundleFileError(file, null, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error));
  }
  return parseBundleFile(file, text, schema);
}

export function parseBundleFile<T>(file: string, text: string, schema: z.ZodType<T>): BundleFile<T> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = z.object({ $bundle: provenanceSchema }).safeParse(parseLine(file, lines[0] ?? '', 1));
  if (!header.success) throw new BundleFileError(file, 1, `provenance header: ${describe(header.error)}`);
  const provenance = header.data.$bundle;
  const records: T[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const parsed = schema.safeParse(parseLine(file, lines[index] ?? '', index + 1));
    if (!parsed.success) throw new BundleFileError(file, index + 1, describe(parsed.error));
    records.push(parsed.data);
  }
  if (records.length !== provenance.records) {
    throw new BundleFileError(file, null, `the header announces ${provenance.records} records, the file has ${records.length}`);
  }
  return { provenance, records };
}

function parseLine(file: string, line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new BundleFileError(file, number, `not valid JSON (${(error as Error).message})`);
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ');
}


/** Data files currently in the bundle directory (`*.jsonl`), as paths relative to it. */
export async function listBundleFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The provenance headers of every file of a bundle directory, sorted by file: what the open-data page lists. */
export async function readBundleProvenance(dir: string): Promise<Provenance[]> {
  const files = await listBundleFiles(dir);
  const headers: Provenance[] = [];
  for (const file of files) {
    const handle = await fs.open(path.join(dir, file));
    try {
      // The header is the first line; the pilot edition's record after it is most of a megabyte, not read here.
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(8192), position: 0 });
      const firstLine = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
      const header = z.object({ $bundle: provenanceSchema }).safeParse(parseLine(file, firstLine, 1));
      if (header.success) headers.push(header.data.$bundle);
    } finally {
      await handle.close();
    }
  }
  return headers;
}
