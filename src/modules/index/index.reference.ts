/**
 * The index's part of the reference bundle: the published pilot edition (`index/pilot-edition.jsonl`, one record),
 * so a fresh clone serves it without computing it (11–15 s and 600 MB). Built from the open data in
 * `../shared/data/index` by the same code as `pariscall index publish --pilot` (the pilot's draft input, then the
 * publication's computation, index.compute.ts), but without its inputs: the dataset's iData stays empty, its source
 * text kept. Raw values whose source's licence does not allow redistribution are left out (see `withheldSources`).
 * Loaded as a published edition flagged as the pilot, audited `index.edition.load-reference`.
 */
import path from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../../app/audit/audit.js';
import { BundleFileError, formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { parsePipelineConfig } from './io/index.pipeline-config.schemas.js';
import type { EditionChanges } from './index.changes.js';
import { computePublication, editionConfigOf } from './index.compute.js';
import type { EditionConfig, EditionDataset, EditionFramework, EditionSnapshot } from './index.models.js';
import { pilotDraftInput } from './index.pilot-usecases.js';
import { createIndexRepository } from './index.repository.js';
import { changesSchema, editionSlugSchema, snapshotSchema, uncertaintySettingsSchema, withoutDataSchema } from './index.schemas.js';
import { buildPilotEdition } from './sources/index.pilot.js';

export const pilotEditionFile = 'index/pilot-edition.jsonl';
export const PILOT_SLUG = 'pilot';

/**
 * Sources whose raw values this platform may not redistribute (`../shared/data/index/README.md`), matched on the
 * start of an indicator's `source`. Their normalised scores, ranks and bands are results of ours and stay.
 */
export const withheldSources = [
  { source: /^ITU Global Cybersecurity Index/, name: 'ITU GCI', why: 'copyright ITU' },
  { source: /^EuRepoC/, name: 'EuRepoC', why: 'no licence in the source repository; “confirm terms before publishing derived data”' },
] as const;

/** An indicator whose raw values are withheld, and the time points where its normalised scores equal them anyway. */
export interface WithheldIndicator {
  code: string;
  name: string;
  why: string;
  /**
   * Time points where every normalised score equals the raw value (a min–max rescaling over a range that already is
   * 0–100): said in the bundle's header, since there the kept scores give the withheld values away.
   */
  scoresEqualRaw: (number | null)[];
}

/** The snapshot with the raw values of every withheld source's indicators set to null, each such node marked. */
export function withholdRawValues(snapshot: EditionSnapshot): { snapshot: EditionSnapshot; withheld: WithheldIndicator[] } {
  const withheld: WithheldIndicator[] = [];
  const nodes = snapshot.nodes.map((node) => {
    const rule = node.kind === 'indicator' ? withheldSources.find((s) => s.source.test(node.source ?? '')) : undefined;
    if (!rule) return node;
    const scoresEqualRaw = snapshot.times.filter((time) => {
      const rows = snapshot.rows.filter((r) => r.time === time && typeof r.raw[node.code] === 'number');
      return rows.length > 0 && rows.every((r) => Math.abs((r.raw[node.code] as number) - (r.scores[node.code] ?? Number.NaN)) < 1e-9);
    });
    withheld.push({ code: node.code, name: rule.name, why: rule.why, scoresEqualRaw });
    return { ...node, rawWithheld: 'licence' as const };
  });
  const codes = new Set(withheld.map((w) => w.code));
  const rows = snapshot.rows.map((row) => ({ ...row, raw: Object.fromEntries(Object.entries(row.raw).map(([code, v]) => [code, codes.has(code) ? null : v])) }));
  return { snapshot: { ...snapshot, nodes, rows }, withheld };
}

/**
 * Numbers kept to 12 significant digits: far beyond what the pages show, and the same bytes on every machine even
 * where the last bits of a floating-point sum differ. Object key order is kept (the builders' fixed order).
 */
function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : Number(value.toPrecision(12))) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
  return value;
}

/** The bundled edition: everything an `index_editions` row of a published edition holds, but its iData. */
export interface ReferenceEdition {
  slug: string;
  titles: { en: string; fr: string };
  isPilot: boolean;
  /** The version date of the sources (YYYY-MM-DD): fixed, so a rebuild gives the same bytes. */
  publishedAt: string;
  framework: EditionFramework;
  dataset: EditionDataset;
  config: EditionConfig;
  snapshot: EditionSnapshot;
  changes: EditionChanges;
}

const pipelineSchema = z.custom<EditionConfig['pipeline']>((v) => parsePipelineConfig(v).ok, 'not a valid pipeline configuration');
const storedTableSchema = z.strictObject({ columns: z.array(z.string()), rows: z.array(z.record(z.string(), z.string())) });

const referenceEditionSchema = z.strictObject({
  slug: editionSlugSchema,
  titles: z.strictObject({ en: z.string().min(1), fr: z.string().min(1) }),
  isPilot: z.boolean(),
  publishedAt: z.iso.date(),
  framework: z.strictObject({ iMeta: storedTableSchema, withoutData: withoutDataSchema }),
  dataset: z.strictObject({ iData: storedTableSchema, source: z.string().min(1) }),
  config: z.strictObject({ pipeline: pipelineSchema, uncertainty: uncertaintySettingsSchema }),
  snapshot: snapshotSchema.refine((s) => parsePipelineConfig(s.config).ok, { message: 'not a valid pipeline configuration', path: ['config'] }),
  changes: changesSchema,
});

