/**
 * The pilot through the secretariat's screens, on the real open data (beside the repository, never copied in): the
 * files `pariscall index pilot` writes are uploaded as an analyst would, previewed and published; the coverage of
 * the WG5 framework is derived from the uploaded iMeta, so the parts without data are listed as for the CLI's pilot.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import { pilotDraftInput } from './index.pilot-usecases.js';
import { postForm, postMultipart } from './index.secretariat.test-support.js';
import { indexEditions } from './index.tables.js';
import { writePilotEdition } from './sources/index.pilot-files.js';
import { buildPilotEdition } from './sources/index.pilot.js';

const open = needsShared('the pilot, uploaded through the secretariat’s screens', sharedPaths.indexSources);
const sources = open.path;

describe.skipIf(!open.available)(open.title('the pilot, uploaded through the secretariat’s screens'), () => {
  let t: TestApp;
  let cookie: string;
  const dir = mkdtempSync(join(tmpdir(), 'pariscall-pilot-files-'));
  const upload = (name: string) => ({ name, bytes: readFileSync(join(dir, name)) });

  beforeAll(async () => {
    await writePilotEdition({ sourcesDir: sources, outDir: dir });
    t = await createTestApp();
    cookie = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, previews and publishes it, listing the same framework parts without data as the command line', async () => {
    const created = await postMultipart(t, '/en/secretariat/index', {
      slug: 'pilot-upload',
      titleEn: 'Cyberstability Index — Pilot (uploaded)',
      titleFr: 'Indice de cyberstabilité — Pilote (téléversé)',
      iData: upload('iData.csv'),
      iMeta: upload('iMeta.csv'),
      pipeline: upload('pipeline.json'),
    }, cookie);
    expect(created.statusCode).toBe(303);

    const [row] = await t.database.db.select().from(indexEditions).where(eq(indexEditions.slug, 'pilot-upload'));
    const expected = pilotDraftInput(await buildPilotEdition({ sourcesDir: sources }), 'x').withoutData;
    expect(row?.framework.withoutData.categories.map((c) => c.code)).toEqual(expected?.categories.map((c) => c.code));
    expect(row?.framework.withoutData.indicators.map((i) => i.code).sort()).toEqual(expected?.indicators.map((i) => i.code).sort());

    const page = await t.app.inject({ url: '/en/secretariat/index/pilot-upload', headers: { cookie } });
    expect(page.body).toContain(`${expected?.categories.length} categories, ${expected?.indicators.length} indicators of the WG5 framework`);

    const preview = await t.app.inject({ url: '/fr/secretariat/index/pilot-upload/preview', headers: { cookie } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('France');

    const published = await postForm(t, '/en/secretariat/index/pilot-upload/publish', { noteEn: '', noteFr: '' }, '/en/secretariat/index/pilot-upload', cookie);
    expect(published.statusCode).toBe(303);
    const methodology = await t.app.inject({ url: '/en/index/pilot-upload/methodology' });
    expect(methodology.statusCode).toBe(200);
    for (const c of expected?.categories ?? []) expect(methodology.body).toContain(c.name);
  }, 120_000);
});
