import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { normsReference } from './norms.reference.js';
import { importNorms } from './norms.usecases.js';
import { anonymous } from '../../app/authz/actor.js';

/** The norms served from the reference bundle shipped in reference/norms (no ../shared needed). */
describe('the UN norms served from the reference bundle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await normsReference.read(referenceDir);
    await t.database.db.transaction(async (tx) => {
      expect(await normsReference.isEmpty(tx)).toBe(true);
      expect(await normsReference.load(tx, parsed, 'test')).toEqual({ norms: 11 });
    });
  });
  afterAll(async () => t?.close());

  it('loads once: a second load adds nothing, and a visitor may not load', async () => {
    const parsed = await normsReference.read(referenceDir);
    expect(await normsReference.isEmpty(t.database.db)).toBe(false);
    expect(await normsReference.load(t.database.db, parsed, 'test')).toEqual({ norms: 0 });
    await expect(importNorms({ db: t.database.db, norms: parsed, actor: anonymous })).rejects.toMatchObject({ status: 401 });
  });

  it('lists the eleven norms in the API with total, page and pageSize', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/norms?pageSize=5&page=3' })).json();
    expect(body).toMatchObject({ total: 11, page: 3, pageSize: 5 });
    expect(body.items.map((n: { paragraph: string }) => n.paragraph)).toEqual(['13(k)']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/norms?pageSize=1000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/norms');
  });

  it('shows a norm in English with its source, and on French pages the G7 wording marked as the G7\'s', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/en/norms/13i' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('States should take reasonable steps to ensure the integrity of the supply chain');
    expect(en.body).toContain('Source: UN A/70/174 (22 July 2015), para. 13(i)');
    expect(en.body).not.toContain('chaîne d&#39;approvisionnement');
    const fr = await t.app.inject({ method: 'GET', url: '/fr/norms/13(i)' });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Formulation française de la synthèse du G7');
    expect(fr.body).toContain('ce n’est pas le texte français officiel de l’ONU');
    expect(fr.body).toMatch(/<blockquote lang="fr"><p>Les États doivent prendre des mesures raisonnables/);
  });

  it('lists the tools that serve the norm: the WG6 toolkit\'s actions for 13(i) and 13(j)', async () => {
    const i = await t.app.inject({ method: 'GET', url: '/en/norms/13i' });
    expect(i.body).toContain('<a href="/en/toolkit/actions/A14">Toolkit action A14: dynamic management of digital security</a>');
    const j = await t.app.inject({ method: 'GET', url: '/fr/norms/13j' });
    expect(j.body).toContain('<a href="/fr/toolkit/actions/A18">');
    const a = await t.app.inject({ method: 'GET', url: '/en/norms/13a' });
    expect(a.body).toContain('No tool of the platform is linked to this norm yet.');
  });

  it('lists all norms, and answers an unknown one with a localized 404', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/fr/norms' });
    expect(list.statusCode).toBe(200);
    expect((list.body.match(/<a href="\/fr\/norms\/13[a-k]">/g) ?? []).length).toBe(11);
    const missing = await t.app.inject({ method: 'GET', url: '/fr/norms/13z' });
    expect(missing.statusCode).toBe(404);
    const unknown = await t.app.inject({ method: 'GET', url: '/en/norms/99' });
    expect(unknown.statusCode).toBe(404);
  });
});
