import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../test/helpers/shared-data.js';
import { categoryFacet, natureKey, type SupporterRecord } from './supporters.models.js';
import { parseSupporterFile, readFirstSeen, readOfficialSupporters, type SourceIssue } from './supporters.source.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixtureDir = path.join(repoRoot, 'test/fixtures/official-site');
const invalidDir = path.join(repoRoot, 'test/fixtures/invalid-site');
const real = needsShared('readOfficialSupporters on the real snapshot', sharedPaths.officialSite);
const realDir = real.path;
const firstSeenCsv = path.join(fixtureDir, 'first-seen.csv');

async function readFixture() {
  return readOfficialSupporters(fixtureDir, { firstSeenCsv });
}

function bySlug(records: SupporterRecord[], slug: string): SupporterRecord {
  const record = records.find((r) => r.slug === slug);
  if (!record) throw new Error(`no record ${slug}`);
  return record;
}

function countByCategory(records: SupporterRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[categoryFacet(record.category)] = (counts[categoryFacet(record.category)] ?? 0) + 1;
  return counts;
}

function codes(issues: SourceIssue[]): string[] {
  return issues.map((issue) => `${issue.severity} ${issue.source} ${issue.code}`).sort();
}

describe('readOfficialSupporters on the fixture checkout', () => {
  it('reads every file, sorted by file name, with the file name as slug', async () => {
    const parsed = await readFixture();
    expect(parsed.files).toBe(13);
    expect(parsed.records.map((r) => r.slug)).toEqual([
      'acme_cyber_widgets-private-sector-USA',
      'atelier_numerique_de_lyon-civil-society-FRA',
      'centre_imaginaire_d_etudes_aeriennes-undefined-IND',
      'cercle_des_curieux-private-sector-BEL',
      'european_union-public-authority-EU',
      'eutelfiction-private-sector-FR',
      'fabrika_kotor_d_o_o-private-sector-MTG',
      'interfiction-international-organization',
      'roumanie-state-ROM',
      'serbie-state-SCG',
      'societe_generale_de_fiction-private-sector-FRA',
      'ville_de_nullepart-public-authority-FRA',
      'wiki_corp_gmb_h-private-sector-DEU',
    ]);
    expect(parsed.records.every((r) => r.source === `${r.slug}.md`)).toBe(true);
  });

  it('counts categories from the front matter, an empty category being uncategorised', async () => {
    const parsed = await readFixture();
    expect(countByCategory(parsed.records)).toEqual({
      state: 2,
      'public-authority': 3,
      'private-sector': 5,
      'civil-society': 2,
      uncategorised: 1,
    });
    expect(bySlug(parsed.records, 'centre_imaginaire_d_etudes_aeriennes-undefined-IND').category).toBeNull();
  });

  it('follows the front matter when the file name disagrees, with a warning', async () => {
    const parsed = await readFixture();
    expect(bySlug(parsed.records, 'cercle_des_curieux-private-sector-BEL').category).toBe('civil-society');
    const mismatches = parsed.issues.filter((i) => i.code === 'supporters.source.file-name-mismatch').map((i) => i.source);
    expect(mismatches).toEqual([
      'cercle_des_curieux-private-sector-BEL.md',
      'european_union-public-authority-EU.md',
      'eutelfiction-private-sector-FR.md',
    ]);
  });

  it.each([
    ['roumanie-state-ROM', 'ROM', 'ROU'],
    ['serbie-state-SCG', 'SCG', 'SRB'],
    ['fabrika_kotor_d_o_o-private-sector-MTG', 'MTG', 'MNE'],
    ['eutelfiction-private-sector-FR', 'FRA', 'FRA'],
    ['atelier_numerique_de_lyon-civil-society-FRA', 'FRA', 'FRA'],
    ['european_union-public-authority-EU', null, null],
    ['interfiction-international-organization', null, null],
  ])('reads the country of %s from source code %s as %s', async (slug, sourceCountryCode, countryCode) => {
    const record = bySlug((await readFixture()).records, slug);
    expect(record.sourceCountryCode).toBe(sourceCountryCode);
    expect(record.countryCode).toBe(countryCode);
  });

  it('warns once per file about a corrected country code and a supporter without a country', async () => {
    const { issues } = await readFixture();
    expect(codes(issues.filter((i) => i.code !== 'supporters.source.file-name-mismatch'))).toEqual([
      'warning acme_cyber_widgets-private-sector-USA.md supporters.source.statement-html',
      'warning european_union-public-authority-EU.md supporters.source.no-country',
      'warning fabrika_kotor_d_o_o-private-sector-MTG.md supporters.source.country-code-corrected',
      'warning interfiction-international-organization.md supporters.source.no-country',
      'warning roumanie-state-ROM.md supporters.source.country-code-corrected',
      'warning serbie-state-SCG.md supporters.source.country-code-corrected',
      'warning wiki_corp_gmb_h-private-sector-DEU.md supporters.source.first-seen-missing',
    ]);
  });

  it('normalises NFD names and statements to NFC', async () => {
    const record = bySlug((await readFixture()).records, 'societe_generale_de_fiction-private-sector-FRA');
    expect(record.name).toBe('Société Générale de Fiction'.normalize('NFC'));
    expect(record.name.normalize('NFC')).toBe(record.name);
    expect(record.statement).toBe(
      'Nous rejoignons l’Appel pour une sécurité partagée.\n\nDeuxième paragraphe, écrit en Unicode décomposé.'.normalize('NFC'),
    );
  });

  it('collapses a non-breaking space inside a name into a plain space', async () => {
    const record = bySlug((await readFixture()).records, 'ville_de_nullepart-public-authority-FRA');
    expect(record.name).toBe('Ville de Nullepart');
  });

  it('keeps a nature as written, trimmed, so that natureKey groups its spellings', async () => {
    const { records } = await readFixture();
    const cercle = bySlug(records, 'cercle_des_curieux-private-sector-BEL');
    const atelier = bySlug(records, 'atelier_numerique_de_lyon-civil-society-FRA');
    expect(cercle.nature).toBe('association');
    expect(atelier.nature).toBe('Association');
    expect(natureKey(cercle.nature)).toBe(natureKey(atelier.nature));
    expect(bySlug(records, 'roumanie-state-ROM').nature).toBeNull();
    expect(bySlug(records, 'centre_imaginaire_d_etudes_aeriennes-undefined-IND').nature).toBeNull();
  });

  it.each([
    ['acme_cyber_widgets-private-sector-USA', 'https://acme-widgets.example', '@acme_widgets', 'https://www.linkedin.com/company/acme-widgets-example/', '2021-04-01'],
    ['centre_imaginaire_d_etudes_aeriennes-undefined-IND', 'http://cie-aero.example/', 'https://twitter.com/cie_aero_example', null, '2021-03-01'],
    ['eutelfiction-private-sector-FR', 'https://www.eutelfiction.example', 'eutelfiction_SA', 'https://www.linkedin.com/company/eutelfiction-example/', null],
    ['ville_de_nullepart-public-authority-FRA', 'https://nullepart.example', null, null, '2020-12-10'],
    ['wiki_corp_gmb_h-private-sector-DEU', null, 'n/a', null, '2021-07-13'],
    ['atelier_numerique_de_lyon-civil-society-FRA', null, null, null, null],
  ])('reads the links and signature date of %s as given, empty being null', async (slug, website, twitter, linkedin, dateSigned) => {
    const record = bySlug((await readFixture()).records, slug);
    expect({ website: record.website, twitter: record.twitter, linkedin: record.linkedin, dateSigned: record.dateSigned }).toEqual({
      website,
      twitter,
      linkedin,
      dateSigned,
    });
  });

  it('keeps the Markdown statement verbatim, raw HTML included (rendering sanitises it), and warns about the HTML', async () => {
    const { records, issues } = await readFixture();
    const record = bySlug(records, 'acme_cyber_widgets-private-sector-USA');
    expect(record.statement).toBe(
      'We join because [shared norms](https://norms.example/) make **everyone** safer.\n\n<script>alert("not from us")</script>',
    );
    const warning = issues.find((i) => i.code === 'supporters.source.statement-html');
    expect(warning).toMatchObject({ source: 'acme_cyber_widgets-private-sector-USA.md', line: 11, severity: 'warning' });
    expect(bySlug(records, 'roumanie-state-ROM').statement).toBe('');
  });

  it('takes first-seen dates from the given CSV, null for a file it does not list', async () => {
    const { records } = await readFixture();
    expect(bySlug(records, 'roumanie-state-ROM').firstSeen).toBe('2019-09-16');
    expect(bySlug(records, 'acme_cyber_widgets-private-sector-USA').firstSeen).toBe('2021-04-02');
    expect(bySlug(records, 'wiki_corp_gmb_h-private-sector-DEU').firstSeen).toBeNull();
  });

  it('without a first-seen CSV next to the checkout, leaves first-seen dates null without warnings', async () => {
    const parsed = await readOfficialSupporters(fixtureDir);
    expect(parsed.records.every((r) => r.firstSeen === null)).toBe(true);
    expect(parsed.issues.some((i) => i.code === 'supporters.source.first-seen-missing')).toBe(false);
  });

  it('reports no error on the fixture', async () => {
    expect((await readFixture()).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('parseSupporterFile on malformed files', () => {
  it.each([
    ['broken_yaml-private-sector-FRA.md', 'supporters.source.invalid-yaml', 2],
    ['duplicate_key-private-sector-FRA.md', 'supporters.source.invalid-yaml', 4],
    ['unknown_category-charity-FRA.md', 'supporters.source.unknown-category', 3],
    ['unknown_country-private-sector-XYZ.md', 'supporters.source.unknown-country', 5],
    ['missing_name-civil-society-FRA.md', 'supporters.source.missing-name', 2],
    ['no_name_field-civil-society-FRA.md', 'supporters.source.missing-name', 1],
    ['bad_date-private-sector-FRA.md', 'supporters.source.invalid-date', 6],
    ['list_value-private-sector-FRA.md', 'supporters.source.invalid-field', 5],
    ['no_front_matter-private-sector-FRA.md', 'supporters.source.no-front-matter', 1],
  ])('rejects %s with %s at line %i of the file', (fileName, code, line) => {
    const content = fs.readFileSync(path.join(invalidDir, '_supporters', fileName), 'utf8');
    const { record, issues } = parseSupporterFile(fileName, content);
    expect(record).toBeNull();
    expect(issues.filter((i) => i.severity === 'error')[0]).toMatchObject({ source: fileName, line, code, severity: 'error' });
    expect(issues[0]?.message).not.toMatch(/at line/);
  });

  it('reads the valid files of a checkout that also holds invalid ones, an unknown field being only a warning', async () => {
    const parsed = await readOfficialSupporters(invalidDir);
    expect(parsed.files).toBe(10);
    expect(parsed.records.map((r) => r.name)).toEqual(['Valid Supporter']);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toHaveLength(9);
    expect(parsed.issues.find((i) => i.code === 'supporters.source.unknown-field')).toMatchObject({
      source: 'valid_supporter-private-sector-FRA.md',
      line: 6,
      severity: 'warning',
    });
  });

  it('reports a checkout without a _supporters folder as an error instead of throwing', async () => {
    const parsed = await readOfficialSupporters(path.join(fixtureDir, '_data'));
    expect(parsed).toMatchObject({ records: [], files: 0 });
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'supporters.source.no-folder' })]);
  });
});

describe('parseSupporterFile on front-matter variants', () => {
  const frontMatter = (lines: string[], eol = '\n') => ['---', ...lines, '---', 'Body'].join(eol);

  it.each([
    ['Windows line ends and a byte-order mark', `\uFEFF${frontMatter(['name: "A"', 'category: state', 'nationality: FRA'], '\r\n')}`],
    ['a front matter closed by "..."', '---\nname: "A"\ncategory: state\nnationality: FRA\n...\nBody'],
    ['an unquoted name and trailing blanks on the markers', '--- \nname: A\ncategory: state\nnationality: FRA\n---  \nBody'],
  ])('reads a file with %s', (_, content) => {
    const { record, issues } = parseSupporterFile('a-state-FRA.md', content);
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ slug: 'a-state-FRA', name: 'A', category: 'state', countryCode: 'FRA', statement: 'Body' });
  });

  it.each([
    ['name: 1984', 'name', '1984'],
    ['name: "  Spaced   out  "', 'name', 'Spaced out'],
    ['nationality: NO', 'countryCode', 'NOR'],
    ['date_signed: "2021-04-01"', 'dateSigned', '2021-04-01'],
  ])('reads `%s` as %s %s', (line, field, expected) => {
    const lines = ['name: "A"', 'category: private-sector', 'nationality: FRA'].filter((l) => !l.startsWith(line.split(':')[0]!));
    const { record } = parseSupporterFile('a.md', frontMatter([...lines, line]));
    expect(record?.[field as keyof SupporterRecord]).toBe(expected);
  });

  it('reads a lower-case country code, keeping it as the source code, with a warning', () => {
    const { record, issues } = parseSupporterFile('a.md', frontMatter(['name: "A"', 'category: state', 'nationality: fra']));
    expect(record).toMatchObject({ countryCode: 'FRA', sourceCountryCode: 'fra' });
    expect(issues).toEqual([expect.objectContaining({ code: 'supporters.source.country-code-corrected', line: 4 })]);
  });

  it.each([['State'], ['undefined'], ['ngo']])('rejects the category "%s"', (category) => {
    const { record, issues } = parseSupporterFile('a.md', frontMatter(['name: "A"', `category: ${category}`, 'nationality: FRA']));
    expect(record).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'supporters.source.unknown-category', line: 3 })]);
  });

  it('rejects an empty front matter for its missing name', () => {
    const { record, issues } = parseSupporterFile('a.md', '---\n---\n');
    expect(record).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['supporters.source.missing-name', 'supporters.source.no-country']);
  });

  it('rejects a name that is a list with one error, not two', () => {
    const { record, issues } = parseSupporterFile('a.md', frontMatter(['name: [A, B]', 'category: state', 'nationality: FRA']));
    expect(record).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ code: 'supporters.source.invalid-field', line: 2 })]);
  });

  it('keeps the given first-seen date', () => {
    const { record } = parseSupporterFile('a.md', frontMatter(['name: "A"', 'category: state', 'nationality: FRA']), '2020-01-02');
    expect(record?.firstSeen).toBe('2020-01-02');
  });
});

