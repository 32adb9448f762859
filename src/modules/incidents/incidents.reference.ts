/**
 * The incidents' part of the reference bundle: the crosswalk between the frames, read from the research brief's §4.5
 * proposal by `incidents.source.ts`. Loaded when the crosswalk table is empty; loading again (a re-import) adds
 * what is missing and updates what the secretariat has not edited, never undoing an edit.
 */
import { systemActor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { crosswalkEntrySchema, type CrosswalkEntry } from './incidents.crosswalk.js';
import { createIncidentsRepository } from './incidents.repository.js';
import { importCrosswalk } from './incidents.crosswalk-usecases.js';
import { readCrosswalkSource } from './incidents.source.js';

export const crosswalkFile = 'incidents/crosswalk.jsonl';

export const incidentsReference: ReferencePart<CrosswalkEntry[]> = {
  name: 'incidents',

  async build(sharedDir) {
    return {
      [crosswalkFile]: formatBundleFile(
        {
          file: crosswalkFile,
          contents: 'the crosswalk between incident classification frames: six common levels (NCISS priority level, NCSC category, EU impact colours, default notification urgency) and the NIS root cause each RSIT class usually means',
          source: 'shared reference folder: research/cooperation-anchors.md §4.5 (the cross-walk proposal); French wording and the RSIT → root cause rows are the Paris Call Platform’s',
          version: '2026-08-01',
          licence: 'EUPL-1.2 (the Paris Call Platform’s research brief and reading of the frames)',
        },
        await readCrosswalkSource(sharedDir),
      ),
    };
  },

  async read(bundleDir) {
    return (await readBundleFile(bundleDir, crosswalkFile, crosswalkEntrySchema)).records;
  },

  isEmpty: (db: Executor) => createIncidentsRepository(db).crosswalkIsEmpty(),

  async load(tx, parsed, actor) {
    return importCrosswalk({ db: tx, entries: parsed, actor: systemActor(actor) });
  },
};
