import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import {
  neutraliseCell,
  officialCsvColumns,
  officialSlug,
  officialSlugName,
  parseSupportersCsv,
  restoreCell,
  supportersToCsv,
  toCsvSupporter,
  type CsvSupporter,
} from './supporters.csv.js';
import type { SupporterRecord } from './supporters.models.js';
import { readOfficialSupporters } from './supporters.source.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixtureDir = path.join(repoRoot, 'test/fixtures/official-site');
const real = needsShared('the CSV round trip of the real supporters', sharedPaths.officialSite);
const realDir = real.path;

const header = 'name,category,nationality,nature,website,twitter,date_signed';

function buildCsvSupporter(overrides: Partial<CsvSupporter> = {}): CsvSupporter {
  return {
    name: 'Acme',
    category: 'private-sector',
    sourceCountryCode: 'FRA',
    nature: 'Entreprise',
    website: 'https://acme.example',
    twitter: '@acme',
    dateSigned: '2021-04-01',
    ...overrides,
  };
}

/** What the CSV carries of a record, in the terms of the record. */
function csvView(record: SupporterRecord) {
  const { name, category, countryCode, nature, website, twitter, dateSigned } = record;
  return { name, category, countryCode, nature, website, twitter, dateSigned };
}

describe('supportersToCsv', () => {
  it('writes the bare official header, then every value double-quoted, null as "", with \\n line ends', () => {
    const csv = supportersToCsv([
      buildCsvSupporter({ name: 'Roumanie', category: 'state', sourceCountryCode: 'ROM', nature: null, website: null, twitter: null, dateSigned: null }),
      buildCsvSupporter({ name: 'Say "Hi", Ltd', category: null, twitter: 'acme' }),
    ]);
    expect(csv).toBe(
      `${header}\n` +
        '"Roumanie","state","ROM","","","",""\n' +
        '"Say ""Hi"", Ltd","","FRA","Entreprise","https://acme.example","acme","2021-04-01"\n',
    );
    expect(csv).not.toContain('\r');
    expect(officialCsvColumns.join(',')).toBe(header);
  });

  it('writes only the header when there is no supporter', () => {
    expect(supportersToCsv([])).toBe(`${header}\n`);
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+33 1 23', `'+33 1 23`],
    ['-2+3', `'-2+3`],
    ['@acme', `'@acme`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    [`'=already quoted`, `''=already quoted`],
    ['Acme', 'Acme'],
    [`O'Neil & Co`, `O'Neil & Co`],
    [`'quoted`, `'quoted`],
    ['a=b', 'a=b'],
  ])('neutralises the cell %j as %j', (value, neutralised) => {
    expect(neutraliseCell(value)).toBe(neutralised);
    expect(restoreCell(neutralised)).toBe(value);
  });

  it('neutralisation is reversible for any string (generated cases)', () => {
    const alphabet = [`'`, '=', '+', '-', '@', '\t', '\r', 'a', ' ', '"', ','];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i += 1) {
      const value = Array.from({ length: next() % 6 }, () => alphabet[next() % alphabet.length]).join('');
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
  });
});

describe('parseSupportersCsv', () => {
  it('reads the output of the official Jekyll template, deriving the official slugs', () => {
    const csv = `${header}\n"Roumanie","state","ROM","","","",""\n"PwC","private-sector","GBR","Entreprise","https://pwc.example","'@pwc","2020-01-30"`;
    const parsed = parseSupportersCsv(csv, 'supporters.csv');
    expect(parsed.files).toBe(2);
    expect(parsed.records).toEqual([
      expect.objectContaining({ slug: 'roumanie-state-ROM', name: 'Roumanie', countryCode: 'ROU', sourceCountryCode: 'ROM', nature: null }),
      expect.objectContaining({ slug: 'pw_c-private-sector-GBR', twitter: '@pwc', dateSigned: '2020-01-30', source: 'supporters.csv:3' }),
    ]);
    expect(parsed.records[0]).toMatchObject({ linkedin: null, statement: '', firstSeen: null });
    expect(parsed.issues).toEqual([expect.objectContaining({ source: 'supporters.csv:2', code: 'supporters.source.country-code-corrected' })]);
  });

  it('tolerates a byte-order mark, CRLF line ends, reordered columns and extra columns', () => {
    const csv = '\uFEFFNationality,Name,extra,category\r\n"FRA","Acme","ignored","private-sector"\r\n';
    const parsed = parseSupportersCsv(csv, 'mine.csv');
    expect(parsed.records).toEqual([expect.objectContaining({ name: 'Acme', countryCode: 'FRA', category: 'private-sector', website: null })]);
    expect(parsed.issues.map((i) => i.code)).toEqual([
      'supporters.source.csv-missing-column',
      'supporters.source.csv-missing-column',
      'supporters.source.csv-missing-column',
      'supporters.source.csv-missing-column',
    ]);
  });

  it('numbers rows by the line they start on, across blank lines and multi-line cells', () => {
    const csv = `${header}\n"A\nB","nope","FRA","","","",""\n\n"C","state","XYZ","","","",""\n`;
    const parsed = parseSupportersCsv(csv, 'x.csv');
    expect(parsed.records).toEqual([]);
    expect(parsed.issues.map((i) => `${i.source} ${i.code}`)).toEqual([
      'x.csv:2 supporters.source.unknown-category',
      'x.csv:5 supporters.source.unknown-country',
    ]);
  });

  it.each([
    ['an unknown category', '"A","charity","FRA","","","",""', 'supporters.source.unknown-category'],
    ['an unknown country', '"A","state","XYZ","","","",""', 'supporters.source.unknown-country'],
    ['an empty name', '"","state","FRA","","","",""', 'supporters.source.missing-name'],
    ['an impossible date', '"A","state","FRA","","","","2021-02-30"', 'supporters.source.invalid-date'],
    ['a date in another format', '"A","state","FRA","","","","01/04/2021"', 'supporters.source.invalid-date'],
  ])('rejects a row with %s, with the md parser’s issue code and the row as source', (_, row, code) => {
    const parsed = parseSupportersCsv(`${header}\n${row}\n`, 'supporters.csv');
    expect(parsed.records).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ source: 'supporters.csv:2', severity: 'error', code })]);
  });

  it('reads EU and an empty nationality as no country, with a warning', () => {
    const parsed = parseSupportersCsv(`${header}\n"European Union","public-authority","EU","","","",""\n"X","","","","","",""\n`, 's.csv');
    expect(parsed.records.map((r) => [r.slug, r.countryCode, r.sourceCountryCode])).toEqual([
      ['european_union-public-authority-EU', null, 'EU'],
      ['x-undefined-', null, null],
    ]);
    expect(parsed.issues.map((i) => i.code)).toEqual(['supporters.source.no-country', 'supporters.source.no-country']);
  });

  it('rejects the second of two rows that give the same slug', () => {
    const parsed = parseSupportersCsv(`${header}\n"Acme Inc","state","FRA","","","",""\n"ACME, Inc.","state","FRA","","","",""\n`, 's.csv');
    expect(parsed.records.map((r) => r.name)).toEqual(['Acme Inc']);
    expect(parsed.issues).toEqual([expect.objectContaining({ source: 's.csv:3', code: 'supporters.source.duplicate-slug' })]);
  });

  it.each([
    ['no header', '"Acme","state","FRA","","","",""\n', 's.csv:1', 'supporters.source.csv-header'],
    ['an empty file', '', 's.csv:1', 'supporters.source.csv-header'],
    ['a stray quote', `${header}\n"Acme,"state","FRA"\n`, 's.csv:2', 'supporters.source.invalid-csv'],
    ['an unclosed quote', `${header}\n"Acme","state","FRA\n`, 's.csv:2', 'supporters.source.invalid-csv'],
  ])('rejects a CSV with %s as a whole', (_, csv, source, code) => {
    const parsed = parseSupportersCsv(csv, 's.csv');
    expect(parsed.records).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ source, severity: 'error', code })]);
    expect(parsed.issues[0]?.message).not.toMatch(/at line/);
  });
});

