import type { SystemActor } from '../../app/authz/actor.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { StoredTable } from './index.models.js';
import type { EditionChanges, UnitChange } from './index.changes.js';
import { createDraftEdition, publishEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';

/**
 * "What changed and why" on the public pages: a second edition with another weight, a corrected value, a new and a
 * dropped unit, against the first. Both languages show the note, the configuration change and the largest moves.
 */
const operator: SystemActor = { kind: 'system', ref: 'cli:test' };
let t: TestApp;

/** The fixture's four units three times over (AAA0 … DDD2), values scaled apart, so there are more moves than shown. */
function manyUnits(): StoredTable {
  const base = fixtureTable('small-iData.csv');
  const scale = (v: string | undefined, k: number) => (v === undefined || v === 'NA' ? 'NA' : String(Math.round(Number(v) * (1 + 0.07 * k) * 100) / 100));
  const rows = [0, 1, 2].flatMap((k) =>
    base.rows.map((r) => ({ ...r, uCode: `${r.uCode}${k}`, uName: `${r.uName} ${k}`, shut: scale(r.shut, k), press: scale(r.press, k), gci: scale(r.gci, 2 - k) })),
  );
  return { columns: base.columns, rows };
}

const notes = {
  en: 'GCI weight equalised; Beta 2020 corrected.\n\nEcho joins, Delta 2 leaves <for now> & more.',
  fr: 'Poids du GCI égalisés ; Beta 2020 corrigé.\n\nEcho entre, Delta 2 sort <pour l’instant> & plus.',
};

beforeAll(async () => {
  t = await createTestApp();
  const deps = { db: t.database.db };
  const common = {
    config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 7, runs: 64, weightPerturbation: 0.25 },
  };
  await createDraftEdition(deps, operator, { ...common, slug: 'first', titles: { en: 'First edition', fr: 'Première édition' }, iData: manyUnits(), iMeta: fixtureTable('small-iMeta.csv') });
  await publishEdition(deps, operator, { slug: 'first', changesNote: { en: 'The first one', fr: 'La première' } });

  const iData = manyUnits();
  const alpha = iData.rows.filter((r) => r.uCode === 'AAA0');
  iData.rows = [
    ...iData.rows.filter((r) => r.uCode !== 'DDD2').map((r) => (r.uCode === 'BBB0' && r.Time === '2020' ? { ...r, gci: '95' } : r)),
    ...alpha.map((r) => ({ ...r, uCode: 'EEE', uName: 'Echo', press: '50' })),
  ];
  const iMeta = fixtureTable('small-iMeta.csv');
  iMeta.rows = iMeta.rows.map((r) => (r.iCode === 'gci' ? { ...r, Weight: '1' } : r));
  await createDraftEdition(deps, operator, { ...common, slug: 'second', titles: { en: 'Second edition', fr: 'Deuxième édition' }, iData, iMeta });
  await publishEdition(deps, operator, { slug: 'second', changesNote: notes });
}, 120_000);
afterAll(async () => t?.close());

const score = (locale: string, v: number | null) => (v === null ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v));
const magnitude = (d: number | null) => (d === null ? -1 : Math.abs(d));

async function changes(): Promise<EditionChanges> {
  return (await t.app.inject({ url: '/api/v1/index/editions/second' })).json().changes as EditionChanges;
}

/** The "What changed and why" section of a page. */
function section(body: string): string {
  const found = body.match(/<section id="changes"[\s\S]*?<\/section>/)?.[0];
  expect(found, 'the changes section').toBeDefined();
  return found ?? '';
}

