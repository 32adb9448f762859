/**
 * Reader of the WG4 report's text (`pdftotext -layout` of WG4-Final-Report-101121.pdf, in `shared/data/reports-text/`)
 * for the crosswalk: its pages, each principle's chapter, and the page of each seed link's excerpt.
 *
 * Pages: pdftotext starts every page after the first with a form feed (U+000C), so page N is the text after the
 * (N−1)th form feed. The report prints its page number as the last line of most pages ("5", or "11   11" where the
 * layout repeats it): every printed number must equal the page counted, which proves the counting. Chapters: the
 * contents page lists "Paris Call Principle #N … page", then "Advancing International Norms … 28" after #9; each
 * chapter must open with its "Paris Call Principle #N" heading on the page the contents give, and runs to the page
 * before the next entry. An excerpt must appear exactly once in its principle's chapter (white space collapsed): its
 * page is where it starts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sortLinks, wg4Report, type ParsedCrosswalkLink } from '../crosswalk/crosswalk.models.js';
import type { CrosswalkSeedLink } from './crosswalk.seed.js';
import { NormsSourceError } from './norms.source.js';

export const wg4File = `data/reports-text/${wg4Report}.txt`;

export interface ReportPage {
  number: number;
  /** The page's text, white space collapsed. */
  text: string;
  /** 1-based line of the file where the page starts. */
  line: number;
}

/** The report's pages, checked against the page numbers it prints. */
export function readReportPages(text: string, file: string): ReportPage[] {
  let line = 1;
  return text.split('\f').map((raw, index) => {
    const page = { number: index + 1, text: raw.replace(/\s+/g, ' ').trim(), line };
    const lines = raw.split('\n');
    const printed = /^\s*(\d{1,3})(?:\s+\1)?\s*$/.exec(lines.filter((l) => l.trim() !== '').at(-1) ?? '');
    if (printed && Number(printed[1]) !== page.number) {
      throw new NormsSourceError(`${file}:${line}`, `page ${page.number} (counted by form feeds) prints the number ${printed[1]}`);
    }
    line += lines.length - 1;
    return page;
  });
}

/** Each principle's chapter, as first and last page, from the contents checked against the chapters' headings. */
export function principleChapters(pages: readonly ReportPage[], file: string): Map<number, { from: number; to: number }> {
  const contents = pages.find((page) => page.text.startsWith('Contents '));
  if (!contents) throw new NormsSourceError(file, 'no contents page');
  const starts = [...contents.text.matchAll(/Paris Call Principle #(\d) (\d{1,2})\b/g)].map((m) => ({ number: Number(m[1]), page: Number(m[2]) }));
  const after = /Advancing International Norms (\d{1,2})\b/.exec(contents.text);
  if (starts.length !== 9 || starts.some((start, i) => start.number !== i + 1) || !after) {
    throw new NormsSourceError(`${file}:${contents.line}`, 'the contents do not list principles #1 to #9 then "Advancing International Norms"');
  }
  const chapters = new Map<number, { from: number; to: number }>();
  starts.forEach((start, i) => {
    const heading = pages[start.page - 1];
    if (!heading?.text.startsWith(`Paris Call Principle #${start.number} `)) {
      throw new NormsSourceError(`${file}:${heading?.line ?? contents.line}`, `the contents put principle #${start.number} on page ${start.page}, which does not open with its heading`);
    }
    chapters.set(start.number, { from: start.page, to: (starts[i + 1]?.page ?? Number(after[1])) - 1 });
  });
  return chapters;
}

/** The seed's links with the page each excerpt is on, in the crosswalk's order. */
export function placeCrosswalkLinks(text: string, file: string, seed: readonly CrosswalkSeedLink[]): ParsedCrosswalkLink[] {
  const pages = readReportPages(text, file);
  const chapters = principleChapters(pages, file);
  const seen = new Set<string>();
  const links = seed.map((link) => {
    const key = `${link.principleNumber}/${link.normCode}`;
    if (!/^13[a-k]$/.test(link.normCode)) throw new NormsSourceError('crosswalk seed', `${key}: not a norm of A/70/174 para. 13`);
    if (seen.has(key)) throw new NormsSourceError('crosswalk seed', `${key} appears twice`);
    seen.add(key);
    const chapter = chapters.get(link.principleNumber);
    if (!chapter) throw new NormsSourceError('crosswalk seed', `${key}: the report has no chapter for principle ${link.principleNumber}`);
    const excerpt = link.excerpt.replace(/\s+/g, ' ').trim();
    const found = pages.slice(chapter.from - 1, chapter.to).flatMap((page) => occurrences(page.text, excerpt).map(() => page.number));
    if (found.length !== 1) {
      const where = `pages ${chapter.from}–${chapter.to}`;
      throw new NormsSourceError(file, `${key}: "${excerpt}" is ${found.length ? `found ${found.length} times` : 'not found'} in the chapter of principle ${link.principleNumber} (${where})`);
    }
    return { principleNumber: link.principleNumber, normCode: link.normCode, rationale: link.rationale, source: { document: wg4Report, page: found[0]! }, excerpt };
  });
  return sortLinks(links);
}

function occurrences(text: string, excerpt: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(excerpt); at !== -1; at = text.indexOf(excerpt, at + 1)) found.push(at);
  return found;
}

/** Reads the report from the shared folder and places the seed's links. */
export async function readCrosswalkFromShared(sharedDir: string): Promise<{ links: ParsedCrosswalkLink[]; file: string }> {
  const { crosswalkSeed } = await import('./crosswalk.seed.js');
  const text = await fs.readFile(path.join(sharedDir, wg4File), 'utf8');
  return { links: placeCrosswalkLinks(text, wg4File, crosswalkSeed), file: wg4File };
}
