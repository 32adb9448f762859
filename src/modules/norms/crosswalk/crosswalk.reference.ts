/**
 * The crosswalk's part of the reference bundle: the links between principles and norms that the WG4 report supports,
 * each with its rationale (EN/FR), the report's page and the excerpt it rests on. Loaded on a first start, and never
 * again once imported (the secretariat may have removed links since: see `isCrosswalkEmpty`).
 */
import { z } from 'zod';
import { systemActor } from '../../../app/authz/actor.js';
import { formatBundleFile, readBundleFile } from '../../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../../app/reference/reference.js';
import { wg4Report, type ParsedCrosswalkLink } from './crosswalk.models.js';
import { importCrosswalk, isCrosswalkEmpty } from './crosswalk.usecases.js';

export const crosswalkFile = 'norms/crosswalk.jsonl';

const linkSchema = z.strictObject({
  principleNumber: z.number().int().min(1).max(9),
  normCode: z.string().regex(/^13[a-k]$/),
  rationale: z.strictObject({ en: z.string().min(1), fr: z.string().min(1).optional() }),
  source: z.strictObject({ document: z.string().min(1), page: z.number().int().positive() }),
  excerpt: z.string().min(1),
}) satisfies z.ZodType<ParsedCrosswalkLink>;

export const crosswalkReference: ReferencePart<ParsedCrosswalkLink[]> = {
  name: 'crosswalk',

  async build(sharedDir) {
    const { readCrosswalkFromShared } = await import('../io/crosswalk.source.js');
    const { links, file } = await readCrosswalkFromShared(sharedDir);
    return {
      [crosswalkFile]: formatBundleFile(
        {
          file: crosswalkFile,
          contents: 'the crosswalk between the Call\'s nine principles and the UN norms (A/70/174 para. 13): one link per line, its rationale in English and French, and the page of the WG4 report it rests on with the report\'s words',
          source: `shared reference folder: ${file} (Paris Call Working Group 4, "Advancing International Cyber Norms: Multistakeholder Recommendations", 10/11/2021): the excerpts and their pages; the rationales are the platform's own words`,
          version: '2021-11-10',
          licence: `${wg4Report}: public report of the Paris Call working group; rationales EUPL-1.2 (this repository)`,
        },
        links,
      ),
    };
  },

  async read(bundleDir) {
    return (await readBundleFile(bundleDir, crosswalkFile, linkSchema)).records;
  },

  isEmpty: (db) => isCrosswalkEmpty({ db }),

  async load(tx, parsed, actor) {
    const { added } = await importCrosswalk({ db: tx, links: parsed, actor: systemActor(actor) });
    return { links: added.length };
  },
};
