/**
 * Published practices for the library's tests: `buildPractice(overrides)` makes a row as the practices' publication
 * leaves it (content columns filled, folded search text, `published` state), `insertPractices` lays rows through the
 * library's repository. Drafts and withdrawn practices are built the same way with another `state`.
 */
import type { Executor } from '../../../app/database/database.js';
import { createId } from '../../../app/database/columns.js';
import { practiceSearchText } from '../practices/practices.content.js';
import type { practices } from '../practices/practices.tables.js';
import { createLibraryRepository } from './library.repository.js';

export type PracticeRow = typeof practices.$inferInsert;

let serial = 0;

export function buildPractice(overrides: Partial<PracticeRow> = {}): PracticeRow & { id: string } {
  serial += 1;
  const row = {
    id: createId('prc'),
    origin: 'platform',
    state: 'published',
    title: { en: `Practice ${serial}` },
    description: { en: `What practice ${serial} does.` },
    original: 'en',
    kind: 'strategy',
    implementationStatus: 'in-force',
    year: 2024,
    principles: [1],
    norms: ['13a'],
    sectors: ['all'],
    countries: ['FRA'],
    category: 'state',
    attribution: null,
    supporterId: null,
    publishedRevision: 1,
    // One second apart, in build order: "newest first" is the reverse of the order they were built in.
    publishedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, serial)),
    createdBy: 'test',
    ...overrides,
  } satisfies PracticeRow;
  const searchText = overrides.searchText ?? practiceSearchText({ title: row.title ?? {}, description: row.description ?? {} }, row.attribution);
  return { ...row, searchText };
}

export async function insertPractices(db: Executor, rows: PracticeRow[]): Promise<void> {
  await createLibraryRepository(db).insertMany(rows);
}
