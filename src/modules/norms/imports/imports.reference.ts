/**
 * The practice library's part of the reference bundle: the practices that exist before anyone reports one (the G7
 * synthesis of 2019, measure by measure, and the principles' case studies of the official site), and the G7
 * synthesis's framing passages (title, preamble, each section's lead-in) that a regenerated synthesis shows. Built
 * from ../shared by the same readers as `pariscall import`, loaded through the same use case.
 */
import path from 'node:path';
import { z } from 'zod';
import { systemActor } from '../../../app/authz/actor.js';
import { formatBundleFile, readBundleFile } from '../../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../../app/reference/reference.js';
import { practiceContentSchema } from '../practices/practices.content.js';
import type { ImportedPractice, SourcePassage } from './imports.models.js';
import { importPractices, isPracticesEmpty } from './imports.usecases.js';

export const practicesFile = 'norms/practices.jsonl';
export const passagesFile = 'norms/source-passages.jsonl';

const localized = z.strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() });

const importedPracticeSchema = z.strictObject({
  sourceKey: z.string().regex(/^(g7-2019\/13[a-k]|case-study\/principle-[1-9])\/\d+$/),
  origin: z.enum(['g7-synthesis', 'case-study']),
  sourceRef: z.strictObject({ document: z.string().min(1), locator: z.string().min(1), url: z.url().optional() }),
  attribution: localized,
  registryName: z.string().min(1).nullable(),
  category: z.enum(['state', 'public-authority', 'private-sector', 'civil-society']).nullable(),
  content: practiceContentSchema,
}) satisfies z.ZodType<ImportedPractice>;

export const sourcePassageSchema = z.strictObject({
  document: z.string().min(1),
  part: z.string().regex(/^(title|subtitle|preamble|13[a-k])$/),
  text: localized,
  original: z.enum(['en', 'fr']),
}) satisfies z.ZodType<SourcePassage>;

export interface ParsedPracticesBundle {
  practices: ImportedPractice[];
  passages: SourcePassage[];
}

export const practicesReference: ReferencePart<ParsedPracticesBundle> = {
  name: 'practices',

  async build(sharedDir) {
    const { readExistingPractices } = await import('./imports.source.js');
    const { readFirstSeen } = await import('../../../shared/first-seen.js');
    const existing = await readExistingPractices({ siteDir: path.join(sharedDir, 'data/pariscall.international'), seedsDir: path.join(sharedDir, 'seeds') });
    const { g7, caseStudies } = existing;
    // The bundle is the complete set: anything left out of it is a problem to fix before shipping, not to report.
    if ('skipped' in g7) throw new Error(`the G7 synthesis: ${g7.skipped}`);
    const gaps = [...caseStudies.missing.map((file) => `${file} not found`), ...caseStudies.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`), ...caseStudies.warnings];
    if (gaps.length) throw new Error(`the case studies: ${gaps.join('; ')}`);
    // The case studies carry no date: the version is the snapshot's, the newest first-seen date of its history.
    const firstSeen = await readFirstSeen(path.join(sharedDir, 'data/pariscall-registry-first-seen.csv'));
    const snapshot = [...firstSeen.values()].sort().at(-1) ?? '2019-09-16';
    const practices = [...g7.practices, ...caseStudies.practices].sort((a, b) => (a.sourceKey < b.sourceKey ? -1 : 1));
    const g7Source = `shared reference folder: ${g7.file} (G7 Cyber Norm Initiative, "Synthèse des enseignements tirés et des bonnes pratiques", ${g7.date})`;
    const g7Licence = 'public document of the G7, published by the French Ministry for Europe and Foreign Affairs; the English translations, short titles and kinds of measure are the Paris Call Platform\'s';
    return {
      [practicesFile]: formatBundleFile(
        {
          file: practicesFile,
          contents: `the practices that exist before anyone reports one: the G7 synthesis of 2019, one per measure (${g7.practices.length}, French verbatim with an English translation), and the principles' case studies (${caseStudies.practices.length}, English with the site's French)`,
          source: `${g7Source}; pariscall.international repository: _includes/pages/texts/{en,fr}/case-studies/principle-N.md (attributions, kinds and years as src/modules/norms/imports/case-studies.attribution.ts gives them)`,
          version: snapshot,
          licence: `${g7Licence}; the case studies: EUPL-1.2 (the official repository of pariscall.international, see its LICENSE)`,
        },
        practices,
      ),
      [passagesFile]: formatBundleFile(
        {
          file: passagesFile,
          contents: 'the G7 synthesis\'s title, preamble and the lead-in of each norm\'s section, French verbatim with an English translation, shown by a synthesis regenerated from the practices',
          source: g7Source,
          version: g7.date,
          licence: g7Licence,
        },
        g7.passages,
      ),
    };
  },

  async read(bundleDir) {
    const [practices, passages] = await Promise.all([readBundleFile(bundleDir, practicesFile, importedPracticeSchema), readBundleFile(bundleDir, passagesFile, sourcePassageSchema)]);
    return { practices: practices.records, passages: passages.records };
  },

  isEmpty: (db) => isPracticesEmpty({ db }),

  async load(tx, parsed, actor) {
    const report = await importPractices({ db: tx, practices: parsed.practices, actor: systemActor(actor) });
    return { practices: report.added.length, linked: report.matched.length };
  },
};
