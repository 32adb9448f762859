/**
 * The index's part of the reference bundle: the published pilot edition (`index/pilot-edition.jsonl`, one record),
 * so a fresh clone serves it without computing it (11–15 s and 600 MB). Built from the open data in
 * `../shared/data/index` by the same code as `pariscall index publish --pilot` (the pilot's draft input, then the
 * publication's computation, index.compute.ts), but without its inputs: the dataset's iData stays empty, its source
 * text kept. The figures of sources whose licence does not allow redistribution are left out (`withholdLicensedValues`).
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
import type { EditionConfig, EditionDataset, EditionFramework, EditionSnapshot, SnapshotNode } from './index.models.js';
import { createIndexRepository } from './index.repository.js';
import { changesSchema, editionSlugSchema, snapshotSchema, uncertaintySettingsSchema, withoutDataSchema } from './index.schemas.js';

export const pilotEditionFile = 'index/pilot-edition.jsonl';
export const PILOT_SLUG = 'pilot';

/**
 * Sources this platform may not redistribute (`../shared/data/index/README.md`), matched on the start of an
 * indicator's `source`.
 */
export const withheldSources = [
  { source: /^ITU Global Cybersecurity Index/, name: 'ITU GCI', why: 'copyright ITU' },
  { source: /^EuRepoC/, name: 'EuRepoC', why: 'no licence in the source repository; “confirm terms before publishing derived data”' },
] as const;

/** A node whose figures are withheld, and the withheld indicators (with their sources) it is computed from. */
export interface WithheldNode {
  code: string;
  kind: 'indicator' | 'aggregate';
  /** The withheld indicators below it (the indicator itself for an indicator). */
  from: { code: string; name: string; why: string }[];
}

/**
 * The licence rule. For an indicator whose source may not be redistributed, neither its raw values nor anything read
 * off them alone is published: its normalised score is a min–max rescaling of the raw value (for GCI in 2020 the very
 * same number, other years the raw value times a constant), its rank orders the raw values, and an aggregate all of
 * whose indicator descendants are such indicators carries those numbers again (ConfEnv and Confidence are GCI's
 * score, ServAvail and Services CIDisrupt's). So, in every row, such an indicator's raw value, score and rank are null,
 * and such an aggregate's score and rank (its bands left out); their Sobol indices (statistics of those ranks) are
 * dropped; each node is marked `scoresWithheld` (the indicators `rawWithheld` too). An aggregate with at least one
 * redistributable indicator is our result and kept (the pilot's Index: three categories, one of them open). The
 * coverage (how many units have a value, per year) says nothing of the values and is kept; the changes compare the
 * Index only.
 */
export function withholdLicensedValues(snapshot: EditionSnapshot): { snapshot: EditionSnapshot; withheld: WithheldNode[] } {
  const ruleOf = (node: SnapshotNode) => (node.kind === 'indicator' ? withheldSources.find((s) => s.source.test(node.source ?? '')) : undefined);
  const children = (code: string) => snapshot.nodes.filter((n) => n.parent === code);
  const indicatorsBelow = (node: SnapshotNode): SnapshotNode[] => (node.kind === 'indicator' ? [node] : children(node.code).flatMap(indicatorsBelow));
  const withheld: WithheldNode[] = snapshot.nodes.flatMap((node) => {
    const below = indicatorsBelow(node);
    if (!below.length || !below.every((n) => ruleOf(n))) return [];
    return [{ code: node.code, kind: node.kind, from: below.map((n) => ({ code: n.code, name: ruleOf(n)?.name ?? '', why: ruleOf(n)?.why ?? '' })) }];
  });
  const codes = new Set(withheld.map((w) => w.code));
  const blank = (record: Record<string, number | null>) => Object.fromEntries(Object.entries(record).map(([code, v]) => [code, codes.has(code) ? null : v]));
  const nodes = snapshot.nodes.map((node): SnapshotNode => {
    if (!codes.has(node.code)) return node;
    return node.kind === 'indicator' ? { ...node, rawWithheld: 'licence', scoresWithheld: 'licence' } : { ...node, scoresWithheld: 'licence' };
  });
  const rows = snapshot.rows.map((row) => ({
    ...row,
    raw: blank(row.raw),
    scores: blank(row.scores),
    ranks: blank(row.ranks),
    // Left out rather than nulled: a row's bands may already lack a node (indicators have none), and it is a third of the file.
    bands: Object.fromEntries(Object.entries(row.bands).filter(([code]) => !codes.has(code))),
  }));
  const sensitivity = Object.fromEntries(Object.entries(snapshot.uncertainty.sensitivity).filter(([code]) => !codes.has(code)));
  return { snapshot: { ...snapshot, nodes, rows, uncertainty: { ...snapshot.uncertainty, sensitivity } }, withheld };
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
export async function buildReferenceEdition(sourcesDir: string): Promise<{ edition: ReferenceEdition; withheld: WithheldNode[] }> {
  // The open data's importers are loaded here only: a start that loads the bundle does not need them.
  const { buildPilotEdition } = await import('./sources/index.pilot.js');
  const { pilotDraftInput } = await import('./index.pilot-usecases.js');
  const pilot = await buildPilotEdition({ sourcesDir });
  const input = pilotDraftInput(pilot, PILOT_SLUG);
  const config = editionConfigOf(input);
  const framework: EditionFramework = { iMeta: input.iMeta, withoutData: input.withoutData };
  const computed = computePublication({ iData: input.iData, iMeta: input.iMeta, source: input.source, config, withoutData: input.withoutData }, null);
  const { snapshot, withheld } = withholdLicensedValues(computed.snapshot);
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

/** The header's `withheld`: what is left out, why, and what is kept. */
function withheldText(withheld: WithheldNode[]): string {
  const indicators = withheld.filter((w) => w.kind === 'indicator');
  const aggregates = withheld.filter((w) => w.kind === 'aggregate');
  const fedBy = aggregates.map((a) => `${a.code} ← ${a.from.map((f) => f.code).join(' + ')}`);
  return (
    `raw values, normalised scores, ranks and bands of ${indicators.map((w) => `${w.code} (${w.from[0]?.name}: ${w.from[0]?.why})`).join(' and ')}, ` +
    `and the scores, ranks, bands and Sobol indices of the aggregates computed from them alone (${fedBy.join(', ')}): values, scores and ranks null ` +
    'in every row, bands left out, each node marked scoresWithheld "licence" (the indicators also rawWithheld "licence"). A normalised score is a ' +
    'min–max rescaling of the raw value (for GCI in 2020 the same number) and these aggregates carry the same numbers, so withholding the raw values ' +
    'alone would not do. Kept: the Index (our composite of three categories, one of them open), the aggregates and indicators of open sources, and ' +
    'the coverage (units with data per year); the Index being the weighted mean of its categories, it still gives the weighted sum of the withheld ones'
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
