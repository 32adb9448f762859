import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvTable } from './io/index.csv.js';
import { systemActor } from '../../app/authz/actor.js';
import type { Database } from '../../app/database/database.js';
import type { StoredTable } from './index.models.js';
import { createDraftEdition, publishEdition, type CreateDraftInput } from './index.usecases.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'io/fixtures');

/** A small COINr fixture table (io/fixtures) as the secretariat uploads it. */
export function fixtureTable(name: string): StoredTable {
  const t = readCsvTable(readFileSync(join(fixtures, name), 'utf8'));
  return { columns: t.columns ?? [], rows: t.rows as Record<string, string>[] };
}

/**
 * A test's set-up: the small fixture edition created and published by the system (`cli:test`), with a normalisation
 * step and the first edition's note; `draft` adds or replaces what the test is about (titles, steps, runs, gaps).
 */
export async function publishFixtureEdition(db: Database, draft: Pick<CreateDraftInput, 'slug' | 'titles'> & Partial<CreateDraftInput>): Promise<void> {
  const system = systemActor('cli:test');
  await createDraftEdition({ db }, system, {
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    ...draft,
  });
  await publishEdition({ db }, system, { slug: draft.slug, changesNote: { en: 'First', fr: 'Première' } });
}