describe.each(['en', 'fr'] as const)('what changed and why, in %s', (locale) => {
  const text = {
    en: { title: 'What changed and why', first: 'This is the first edition of the index', more: 'more changes are not shown', up: 'up', down: 'down', isNew: 'new', dropped: 'dropped' },
    fr: { title: 'Ce qui a changé, et pourquoi', first: 'C’est la première édition de l’indice', more: 'autres variations ne sont pas affichées', up: 'gagne', down: 'perd', isNew: 'nouvelle entrée', dropped: 'sortie' },
  }[locale];

  it('the second edition’s ranking shows the note, a link to the first, the weight change and the largest moves first', async () => {
    const res = await t.app.inject({ url: `/${locale}/index/second` });
    expect(res.statusCode).toBe(200);
    const html = section(res.body);
    expect(html).toContain(`<h2 id="changes-title">${text.title}</h2>`);
    // The why, in the page's language, one paragraph per paragraph of the note, escaped.
    const [first] = notes[locale].split('\n\n');
    expect(html).toContain(`<p>${first}</p>`);
    expect(html).toContain(locale === 'en' ? '<p>Echo joins, Delta 2 leaves &lt;for now> &amp; more.</p>' : '<p>Echo entre, Delta 2 sort &lt;pour l’instant> &amp; plus.</p>');
    expect(html).not.toMatch(/<for now|<pour/);
    expect(html).not.toContain(notes[locale === 'en' ? 'fr' : 'en'].slice(0, 12));
    expect(html).toContain(`href="/${locale}/index/first">${locale === 'en' ? 'First edition' : 'Première édition'}</a>`);
    // The configuration change: path, before and after.
    expect(html).toMatch(/<th scope="row"><code>framework\.gci\.weight<\/code><\/th><td><code>2<\/code><\/td><td><code>1<\/code><\/td>/);
    expect(html).toMatch(/<caption>[^<]+<\/caption><thead><tr><th scope="col">/);

    // The moves: 20 rows, largest rank change first, then score change; the rest counted, with a link to all of them.
    const all = await changes();
    const expected = [...all.units].sort((a, b) => magnitude(b.rank.delta) - magnitude(a.rank.delta) || magnitude(b.score.delta) - magnitude(a.score.delta));
    expect(all.units.length).toBeGreaterThan(20);
    const shown = [...html.matchAll(/<tr><th scope="row"><a href="\/[a-z]{2}\/index\/second\/units\/([A-Z0-9]+)\?time=(\d+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(html.slice(html.lastIndexOf('<tbody>')).match(/<tr>/g)).toHaveLength(20);
    expect(shown.length).toBeGreaterThan(10);
    const key = (u: UnitChange) => `${u.unit} ${u.time}`;
    const magnitudes = (keys: string[]) => keys.map((k) => magnitude(all.units.find((u) => key(u) === k)!.rank.delta));
    expect(magnitudes(shown)).toEqual(magnitudes(expected.slice(0, shown.length).map(key)));
    expect(html).toContain(`${all.units.length - 20} ${text.more}`);
    expect(html).toContain('href="/api/v1/index/editions/second"');

    // A unit that moved: its score before → after with the signed change, its rank before → after in words.
    const moved = all.units.find((u) => key(u) === shown[0])!;
    const row = html.match(new RegExp(`units/${moved.unit}\\?time=${moved.time}"[\\s\\S]*?</tr>`))?.[0] ?? '';
    expect(row).toContain(`${score(locale, moved.score.before)} → ${score(locale, moved.score.after)}`);
    expect(row).toContain(`${moved.rank.before} → ${moved.rank.after}`);
    expect(moved.rank.delta).not.toBe(0);
    expect(row).toContain((moved.rank.delta ?? 0) > 0 ? text.down : text.up);
  });

  it('the first edition says plainly that it is the first, with nothing to compare', async () => {
    const res = await t.app.inject({ url: `/${locale}/index/first` });
    expect(res.statusCode).toBe(200);
    const html = section(res.body);
    expect(html).toContain(text.first);
    expect(html).toContain(locale === 'en' ? 'The first one' : 'La première');
    expect(html).not.toContain('<table');
  });

  it('a unit’s page shows its own change, with new and dropped units labelled', async () => {
    const all = await changes();
    const beta = all.units.find((u) => u.unit === 'BBB0' && u.time === 2020)!;
    expect(beta.score.delta).not.toBeNull();
    const betaPage = section((await t.app.inject({ url: `/${locale}/index/second/units/BBB0?time=2020` })).body);
    expect(betaPage).toContain(`href="/${locale}/index/first"`);
    expect(betaPage).toMatch(/<tr><th scope="row"><span>2020<\/span><\/th>/);
    expect(betaPage).toContain(`${score(locale, beta.score.before)} → ${score(locale, beta.score.after)}`);
    expect(betaPage).toContain(`href="/${locale}/index/second#changes"`);

    const echo = section((await t.app.inject({ url: `/${locale}/index/second/units/EEE` })).body);
    expect(echo).toContain(`<span class="badge">${text.isNew}</span>`);
    expect(echo).toContain(`— → ${score(locale, all.units.find((u) => u.unit === 'EEE' && u.time === 2021)!.score.after)}`);
    const gone = section((await t.app.inject({ url: `/${locale}/index/second/units/DDD2` })).body);
    expect(gone).toContain(`<span class="badge">${text.dropped}</span>`);

    const firstPage = section((await t.app.inject({ url: `/${locale}/index/first/units/BBB0` })).body);
    expect(firstPage).toContain(text.first);
  });
});
