import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '../../app/authz/actor.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDraftEdition, publishEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';
import { formatRawWithUnit, unitCodes, unitText } from './views/format.js';

/**
 * Issue 14.5: the methodology page says its steps in words, never as the configuration's JSON, and a coded unit
 * (COINr's ASEM example: "(1 (yes)/0 (no))") reads "1 (yes)" after a value, never "1 (1 (yes)/0 (no))".
 */
const operator: SystemActor = { kind: 'system', ref: 'cli:test' };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const iMeta = fixtureTable('small-iMeta.csv');
  const iData = fixtureTable('small-iData.csv');
  // "shut" becomes a yes/no indicator, coded as in the ASEM example.
  iMeta.rows = iMeta.rows.map((r) => (r.iCode === 'shut' ? { ...r, Unit: '(1 (yes)/0 (no))' } : r));
  iData.rows = iData.rows.map((r) => ({ ...r, shut: Number(r.shut) > 0 ? '1' : '0' }));
  await createDraftEdition({ db: t.database.db }, operator, {
    slug: 'readable',
    titles: { en: 'Readable', fr: 'Lisible' },
    iData,
    iMeta,
    config: {
      steps: [{ step: 'denominate' }, { step: 'impute', method: 'groupMean', group: 'Region' }, { step: 'treat', winmax: 5 }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }],
      aggregate: { method: 'arithmetic', datThresh: { 2: 0.6 } },
    },
    uncertainty: { seed: 7, runs: 64, weightPerturbation: 0.25 },
  });
  await publishEdition({ db: t.database.db }, operator, { slug: 'readable', changesNote: { en: 'First', fr: 'Première' } });
});
afterAll(async () => t?.close());

describe('coded and plain units', () => {
  it.each([
    [1, '(1 (yes)/0 (no))', '1 (yes)'],
    [0, '(1 (yes)/0 (no))', '0 (no)'],
    [2, '(1 (yes)/0 (no))', '2'],
    [12.5, '%', '12.5 %'],
    [3, '(count)', '3 count'],
    [null, '%', '—'],
    [7, null, '7'],
  ] as const)('%s with the unit %s reads %s', (value, unit, expected) => {
    expect(formatRawWithUnit('en', value, unit)).toBe(expected);
  });

  it('keeps a unit whose parentheses are its own', () => {
    expect(unitText('(a) per (b)')).toBe('(a) per (b)');
    expect(unitCodes('USD (2015)')).toBeNull();
  });
});

describe.each(['en', 'fr'] as const)('index pages in %s', (locale) => {
  it('the methodology lists each step and its settings in words', async () => {
    const page = await t.app.inject({ url: `/${locale}/index/readable/methodology` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('{&quot;step');
    expect(page.body).not.toContain('{"step');
    expect(page.body).not.toMatch(/&quot;(method|datThresh)&quot;/);
    if (locale === 'en') {
      expect(page.body).toContain('<strong>Treat outliers</strong>');
      expect(page.body).toContain('Most points winsorised: 5');
      expect(page.body).toContain('Method: mean within the group');
      expect(page.body).toContain('Minimum data availability: level 2: 60%');
    } else {
      expect(page.body).toContain('<strong>Traitement des valeurs aberrantes</strong>');
      expect(page.body).toContain('Méthode : moyenne au sein du groupe');
      expect(page.body).toContain('Nombre maximal de points winsorisés : 5');
    }
  });

  it('a coded unit reads as the meaning of the value', async () => {
    const indicator = await t.app.inject({ url: `/${locale}/index/readable/indicators/shut` });
    expect(indicator.statusCode).toBe(200);
    expect(indicator.body).toContain('1 (yes)');
    expect(indicator.body).not.toMatch(/\d \(1 \(yes\)/);
    for (const unit of ['AAA', 'BBB', 'CCC']) {
      const page = await t.app.inject({ url: `/${locale}/index/readable/units/${unit}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toMatch(/\d \(1 \(yes\)/);
    }
  });
});
