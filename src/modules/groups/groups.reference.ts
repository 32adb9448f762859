/**
 * The working groups' part of the reference bundle: the Call's six groups, their co-chair organisations and their
 * published deliverables (linked to the official site; the files are not bundled). Built from ../shared by
 * groups.source.ts, loaded through the same use case as `pariscall import`.
 */
import path from 'node:path';
import { z } from 'zod';
import { systemActor } from '../../app/authz/actor.js';
import { formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { importReferenceGroups, isGroupsEmpty } from './groups.import.js';
import type { ReferenceGroup } from './groups.models.js';

export const groupsFile = 'groups/groups.jsonl';

const both = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });

export const referenceGroupSchema = z.strictObject({
  sourceKey: z.string().regex(/^wg-\d+$/),
  number: z.number().int().min(1),
  slug: z.string().regex(/^[a-z0-9-]{3,60}$/),
  name: both,
  mandate: both,
  coChairs: z.array(z.strictObject({ name: both, registryName: z.string().min(1).nullable() })).min(1),
  documents: z.array(
    z.strictObject({
      sourceKey: z.string().regex(/^wg-\d+\/[a-z]+$/),
      kind: z.literal('deliverable'),
      title: both,
      url: z.url().startsWith('https://pariscall.international/assets/files/'),
      publishedOn: z.iso.date(),
    }),
  ),
}) satisfies z.ZodType<ReferenceGroup>;

export const groupsReference: ReferencePart<ReferenceGroup[]> = {
  name: 'groups',

  async build(sharedDir) {
    const { readReferenceGroups } = await import('./groups.source.js');
    const { groups, seedFile, date } = await readReferenceGroups({ seedsDir: path.join(sharedDir, 'seeds'), siteDir: path.join(sharedDir, 'data/pariscall.international') });
    return {
      [groupsFile]: formatBundleFile(
        {
          file: groupsFile,
          contents: `the Call's six working groups (opened November 2020): French names and co-chairs as the French ministry's page names them, English names, short mandates written by the Paris Call Platform from those facts, registry names of the co-chairs that are supporters, and the ${groups.reduce((n, g) => n + g.documents.length, 0)} deliverables the official site links (files not bundled)`,
          source: `shared reference folder: seeds/${seedFile} (France Diplomatie, "Cybersécurité : Appel de Paris…", updated January 2022); pariscall.international repository: _includes/pages/texts/{en,fr}/home/working_groups.html (titles and files of the deliverables, ${date})`,
          version: date,
          licence: 'the ministry page: public government page (facts and names quoted: the groups\' names and co-chairs); the site texts: EUPL-1.2 (the official repository of pariscall.international, see its LICENSE); the English names and mandates are the Paris Call Platform\'s',
        },
        groups,
      ),
    };
  },

  async read(bundleDir) {
    return (await readBundleFile(bundleDir, groupsFile, referenceGroupSchema)).records;
  },

  isEmpty: (db) => isGroupsEmpty({ db }),

  async load(tx, parsed, actor) {
    const report = await importReferenceGroups({ db: tx, actor: systemActor(actor), groups: parsed });
    return { groups: report.added.length, coChairs: report.coChairs, matched: report.matched.length, unmatched: report.unmatched.length, documents: report.documentsAdded };
  },
};
