import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { publishPilotEdition } from './index.pilot-usecases.js';
import { getPublishedEdition } from './index.usecases.js';

/** The open data sit beside the repository on the project's machines (never copied in). */
const open = needsShared('publishing the pilot edition', sharedPaths.indexSources);
const sources = open.path;

describe.skipIf(!open.available)(open.title('publishing the pilot edition'), () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('when the pilot is published from the open data, it is labelled Pilot and lists the framework parts without data', async () => {
    const { edition } = await publishPilotEdition({ db: handle.db }, { kind: 'system', ref: 'cli:test' }, { sourcesDir: sources, slug: 'pilot' });
    expect(edition.titleEn).toContain('Pilot');
    expect(edition.titleFr).toContain('Pilot');
    const published = await getPublishedEdition({ db: handle.db }, 'pilot');
    const { snapshot } = published;
    expect(snapshot.units.length).toBeGreaterThan(100);
    expect(snapshot.coverage.withoutData.categories.length).toBeGreaterThan(0);
    expect(snapshot.coverage.withoutData.indicators.length).toBeGreaterThan(0);
    // Nothing without data is in the tree, and every ranked unit has bands.
    const codes = new Set(snapshot.nodes.map((n) => n.code));
    for (const missing of snapshot.coverage.withoutData.indicators) expect(codes.has(missing.code)).toBe(false);
    const ranked = snapshot.rows.filter((r) => r.ranks[snapshot.top] !== null);
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) expect(r.bands[snapshot.top]?.rank.p95).not.toBeNull();
    expect(published.createdBy).toBe('cli:test');
  });
});
