import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { formatImportReport, importSite } from '../../site-import.js';
import { systemActor } from '../../app/authz/actor.js';
import { fixtureSite } from '../../../test/helpers/app.js';
import { supporters } from './supporters.tables.js';
import { markSupporterClaimed, publicFieldsOf, publishSupporter, updateSupporterFields, withdrawSupporter } from './supporters.usecases.js';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const firstSeenCsv = path.join(fixtureSite, 'first-seen.csv');
const bySlug = async (slug: string) => (await database.db.select().from(supporters).where(eq(supporters.slug, slug)))[0];

/** The fixture site with every supporter's name changed, as a newer official checkout would differ. */
function renamedSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-site-'));
  fs.cpSync(fixtureSite, dir, { recursive: true });
  const folder = path.join(dir, '_supporters');
  for (const file of fs.readdirSync(folder)) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    fs.writeFileSync(path.join(folder, file), text.replace(/^name: "?(.*?)"?$/m, 'name: "$1 (renamed upstream)"'));
  }
  return dir;
}

describe('an import never undoes what was decided on the platform', () => {
  it('keeps an entry whose edit was approved on the platform, and reports it as kept with the reason', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    const serbia = await bySlug('serbie-state-SCG');
    await updateSupporterFields(database.db, serbia!.id, { ...publicFieldsOf(serbia!), name: 'République de Serbie' }, { actor: systemActor('test') });

    const report = await importSite(database, { source: renamedSite(), firstSeenCsv, actor: 'test' });
    expect(report.kept).toContainEqual({ slug: 'serbie-state-SCG', reason: 'edited' });
    expect(report.updated).not.toContain('serbie-state-SCG');
    expect((await bySlug('serbie-state-SCG'))?.name).toBe('République de Serbie');
    expect(formatImportReport(report)).toMatch(/kept as changed on the platform: 1\n\s+serbie-state-SCG \(edit approved on the platform\)/);
    // Every other entry follows the newer source.
    expect(report.updated).toHaveLength(12);
  });

  it('an import of the very same source after an edit reports the entry as kept, not as an update', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    const serbia = await bySlug('serbie-state-SCG');
    await updateSupporterFields(database.db, serbia!.id, { ...publicFieldsOf(serbia!), website: 'https://www.srbija.gov.rs/' }, { actor: systemActor('test') });
    const report = await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(13);
    expect((await bySlug('serbie-state-SCG'))?.website).toBe('https://www.srbija.gov.rs/');
  });

  it('keeps a claimed entry and a withdrawn one, and never republishes the withdrawn one', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    const serbia = await bySlug('serbie-state-SCG');
    const romania = await bySlug('roumanie-state-ROM');
    await markSupporterClaimed(database.db, serbia!.id, { actor: systemActor('test') });
    await withdrawSupporter(database.db, romania!.id, { actor: systemActor('test'), reason: 'asked by the State' });

    const report = await importSite(database, { source: renamedSite(), firstSeenCsv, actor: 'test' });
    expect(report.kept).toEqual(
      expect.arrayContaining([
        { slug: 'serbie-state-SCG', reason: 'claimed' },
        { slug: 'roumanie-state-ROM', reason: 'withdrawn' },
      ]),
    );
    expect((await bySlug('serbie-state-SCG'))?.name).toBe(serbia!.name);
    expect(await bySlug('roumanie-state-ROM')).toMatchObject({ status: 'withdrawn', name: romania!.name });
  });

  it('an entry published through the platform is marked as joined there', async () => {
    const published = await publishSupporter(
      database.db,
      { name: 'Fictional Institute', category: 'civil-society', countryCode: 'FRA', nature: null, website: null, twitter: null, linkedin: null, statement: '', statementLocale: null },
      { actor: systemActor('test') },
    );
    expect((await bySlug(published.slug))?.platformChange).toBe('joined');
  });
});
