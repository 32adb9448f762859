import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { toolkitReference } from '../toolkit.reference.js';
import { neutraliseCell } from '../../../app/csv/csv-cells.js';

describe('the toolkit CSV downloads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  });
  afterAll(async () => t?.close());

  const download = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    return { response, rows: response.statusCode === 200 ? (parse(response.body) as string[][]) : [] };
  };

  it.each([
    ['en', 'frameworks.csv', 35, ['Framework key', 'Framework', 'Category', 'Type of document', 'Recipient: States']],
    ['fr', 'frameworks.csv', 35, ['Clé du référentiel', 'Référentiel', 'Catégorie', 'Type de document', 'Destinataire : États']],
    ['en', 'actions.csv', 25, ['Action', 'OECD principle', 'Title (report)']],
    ['fr', 'actions.csv', 25, ['Action', 'Principe de l’OCDE', 'Intitulé (rapport)']],
    ['en', 'cells.csv', 875, ['Framework key', 'Framework', 'Category', 'Action', 'OECD principle', 'Status', 'Provision', 'Quotation']],
    ['fr', 'cells.csv', 875, ['Clé du référentiel', 'Référentiel', 'Catégorie', 'Action', 'Principe de l’OCDE', 'Statut', 'Disposition', 'Citation']],
  ] as const)('/%s/toolkit/export/%s: UTF-8 CSV, a header row in the language, then %i rows', async (locale, file, count, header) => {
    const { response, rows } = await download(`/${locale}/toolkit/export/${file}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="wg6-2021-${file}"`);
    expect(rows[0]!.slice(0, header.length)).toEqual(header);
    expect(rows).toHaveLength(count + 1);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });

  it('writes the same machine values in both languages, and 271 quoted cells', async () => {
    const en = (await download('/en/toolkit/export/cells.csv')).rows;
    const fr = (await download('/fr/toolkit/export/cells.csv')).rows;
    expect(fr.slice(1)).toEqual(en.slice(1));
    expect(en.slice(1).filter((row) => row[5] === 'quoted')).toHaveLength(271);
    const enisa = en.find((row) => row[0] === 'pp-9' && row[3] === 'A4');
    expect(enisa).toEqual(['pp-9', expect.stringMatching(/ENISA/), 'public-policy', 'A4', 'transparency', 'quoted', 'Documentation transparency', expect.any(String), 'Public policy!I9', 'H9:I9']);
    const frameworks = (await download('/en/toolkit/export/frameworks.csv')).rows;
    expect(frameworks.find((row) => row[0] === 'pp-5')).toEqual(expect.arrayContaining(['EU Cybersecurity Act', 'public-policy', 'true', '13', '12', 'Public policy!A5']));
    expect(frameworks.find((row) => row[0] === 'pp-11')!.slice(4, 10)).toEqual(['false', '', 'false', '', 'false', '']);
  });

  it('downloads the view the matrix filters show: category, principle, recipient, framework, action, status', async () => {
    const rows = async (query: string, file = 'cells.csv') => (await download(`/en/toolkit/export/${file}?${query}`)).rows.length - 1;
    expect(await rows('category=public-private')).toBe(75);
    expect(await rows('category=public-policy&status=quoted')).toBe(105);
    expect(await rows('principle=proportionality&principle=innovation')).toBe(35 * 5);
    expect(await rows('framework=pp-5&action=a4&action=A5')).toBe(2);
    expect(await rows('recipient=states&recipient=private-sector&recipient=individuals')).toBe(34 * 25);
    expect(await rows('category=public-private', 'frameworks.csv')).toBe(3);
    expect(await rows('category=', 'frameworks.csv')).toBe(35);
    expect(await rows('principle=cooperation', 'actions.csv')).toBe(4);
  });

  it('refuses a bad filter with a 400 problem+json in the page’s language, naming the field', async () => {
    for (const [locale, title] of [
      ['en', 'The request has invalid values'],
      ['fr', 'La requête contient des valeurs invalides'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/${locale}/toolkit/export/cells.csv?status=maybe`, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json();
      expect(problem).toMatchObject({ code: 'request.invalid', title, instance: `/${locale}/toolkit/export/cells.csv`, errors: [expect.objectContaining({ field: 'status' })] });
      if (locale === 'fr') expect(problem.errors[0].message).toBe('Entrée invalide');
    }
    expect((await t.app.inject({ method: 'GET', url: '/en/toolkit/export/cells.csv?action=A26' })).statusCode).toBe(400);
  });

  it('neutralises a formula-like cell, reversibly', () => {
    expect(neutraliseCell('- a bullet')).toBe("'- a bullet");
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell('Article 4')).toBe('Article 4');
  });

  it('lists every download on the downloads page, with format, size and the WG6 attribution, in both languages', async () => {
    for (const [locale, heading, attribution] of [
      ['en', 'Download the toolkit’s data', 'Source: Paris Call working group 6'],
      ['fr', 'Télécharger les données de la boîte à outils', 'Source : groupe de travail 6 de l’Appel de Paris'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/${locale}/toolkit/downloads` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${heading}</h1>`);
      for (const file of ['frameworks.csv', 'actions.csv', 'cells.csv', 'wg6-2021.xlsx', 'oscal/catalog.json', 'oscal/provisions.json', 'oscal/mapping.json']) {
        expect(response.body).toContain(`href="/${locale}/toolkit/export/${file}"`);
      }
      expect(response.body.match(/<td class="num">\d+ k[Bo]<\/td>/g)).toHaveLength(7);
      expect(response.body).toContain(attribution);
    }
  });
});
