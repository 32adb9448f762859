/**
 * A file's size checked against `uploadLimits` before it is parsed: parsing holds every cell in memory (ExcelJS keeps
 * a few hundred bytes per cell), so a small workbook that inflates to millions of cells must be refused from what it
 * declares and from a streamed look at it, never by loading it.
 *
 * Runs in the parsing worker, before any file of an upload is parsed (index.parse-worker.ts): counting the cells of a
 * sheet near the cap takes a few hundred milliseconds, which on the main thread delayed every other request.
 *
 * A workbook is read through unzipper (ExcelJS reads with it too): its zip directory gives every entry's uncompressed
 * size without inflating anything; each worksheet is then inflated as a stream, chunk by chunk, to read its
 * `<dimension ref="A1:BM2001"/>` and count its `<c>` elements, stopping as soon as a cap is passed. Inflated bytes
 * are counted as they come, so a directory that understates them is caught too.
 */
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { uploadLimits } from './index.upload-limits.js';

/** A cap a file passes, with what was found: the kind names the message shown. */
export interface LimitBreach {
  kind: 'fileBytes' | 'xlsxInflatedBytes' | 'cells';
  found: number;
  max: number;
}

/** The part of unzipper's `Open` API used here (it ships no types). */
interface ZipEntry {
  path: string;
  type: 'File' | 'Directory';
  uncompressedSize: number;
  stream(): NodeJS.ReadableStream & { destroy(): void };
}
interface Unzipper {
  Open: { buffer(bytes: Buffer): Promise<{ files: ZipEntry[] }> };
}
const unzipper = createRequire(import.meta.url)('unzipper') as Unzipper;

const isWorksheet = (path: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(path);

/** The cells a range such as `A1:BM2001` spans (one cell for `A1`), or null when it does not parse. */
export function rangeCells(ref: string): number | null {
  const corners = ref.split(':').map((c) => /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(c.trim()));
  if (corners.length === 0 || corners.length > 2 || corners.some((m) => m === null)) return null;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [from, to = from] = corners as [RegExpExecArray, RegExpExecArray?];
  const width = Math.abs(column(to[1] as string) - column(from[1] as string)) + 1;
  const height = Math.abs(Number(to[2]) - Number(from[2])) + 1;
  return width * height;
}

/**
 * `<c` followed by a space, `>` or `/`: a cell element (`<col`, `<cfRule` and the like are not), counting those that
 * start before `end`.
 */
function countCells(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('<c'); i !== -1 && i < end; i = text.indexOf('<c', i + 2)) {
    const next = text.charCodeAt(i + 2);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/**
 * Streams one worksheet, adding its inflated bytes to `inflated.bytes` and returning its cells: the larger of its
 * declared dimension and the cell elements counted. Stops early, returning what it found so far, once the cell or
 * inflated-size budget left is passed.
 */
async function scanWorksheet(entry: ZipEntry, inflated: { bytes: number }, cellBudget: number): Promise<number> {
  const stream = entry.stream();
  let counted = 0;
  let dimension = 0;
  let head = '';
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated.bytes += chunk.length;
      // Elements starting in the last two characters are counted with the next chunk, which completes them.
      const text = tail + chunk.toString('latin1');
      counted += countCells(text, text.length - 2);
      tail = text.slice(-2);
      if (head.length < 4096) {
        head += chunk.toString('latin1', 0, 4096);
        const ref = /<(?:\w+:)?dimension\s+ref="([^"]*)"/.exec(head);
        if (ref) dimension = rangeCells(ref[1] as string) ?? 0;
      }
      if (Math.max(dimension, counted) > cellBudget || inflated.bytes > uploadLimits.xlsxInflatedBytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Math.max(dimension, counted + countCells(tail));
}

/** A workbook's first passed cap, or null; throws when the bytes are not a zip (the parser then says it is malformed). */
export async function checkXlsx(bytes: Buffer): Promise<LimitBreach | null> {
  if (bytes.length > uploadLimits.fileBytes) return { kind: 'fileBytes', found: bytes.length, max: uploadLimits.fileBytes };
  const directory = await unzipper.Open.buffer(bytes);
  const files = directory.files.filter((f) => f.type === 'File');
  const declared = files.reduce((sum, f) => sum + f.uncompressedSize, 0);
  if (declared > uploadLimits.xlsxInflatedBytes) return { kind: 'xlsxInflatedBytes', found: declared, max: uploadLimits.xlsxInflatedBytes };
  const inflated = { bytes: 0 };
  let cells = 0;
  for (const entry of files.filter((f) => isWorksheet(f.path))) {
    cells += await scanWorksheet(entry, inflated, uploadLimits.cells - cells);
    if (inflated.bytes > uploadLimits.xlsxInflatedBytes) return { kind: 'xlsxInflatedBytes', found: inflated.bytes, max: uploadLimits.xlsxInflatedBytes };
    if (cells > uploadLimits.cells) return { kind: 'cells', found: cells, max: uploadLimits.cells };
  }
  return null;
}

/** The end of a CSV's first record: the first line break outside quotes (a header may quote a name with a line break). */
function headerEnd(bytes: Buffer): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a && !quoted) return i + 1;
  }
  return bytes.length;
}

/** Line breaks in a buffer (a fast upper bound of its records: quoted line breaks are counted too). */
function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
}

/**
 * A CSV's first passed cap, or null: its bytes, then its cells as lines × the header's columns. A header that does
 * not parse counts as one column; the parser will say what is wrong with it.
 */
export function checkCsv(bytes: Buffer): LimitBreach | null {
  if (bytes.length > uploadLimits.fileBytes) return { kind: 'fileBytes', found: bytes.length, max: uploadLimits.fileBytes };
  let columns = 1;
  try {
    const [header = []] = parse(bytes.subarray(0, headerEnd(bytes)), { bom: true }) as string[][];
    columns = Math.max(1, header.length);
  } catch {
    // left to the parser, which reports the malformed file
  }
  const cells = countLines(bytes) * columns;
  return cells > uploadLimits.cells ? { kind: 'cells', found: cells, max: uploadLimits.cells } : null;
}