describe('readFirstSeen', () => {
  function tempCsv(content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-seen-'));
    const file = path.join(dir, 'first-seen.csv');
    fs.writeFileSync(file, content);
    return file;
  }

  it('maps each file to the date it first appeared', async () => {
    const firstSeen = await readFirstSeen(firstSeenCsv);
    expect(firstSeen.size).toBe(12);
    expect(firstSeen.get('eutelfiction-private-sector-FR.md')).toBe('2020-02-14');
  });

  it.each([
    ['a wrong header', 'name,date\na.md,2020-01-01\n'],
    ['an impossible date', 'file,first_seen\na.md,2020-02-30\n'],
    ['a missing date', 'file,first_seen\na.md\n'],
  ])('rejects a file with %s', async (_, content) => {
    await expect(readFirstSeen(tempCsv(content))).rejects.toThrow();
  });
});

describe.skipIf(!real.available)(real.title('readOfficialSupporters on the real snapshot'), () => {
  // Its speed is measured by the import benchmark (bench/import.ts), not asserted here.
  it('parses the 1,222 official files without an error, with the published category counts', async () => {
    const parsed = await readOfficialSupporters(realDir);
    expect(parsed.files).toBe(1222);
    expect(parsed.records).toHaveLength(1222);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(countByCategory(parsed.records)).toEqual({
      state: 81,
      'public-authority': 37,
      'private-sector': 708,
      'civil-society': 391,
      uncategorised: 5,
    });
  });

  it('reports the known quirks as warnings only: 35 legacy codes, 5 supporters without a country, 6 misnamed files', async () => {
    const { issues } = await readOfficialSupporters(realDir);
    const counts: Record<string, number> = {};
    for (const issue of issues) counts[issue.code] = (counts[issue.code] ?? 0) + 1;
    expect(counts).toEqual({
      'supporters.source.country-code-corrected': 35,
      'supporters.source.no-country': 5,
      'supporters.source.file-name-mismatch': 6,
    });
  });

  it('resolves the quirks of the real registry', async () => {
    const { records } = await readOfficialSupporters(realDir);
    expect(bySlug(records, 'roumanie-state-ROM')).toMatchObject({ countryCode: 'ROU', sourceCountryCode: 'ROM' });
    expect(bySlug(records, 'serbie-state-SCG')).toMatchObject({ countryCode: 'SRB', sourceCountryCode: 'SCG' });
    expect(bySlug(records, 'montenegro-state-MTG')).toMatchObject({ countryCode: 'MNE', sourceCountryCode: 'MTG' });
    expect(bySlug(records, 'european_union-public-authority-EU')).toMatchObject({ countryCode: null, sourceCountryCode: null });
    expect(bySlug(records, 'interpol-international-organization')).toMatchObject({ countryCode: null, category: 'public-authority' });
    expect(bySlug(records, 'eutelsat-private-sector-FR').countryCode).toBe('FRA');
    expect(bySlug(records, 'werft22_ag-private-sector-CHE').name).toBe('Werft22 AG');
    expect(records.every((r) => r.name === r.name.normalize('NFC') && r.statement === r.statement.normalize('NFC'))).toBe(true);
  });

  it('takes first-seen dates from the CSV next to the checkout, for every file', async () => {
    const { records } = await readOfficialSupporters(realDir);
    expect(records.filter((r) => r.firstSeen === null)).toEqual([]);
    expect(records.map((r) => r.firstSeen).sort()[0]).toBe('2019-09-16');
  });
});
