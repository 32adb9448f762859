/**
 * The norms' part of the reference bundle: the eleven norms of A/70/174 para. 13, English verbatim, with the G7
 * synthesis's French wording marked as the G7's (the UN's French text is not in the shared folder).
 */
import { z } from 'zod';
import { systemActor } from '../../app/authz/actor.js';
import { formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import type { ParsedNorm } from './norms.models.js';
import { importNorms, isNormsEmpty } from './norms.usecases.js';

export const normsFile = 'norms/norms.jsonl';

const normSchema = z.strictObject({
  code: z.string().regex(/^13[a-k]$/),
  paragraph: z.string().regex(/^13\([a-k]\)$/),
  position: z.number().int().min(1).max(11),
  text: z.strictObject({ en: z.string().min(1), fr: z.string().min(1).optional() }),
  sources: z.strictObject({ en: z.string().min(1), fr: z.string().min(1).optional() }),
  frWording: z.enum(['g7', 'un']).nullable(),
}) satisfies z.ZodType<ParsedNorm>;

export const normsReference: ReferencePart<ParsedNorm[]> = {
  name: 'norms',

  async build(sharedDir) {
    const { readNormsFromShared } = await import('./io/norms.source.js');
    const { norms, files } = await readNormsFromShared(sharedDir);
    return {
      [normsFile]: formatBundleFile(
        {
          file: normsFile,
          contents: 'the 11 norms of responsible State behaviour (A/70/174 para. 13 (a)–(k)): English verbatim; French as worded by the G7 synthesis of 2019, marked as such',
          source: `shared reference folder: ${files.english} (the English, checked against the sources it lists) and ${files.g7} (the G7 synthesis, Dinard, 26/08/2019)`,
          version: '2015-07-22',
          licence: 'United Nations document A/70/174 (public UN document); G7 synthesis published by the French Ministry for Europe and Foreign Affairs (public document)',
        },
        norms,
      ),
    };
  },

  async read(bundleDir) {
    return (await readBundleFile(bundleDir, normsFile, normSchema)).records;
  },

  isEmpty: (db) => isNormsEmpty({ db }),

  async load(tx, parsed, actor) {
    const { added } = await importNorms({ db: tx, norms: parsed, actor: systemActor(actor) });
    return { norms: added.length };
  },
};
