/**
 * Milestone counts of the Call's supporters, as dated public statements gave them: the launch (12 November 2018), one
 * year on (Paris Peace Forum, November 2019) and the French foreign ministry's page updated in January 2022. Each is
 * read from the seed document that reports it, by the sentence that states it: if a seed changes, the build stops
 * instead of shipping a number nobody can trace. The quote goes into the bundle beside the numbers.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Provenance } from '../../app/reference/bundle-file.js';

export const milestoneRecordSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  on: z.iso.date(),
  onPrecision: z.enum(['day', 'month']),
  total: z.number().int().positive().nullable(),
  byCategory: z.partialRecord(z.enum(['state', 'public-authority', 'private-sector', 'civil-society']), z.number().int().positive()),
  atLeast: z.boolean(),
  source: z.string().min(1),
  sourceUrl: z.string().nullable(),
  /** The sentence of the source that gives the numbers, verbatim (French). */
  quote: z.string().min(1),
});
export type MilestoneRecord = z.infer<typeof milestoneRecordSchema>;

interface MilestoneDefinition {
  key: string;
  /** The date of the statement; the seeds give day and month in their text, or only the month (first of the month). */
  on: string;
  onPrecision: 'day' | 'month';
  /** Prefix of the seed file name in `../shared/seeds/`. */
  seed: string;
  source: string;
  sourceUrl: string | null;
  /** Finds the sentence; the named groups are the counts (French thousands separators allowed). */
  pattern: RegExp;
  atLeast: boolean;
}

const definitions: MilestoneDefinition[] = [
  {
    key: 'launch',
    on: '2018-11-12',
    onPrecision: 'day',
    seed: '002_',
    source: 'Press report of the launch, 12 November 2018, quoting the French foreign minister Jean-Yves Le Drian',
    sourceUrl: null,
    pattern: /«(?<state>\d+) Etats, (?<civilSociety>\d+) acteurs de la société civile et (?<privateSector>\d+) partenaires du secteur privé»/,
    atLeast: false,
  },
  {
    key: 'first-anniversary',
    on: '2019-11-12',
    onPrecision: 'day',
    seed: '001_',
    source: 'AFP, Paris Peace Forum, 12 November 2019, quoting the French secretary of state Jean-Baptiste Lemoyne',
    sourceUrl: null,
    pattern: /recueilli (?<state>\d+) signatures d’Etats, et (?<total>[\d.\s]+) au total/,
    atLeast: false,
  },
  {
    key: '2022-01',
    on: '2022-01-01',
    onPrecision: 'month',
    seed: '000_',
    source: 'French Ministry for Europe and Foreign Affairs, « Appel de Paris du 12 novembre 2018 pour la confiance et la sécurité dans le cyberespace », updated January 2022',
    sourceUrl: null,
    pattern: /plus de (?<total>[\d\s]+) soutiens [^.]*?dont (?<state>\d+) États/,
    atLeast: true,
  },
];

function count(text: string): number;
function count(text: string | undefined): number | undefined;
function count(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text.replace(/[.\s\u00a0\u202f]/g, ''));
}

/** Reads each milestone from its seed; throws naming the seed when the sentence is not there. */
export async function buildMilestones(seedsDir: string): Promise<{ provenance: Omit<Provenance, 'records'>; records: MilestoneRecord[] }> {
  const files = await fs.readdir(seedsDir);
  const records: MilestoneRecord[] = [];
  for (const definition of definitions) {
    const file = files.find((name) => name.startsWith(definition.seed));
    if (!file) throw new Error(`milestone ${definition.key}: no seed ${definition.seed}* in ${seedsDir}`);
    const text = (await fs.readFile(path.join(seedsDir, file), 'utf8')).normalize('NFC');
    const match = definition.pattern.exec(text);
    if (!match?.groups) throw new Error(`milestone ${definition.key}: the sentence giving its counts is no longer in seeds/${file}`);
    const { state, civilSociety, privateSector, total } = match.groups;
    const byCategory: MilestoneRecord['byCategory'] = {};
    if (state) byCategory.state = count(state);
    if (civilSociety) byCategory['civil-society'] = count(civilSociety);
    if (privateSector) byCategory['private-sector'] = count(privateSector);
    records.push({
      key: definition.key,
      on: definition.on,
      onPrecision: definition.onPrecision,
      total: count(total) ?? null,
      byCategory,
      atLeast: definition.atLeast,
      source: definition.source,
      sourceUrl: definition.sourceUrl,
      quote: match[0],
    });
  }
  return {
    provenance: {
      file: 'registry/milestones.jsonl',
      contents: 'counts of supporters given by dated public statements (launch, one year on, January 2022)',
      source: 'the project\'s seed documents (press reports and the French foreign ministry\'s page on the Call), quoted verbatim in each record',
      version: records.map((r) => r.on).sort().at(-1) ?? '1970-01-01',
      licence: 'facts (numbers and dates) quoted from the press and a public government page for identification; the short quotes are used under the right of quotation',
    },
    records,
  };
}