/** The newest YYYY-MM-DD the iMeta's `SourceDate` cells carry (EuRepoC's extraction, 2023-12-04, today). */
function versionOf(framework: EditionFramework, years: number[]): string {
  const dates = framework.iMeta.rows.flatMap((r) => (r.SourceDate ?? '').match(/\d{4}-\d{2}-\d{2}/g) ?? []).sort();
  return dates.at(-1) ?? `${Math.max(...years)}-12-31`;
}

/** Computes the bundled pilot from the open data folder (`<shared>/data/index`), as publication would. */
export async function buildReferenceEdition(sourcesDir: string): Promise<{ edition: ReferenceEdition; withheld: WithheldIndicator[] }> {
  const pilot = await buildPilotEdition({ sourcesDir });
  const input = pilotDraftInput(pilot, PILOT_SLUG);
  const config = editionConfigOf(input);
  const framework: EditionFramework = { iMeta: input.iMeta, withoutData: input.withoutData };
  const computed = computePublication({ iData: input.iData, iMeta: input.iMeta, source: input.source, config, withoutData: input.withoutData }, null);
  const { snapshot, withheld } = withholdRawValues(computed.snapshot);
  const edition: ReferenceEdition = {
    slug: input.slug,
    titles: input.titles,
    isPilot: true,
    publishedAt: versionOf(framework, pilot.years),
    framework,
    dataset: { iData: { columns: [], rows: [] }, source: input.source },
    config,
    snapshot: roundDeep(snapshot),
    changes: roundDeep(computed.changes),
  };
  return { edition, withheld };
}

/** The header's `withheld`: what is left out and why, and what the kept scores still show. */
function withheldText(withheld: WithheldIndicator[]): string {
  const equal = withheld.filter((w) => w.scoresEqualRaw.length > 0).map((w) => `${w.code} in ${w.scoresEqualRaw.join(', ')}`);
  return (
    `raw values of ${withheld.map((w) => `${w.code} (${w.name}: ${w.why})`).join(' and ')}: null in every row, the indicator marked rawWithheld "licence". ` +
    'Their normalised scores (min–max per year after the pipeline\'s outlier treatment: a rescaling of the raw values), ranks and bands are kept' +
    (equal.length ? `; the normalised scores equal the raw values for ${equal.join('; ')} (that year's values already span 0–100)` : '')
  );
}

export const indexReference: ReferencePart<ReferenceEdition> = {
  name: 'index',

  async build(sharedDir) {
    const { edition, withheld } = await buildReferenceEdition(path.join(sharedDir, 'data/index'));
    const licences = edition.snapshot.nodes.filter((n) => n.kind === 'indicator').map((n) => `${n.code}: ${n.licence ?? 'not given'}`);
    const file = formatBundleFile(
      {
        file: pilotEditionFile,
        contents: 'the published pilot edition of the Cyberstability Index: framework (iMeta and the parts without data), configuration, results with uncertainty bands; not its iData (the inputs are recomputed from the sources with `pariscall index pilot`)',
        source: `open data of ../shared/data/index (${edition.dataset.source}), computed by the platform's index engine as \`pariscall index publish --pilot\` does`,
        version: edition.publishedAt,
        licence: `results computed by the platform: EUPL-1.2; each indicator's source keeps its licence (${licences.join('; ')}); denominators: World Bank, CC BY 4.0`,
        withheld: withheldText(withheld),
      },
      [edition],
    );
    return { [pilotEditionFile]: file };
  },

  async read(bundleDir) {
    const { records } = await readBundleFile(bundleDir, pilotEditionFile, referenceEditionSchema);
    if (records.length !== 1) throw new BundleFileError(pilotEditionFile, null, `one edition expected, the file has ${records.length}`);
    return records[0] as unknown as ReferenceEdition;
  },

  async isEmpty(db) {
    return (await createIndexRepository(db).countAll()) === 0;
  },

  async load(tx, edition, actor) {
    const row = await createIndexRepository(tx).insertPublished({
      slug: edition.slug, titleEn: edition.titles.en, titleFr: edition.titles.fr, status: 'published', isPilot: edition.isPilot,
      framework: edition.framework, dataset: edition.dataset, config: edition.config, snapshot: edition.snapshot, changes: edition.changes,
      publishedAt: new Date(`${edition.publishedAt}T00:00:00Z`), publishedBy: actor, createdBy: actor, previousEditionId: null,
    });
    await recordAudit(tx, {
      actor, action: 'index.edition.load-reference', subject: row.id,
      details: { slug: row.slug, file: pilotEditionFile, pilot: row.isPilot, units: edition.snapshot.units.length, rows: edition.snapshot.rows.length },
    });
    return { editions: 1, units: edition.snapshot.units.length };
  },
};
