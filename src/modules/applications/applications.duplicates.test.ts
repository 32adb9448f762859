import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { foldText } from '../../shared/text.js';
import { supporters, type NewSupporterRow } from '../supporters/supporters.tables.js';
import { findDuplicates } from './applications.duplicates.js';

const buildSupporter = (id: string, name: string, overrides: Partial<NewSupporterRow> = {}): NewSupporterRow => ({
  id,
  slug: `${id}-slug`,
  name,
  searchText: foldText(name),
  sortName: foldText(name),
  ...overrides,
});

describe('likely duplicates in the registry', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(supporters).values([
      buildSupporter('sup_sg', 'Société Générale de Fiction', { website: 'https://www.sgfiction.example' }),
      buildSupporter('sup_acme', 'Acme Cyber Widgets', { website: 'https://acme.example' }),
      buildSupporter('sup_acme_labs', 'Acme Cyber Labs'),
      buildSupporter('sup_eutel', 'Eutelfiction', { website: 'HTTPS://WWW.EUTELFICTION.EXAMPLE/en' }),
      buildSupporter('sup_notacme', 'Not Related At All', { website: 'https://notacme.example' }),
      buildSupporter('sup_uk', 'National Cyber Security Centre', { website: 'https://www.ncsc.gov.uk' }),
      buildSupporter('sup_gov', 'Government Digital Service', { website: 'https://www.gov.uk/gds' }),
      buildSupporter('sup_fb', 'Cyber Friends Club', { website: 'https://www.facebook.com/cyberfriends' }),
      buildSupporter('sup_gone', 'Withdrawn Widgets Company', { status: 'withdrawn', withdrawnOn: '2024-01-01', website: 'https://withdrawn.example' }),
      buildSupporter('sup_lyon', 'Ville de Lyon'),
      ...['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'].map((word, i) => buildSupporter(`sup_uni${i}`, `Université de Fiction ${word}`)),
    ]);
  });
  afterAll(async () => database?.close());

  const find = (name: string, website?: string | null, excludeSupporterId?: string) => findDuplicates(database.db, { name, website, excludeSupporterId });
  const ids = (found: Awaited<ReturnType<typeof find>>) => found.map((d) => d.supporterId);

  it.each([
    ['Societe Generale de Fiction SA', 'sup_sg'],
    ['SOCIÉTÉ-GÉNÉRALE DE FICTION', 'sup_sg'],
    ['ACME cyber widgets', 'sup_acme'],
    ['National Cyber-Security Centre (NCSC)', 'sup_uk'],
  ])('%s has a similar name to %s', async (name, expected) => {
    const found = await find(name);
    expect(found[0]).toMatchObject({ supporterId: expected, reason: 'similar-name' });
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(0.45);
  });

  it('similar names come most similar first, with their similarity', async () => {
    const found = await find('Acme Cyber Widgets');
    expect(ids(found)).toEqual(['sup_acme', 'sup_acme_labs']);
    expect(found[0]!.similarity).toBe(1);
    expect(found[1]!.similarity).toBeLessThan(1);
  });

  it.each([
    ['https://shop.eutelfiction.example/fr', 'sup_eutel'],
    ['eutelfiction.example', 'sup_eutel'],
    ['https://acme.example/about', 'sup_acme'],
    ['https://news.ncsc.gov.uk', 'sup_uk'],
  ])('a totally different name on %s shares the domain of %s', async (website, expected) => {
    expect(await find('Totally different name', website)).toEqual([
      { supporterId: expected, slug: `${expected}-slug`, name: expect.any(String), reason: 'same-domain', similarity: expect.any(Number) },
    ]);
  });

  it('a name that is both similar and on the same domain is reported once, as same domain', async () => {
    const found = await find('Acme Cyber Widgets', 'https://www.acme.example');
    expect(found.filter((d) => d.supporterId === 'sup_acme')).toEqual([expect.objectContaining({ reason: 'same-domain', similarity: 1 })]);
  });

  it.each([
    ['a domain that only contains another', 'https://acme.example.org'],
    ['another department under a public suffix', 'https://www.digital.gov.uk'],
    ['a shared host', 'https://www.facebook.com/someone-else'],
    ['GOV.UK, which hosts every UK department', 'https://www.gov.uk/government/organisations/other'],
    ['a withdrawn supporter', 'https://withdrawn.example'],
    ['no website', null],
  ])('%s is not a same-domain duplicate', async (_case, website) => {
    const found = await find('Quantum Llama Observatory', website);
    expect(found).toEqual([]);
  });

  it('withdrawn supporters are never duplicates', async () => {
    expect(ids(await find('Withdrawn Widgets Company'))).not.toContain('sup_gone');
  });

  it('the supporter being edited is not its own duplicate', async () => {
    expect(ids(await find('Acme Cyber Widgets', 'https://acme.example', 'sup_acme'))).toEqual(['sup_acme_labs']);
  });

  it('an unrelated organisation has no duplicate, nor does a name too far from any', async () => {
    expect(await find('Quantum Llama Observatory', 'https://llama.example')).toEqual([]);
    expect(await find('Acme')).toEqual([]);
    expect(await find('!!!')).toEqual([]);
  });

  it('names that share boilerplate are flagged for the moderator to judge', async () => {
    expect(await find('Ville de Lille')).toEqual([expect.objectContaining({ supporterId: 'sup_lyon', reason: 'similar-name', similarity: 0.63 })]);
  });

  it('at most five, most similar first, and a same-domain match is never crowded out', async () => {
    const byName = await find('Université de Fiction');
    expect(byName).toHaveLength(5);
    const scores = byName.map((d) => d.similarity ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const withDomain = await find('Université de Fiction', 'https://acme.example');
    expect(withDomain).toHaveLength(5);
    expect(withDomain.find((d) => d.reason === 'same-domain')?.supporterId).toBe('sup_acme');
  });
});
