import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';

/** Principle 6 of the Call (lifecycle security) links to the toolkit that serves it; the other principles do not. */
describe('the toolkit on the page of the principle it serves', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The fixture checkout carries the Call's nine principles.
    t = await createTestApp({ site: fixtureSite });
  });
  afterAll(async () => t?.close());

  it('lists the toolkit under principle 6 in both languages', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/en/principles/6' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h2 id="related-work">Tools of the Call for this principle</h2>');
    expect(en.body).toMatch(/<a href="\/en\/toolkit">ICT supply-chain security toolkit<\/a>/);
    const fr = await t.app.inject({ method: 'GET', url: '/fr/principles/6' });
    expect(fr.body).toContain('Outils de l’Appel pour ce principe');
    expect(fr.body).toMatch(/<a href="\/fr\/toolkit">/);
  });

  it('leaves the other principles without it', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/en/principles/1' });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('related-work');
  });
});
