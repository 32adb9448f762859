import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { publishFixtureEdition } from './index.usecases.test-support.js';

/** An address the index does not have is a 404, whatever is in it: unknown units, control characters in a slug. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await publishFixtureEdition(t.database.db, {
    slug: 'probe-edition',
    titles: { en: 'Probe edition', fr: 'Édition sonde' },
  });
});
afterAll(async () => t?.close());

describe.each(['en', 'fr'] as const)('index addresses in %s', (locale) => {
  it('a unit the edition does not have is a 404, as in the API, and the error page never names it', async () => {
    const api = await t.app.inject({ url: '/api/v1/index/editions/probe-edition/units/ZZZ' });
    expect(api.statusCode).toBe(404);
    const page = await t.app.inject({ url: `/${locale}/index/probe-edition/units/ZZZ` });
    expect(page.statusCode).toBe(404);
    expect(/<main[\s\S]*<\/main>/.exec(page.body)?.[0]).not.toContain('ZZZ');
    const unit = (await t.app.inject({ url: '/api/v1/index/editions/probe-edition' })).json().snapshot.units[0].code as string;
    expect((await t.app.inject({ url: `/${locale}/index/probe-edition/units/${unit}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/${locale}/index/probe-edition/units/${unit.toLowerCase()}` })).statusCode).toBe(200);
  });

  it.each(['probe-edition%00', 'a%00b', '%00', 'probe%01edition', 'probe-edition%E2%80%AE'])('a slug with a control character (%s) is a 404 on every page', async (slug) => {
    for (const suffix of ['', '/map', '/methodology', '/units/AAA', '/indicators/X']) {
      const response = await t.app.inject({ url: `/${locale}/index/${slug}${suffix}` });
      expect(response.statusCode, `${slug}${suffix}`).toBe(404);
    }
    expect((await t.app.inject({ url: `/${locale}/index/probe-edition/units/A%00A` })).statusCode).toBe(404);
  });
});
