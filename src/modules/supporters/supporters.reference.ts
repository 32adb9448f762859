/**
 * The registry's part of the reference bundle: the official supporters (with their first-seen dates) and the milestone
 * counts that dated public statements gave. Built from the shared snapshot by the same reader as `pariscall import`,
 * loaded through the same import use case, so the bundle and an import of the official checkout write identical rows.
 */
import path from 'node:path';
import { z } from 'zod';
import { formatBundleFile, readBundleFile, type Provenance } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import type { Executor } from '../../app/database/database.js';
import { supporterCategories } from './supporters.constants.js';
import { importSupporters } from './supporters.import.js';
import { milestoneRecordSchema, type MilestoneRecord } from './supporters.milestones.js';
import type { SupporterRecord } from './supporters.models.js';
import { createSupportersRepository } from './supporters.repository.js';
import { isRegistryEmpty } from './supporters.queries.js';
import { systemActor } from '../../app/authz/actor.js';

export const supportersFile = 'registry/supporters.jsonl';
export const milestonesFile = 'registry/milestones.jsonl';

const officialLicence = 'EUPL-1.2 (the official repository of pariscall.international, see its LICENSE)';
const nullableText = z.string().min(1).nullable();
const isoDate = z.iso.date().nullable();

/** One supporter as bundled: the importer's record, `source` being the official file name. */
const supporterRecordSchema = z.strictObject({
  slug: z.string().regex(/^[^\s/]+$/, 'must be the official file name without .md'),
  name: z.string().min(1),
  category: z.enum(supporterCategories).nullable(),
  nature: nullableText,
  countryCode: z.string().regex(/^[A-Z]{3}$/).nullable(),
  sourceCountryCode: nullableText,
  website: nullableText,
  twitter: nullableText,
  linkedin: nullableText,
  dateSigned: isoDate,
  firstSeen: isoDate,
  statement: z.string(),
  source: z.string().min(1),
}) satisfies z.ZodType<SupporterRecord>;

interface ParsedRegistry {
  supporters: SupporterRecord[];
  milestones: MilestoneRecord[];
}

export const registryReference: ReferencePart<ParsedRegistry> = {
  name: 'registry',

  async build(sharedDir) {
    // The official files' readers are loaded here only: a start that loads the bundle does not need them.
    const { readOfficialSupporters } = await import('./supporters.source.js');
    const { buildMilestones } = await import('./supporters.milestones.js');
    const site = path.join(sharedDir, 'data/pariscall.international');
    const parsed = await readOfficialSupporters(site, { firstSeenCsv: path.join(sharedDir, 'data/pariscall-registry-first-seen.csv') });
    // Invalid files (the official snapshot has a few) are left out, as `pariscall import --skip-invalid` would; the
    // build prints them so a reviewer sees what the bundle omits.
    const supporters = [...parsed.records].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const newest = supporters.reduce((max, r) => [r.dateSigned, r.firstSeen, max].filter(Boolean).sort().at(-1) as string, '1970-01-01');
    const supportersProvenance: Omit<Provenance, 'records'> = {
      file: supportersFile,
      contents: `the official registry of supporters (${parsed.files} files, ${parsed.files - supporters.length} invalid left out), with the date each file first appeared in the official repository`,
      source: 'pariscall.international repository: _supporters/*.md; first-seen dates: pariscall-registry-first-seen.csv (from that repository\'s history)',
      version: newest,
      licence: officialLicence,
    };
    const milestones = await buildMilestones(path.join(sharedDir, 'seeds'));
    return {
      [supportersFile]: formatBundleFile(supportersProvenance, supporters),
      [milestonesFile]: formatBundleFile(milestones.provenance, milestones.records),
    };
  },

  async read(bundleDir) {
    const [supporters, milestones] = await Promise.all([
      readBundleFile(bundleDir, supportersFile, supporterRecordSchema),
      readBundleFile(bundleDir, milestonesFile, milestoneRecordSchema),
    ]);
    return { supporters: supporters.records, milestones: milestones.records };
  },

  isEmpty: (db: Executor) => isRegistryEmpty({ db }),

  async load(tx, parsed, actor) {
    const report = await importSupporters({ db: tx, records: parsed.supporters, issues: [], files: parsed.supporters.length, actor: systemActor(actor) });
    const repository = createSupportersRepository(tx);
    if ((await repository.countMilestones()) === 0) await repository.insertMilestones(parsed.milestones);
    return { supporters: report.added.length, milestones: parsed.milestones.length };
  },
};