describe('officialSlug', () => {
  it.each([
    ['Aapti Institute', 'civil-society', 'IND', 'aapti_institute-civil-society-IND'],
    ['ACYMA - Cybermalveillance.gouv.fr', 'public-authority', 'FRA', 'acyma_cybermalveillance_gouv_fr-public-authority-FRA'],
    ['PwC', 'private-sector', 'GBR', 'pw_c-private-sector-GBR'],
    ['ICT4Peace', 'civil-society', 'CHE', 'ict4_peace-civil-society-CHE'],
    ['CECyF', 'civil-society', 'FRA', 'ce_cy_f-civil-society-FRA'],
    ['Design 4 Democracy Coalition (D4D)', 'civil-society', 'USA', 'design_4_democracy_coalition_d4_d-civil-society-USA'],
    ['Antoniou McCollum & Co.', 'private-sector', 'BTN', 'antoniou_mc_collum_co-private-sector-BTN'],
    ['Turkish Informatics Foundation (TBV -Türkiye Bilişim Vakfı)', 'civil-society', 'TUR', 'turkish_informatics_foundation_tbv_turkiye_bilisim_vakfi-civil-society-TUR'],
    ['‘Vasile Goldiș’ Western University of Arad', 'civil-society', 'ROM', 'vasile_goldis_western_university_of_arad-civil-society-ROM'],
    ['Nouvelle-Zélande', 'state', 'NZL', 'nouvelle_zelande-state-NZL'],
    ['CAPS', null, 'IND', 'caps-undefined-IND'],
    ['RPHS Law', 'private-sector', null, 'rphs_law-private-sector-'],
  ])('names %s (%s, %s) %s', (name, category, sourceCountryCode, slug) => {
    expect(officialSlug({ name, category: category as SupporterRecord['category'], sourceCountryCode })).toBe(slug);
  });

  it('keeps letters of non-Latin scripts and never gives an empty name part', () => {
    expect(officialSlugName('Κυβερνοασφάλεια Lab')).toBe('κυβερνοασφαλεια_lab');
    expect(officialSlugName('!!!')).toBe('supporter');
  });
});

