/**
 * Reads the existing practices from their sources: the G7 synthesis (`seeds/004_*.txt`) and the case studies of an
 * official checkout. Either may be absent (a checkout without the seeds beside it, a test fixture): the result says
 * which and why, and the import goes on with the other. A source that is there but does not read is an error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { readCaseStudies } from '../io/case-studies.source.js';
import { readG7Synthesis } from '../io/g7-synthesis.source.js';
import { caseStudyPractices, type SkippedCaseStudy } from './case-studies.practices.js';
import { g7Practices } from './g7-synthesis.practices.js';
import type { ImportedPractice, SourcePassage } from './imports.models.js';

export interface ExistingPractices {
  g7: { file: string; date: string; practices: ImportedPractice[]; passages: SourcePassage[] } | { skipped: string };
  caseStudies: { practices: ImportedPractice[]; skipped: SkippedCaseStudy[]; warnings: string[]; missing: string[] };
}

/** The G7 synthesis in `seedsDir` (`004_<hash>.txt`), or why there is none. */
export async function readG7FromSeeds(seedsDir: string): Promise<ExistingPractices['g7']> {
  const names = await fs.readdir(seedsDir).catch(() => null);
  if (names === null) return { skipped: `no folder ${seedsDir} (give the seeds folder with --seeds)` };
  const name = names.find((n) => n.startsWith('004_') && n.endsWith('.txt'));
  if (!name) return { skipped: `no 004_*.txt (the G7 synthesis) in ${seedsDir}` };
  const file = `seeds/${name}`;
  const doc = readG7Synthesis(await fs.readFile(path.join(seedsDir, name), 'utf8'), file);
  return { file, date: doc.date, ...g7Practices(doc, file) };
}

export async function readExistingPractices(input: { siteDir: string; seedsDir: string }): Promise<ExistingPractices> {
  const [g7, files] = await Promise.all([readG7FromSeeds(input.seedsDir), readCaseStudies(input.siteDir)]);
  return { g7, caseStudies: { ...caseStudyPractices(files), missing: files.missing } };
}
