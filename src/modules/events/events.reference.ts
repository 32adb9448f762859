/**
 * The events' part of the reference bundle: the official site's five events (`_events/*.md`), read by the same reader
 * as `pariscall import` and loaded through the same use case, so the bundle and an import write identical rows.
 */
import path from 'node:path';
import { systemActor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { formatBundleFile, readBundleFile } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { importOfficialEvents } from './events.import.js';
import { createEventsRepository } from './events.repository.js';
import { officialEventSchema, readOfficialEvents, type OfficialEvent } from './events.source.js';

export const eventsFile = 'events/official-events.jsonl';

export const eventsReference: ReferencePart<OfficialEvent[]> = {
  name: 'events',

  async build(sharedDir) {
    const records = await readOfficialEvents(path.join(sharedDir, 'data/pariscall.international'));
    const version = records.map((e) => e.endDate).sort().at(-1) ?? '2020-01-01';
    return {
      [eventsFile]: formatBundleFile(
        {
          file: eventsFile,
          contents: 'the events of the official site, all-day (dates only, end date inclusive), with place, link and openness',
          source: 'pariscall.international repository: _events/*.md (front matter and body)',
          version,
          licence: 'EUPL-1.2 (the official repository of pariscall.international, see its LICENSE)',
        },
        records,
      ),
    };
  },

  async read(bundleDir) {
    return (await readBundleFile(bundleDir, eventsFile, officialEventSchema)).records;
  },

  isEmpty: (db: Executor) => createEventsRepository(db).isEmpty(),

  async load(tx, parsed, actor) {
    const report = await importOfficialEvents({ db: tx, events: parsed, actor: systemActor(actor) });
    return { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, kept: report.kept.length };
  },
};