describe('CSV round trip', () => {
  it('reproduces the fixture file names, except those named by hand or disagreeing with their front matter', async () => {
    const { records } = await readOfficialSupporters(fixtureDir);
    const differing = records.filter((r) => officialSlug(r) !== r.slug).map((r) => r.slug);
    expect(differing).toEqual([
      'cercle_des_curieux-private-sector-BEL',
      'european_union-public-authority-EU',
      'eutelfiction-private-sector-FR',
      'interfiction-international-organization',
    ]);
  });

  it('gives back every field the CSV carries, for every fixture supporter', async () => {
    const { records } = await readOfficialSupporters(fixtureDir);
    const back = parseSupportersCsv(supportersToCsv(records.map(toCsvSupporter)), 'supporters.csv');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.records.map(csvView)).toEqual(records.map(csvView));
  });

  it.skipIf(!real.available)(
    real.title('gives back every field of the 1,222 real supporters, and reproduces 1,192 official file names'),
    async () => {
      const { records } = await readOfficialSupporters(realDir);
      const back = parseSupportersCsv(supportersToCsv(records.map(toCsvSupporter)), 'supporters.csv');
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(back.records.map(csvView)).toEqual(records.map(csvView));
      const reproduced = back.records.filter((r, index) => r.slug === records[index]?.slug);
      expect(reproduced).toHaveLength(1192);
    },
  );
});
