/**
 * The Call's part of the reference bundle: the text of the Call and the case studies per principle (Markdown, EN/FR,
 * cleaned by the same reader as `pariscall import`), and the nine principles' names.
 */
import path from 'node:path';
import { z } from 'zod';
import { formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { createCallRepository } from './call.repository.js';
import type { CallDocument, PrincipleSource } from './call.source.js';
import { locales } from '../../app/i18n/i18n.js';
import { importCallContent } from './call.usecases.js';
import { systemActor } from '../../app/authz/actor.js';

export const documentsFile = 'call/documents.jsonl';
export const principlesFile = 'call/principles.jsonl';

const licence = 'EUPL-1.2 (the official repository of pariscall.international, see its LICENSE)';
const localizedText = z.strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() });

const documentSchema = z.strictObject({
  key: z.string().regex(/^(call|case-studies\/principle-[1-9])$/),
  locale: z.enum(locales),
  markdown: z.string().min(1),
  source: z.string().min(1),
}) satisfies z.ZodType<CallDocument>;

const principleSchema = z.strictObject({
  number: z.number().int().min(1).max(9),
  shortName: localizedText,
  fullName: localizedText,
}) satisfies z.ZodType<PrincipleSource>;

interface ParsedCallBundle {
  documents: CallDocument[];
  principles: PrincipleSource[];
}

export const callReference: ReferencePart<ParsedCallBundle> = {
  name: 'call',

  async build(sharedDir) {
    // The official files' readers are loaded here only: a start that loads the bundle does not need them.
    const { readCallContent } = await import('./call.source.js');
    const { readFirstSeen } = await import('../../shared/first-seen.js');
    const parsed = await readCallContent(path.join(sharedDir, 'data/pariscall.international'));
    const problems = parsed.issues.filter((i) => i.severity === 'error');
    if (problems.length) throw new Error(`the Call's texts have errors: ${problems.map((p) => `${p.source}: ${p.message}`).join('; ')}`);
    const documents = [...parsed.documents].sort((a, b) => (a.key === b.key ? (a.locale < b.locale ? -1 : 1) : a.key < b.key ? -1 : 1));
    const principles = [...parsed.principles].sort((a, b) => a.number - b.number);
    // The texts carry no date of their own: the version is the snapshot's, the newest first-seen date of its history.
    const firstSeen = await readFirstSeen(path.join(sharedDir, 'data/pariscall-registry-first-seen.csv'));
    const version = [...firstSeen.values()].sort().at(-1) ?? '2019-09-16';
    const source = 'pariscall.international repository';
    return {
      [documentsFile]: formatBundleFile(
        { file: documentsFile, contents: 'the text of the Call and the supporters\' case studies for each principle, Markdown, English and French', source: `${source}: _includes/pages/texts/{en,fr}/call/paris-call.md and case-studies/principle-N.md (Jekyll markup removed)`, version, licence },
        documents,
      ),
      [principlesFile]: formatBundleFile(
        { file: principlesFile, contents: 'the nine principles, short and full names, English and French', source: `${source}: _data/translations/principles.yml`, version, licence },
        principles,
      ),
    };
  },

  async read(bundleDir) {
    const [documents, principles] = await Promise.all([
      readBundleFile(bundleDir, documentsFile, documentSchema),
      readBundleFile(bundleDir, principlesFile, principleSchema),
    ]);
    return { documents: documents.records, principles: principles.records };
  },

  async isEmpty(db) {
    return (await createCallRepository(db).countContent()) === 0;
  },

  async load(tx, parsed, actor) {
    const counts = await importCallContent({ db: tx, parsed: { ...parsed, issues: [] }, actor: systemActor(actor) });
    return { documents: counts.documents, principles: counts.principles };
  },
};
