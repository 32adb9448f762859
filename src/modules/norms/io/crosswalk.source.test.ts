import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir } from '../../../../test/helpers/shared-data.js';
import { crosswalkSeed } from './crosswalk.seed.js';
import { placeCrosswalkLinks, principleChapters, readCrosswalkFromShared, readReportPages, wg4File } from './crosswalk.source.js';
import { NormsSourceError } from './norms.source.js';

const report = needsShared('the WG4 report text', path.join(sharedDir, wg4File));

describe.skipIf(!report.available)(report.title('the crosswalk read from the WG4 report'), () => {
  it('counts 49 pages by form feeds, each printed page number agreeing, and finds the nine principles\' chapters', () => {
    const text = fs.readFileSync(path.join(sharedDir, wg4File), 'utf8');
    const pages = readReportPages(text, wg4File);
    expect(pages).toHaveLength(49);
    expect(pages[17]?.text).toMatch(/^Paris Call Principle #6 Lifecycle security & supply chain security/);
    expect(Object.fromEntries(principleChapters(pages, wg4File))).toEqual({
      1: { from: 4, to: 5 },
      2: { from: 6, to: 8 },
      3: { from: 9, to: 11 },
      4: { from: 12, to: 14 },
      5: { from: 15, to: 17 },
      6: { from: 18, to: 20 },
      7: { from: 21, to: 23 },
      8: { from: 24, to: 25 },
      9: { from: 26, to: 27 },
    });
  });

  it('places the 16 seed links on the pages of their excerpts, principle 6 ↔ 13(i) on p. 18 and ↔ 13(j) on p. 20', async () => {
    const { links } = await readCrosswalkFromShared(sharedDir);
    expect(links).toHaveLength(16);
    expect(links.map((l) => `${l.principleNumber}/${l.normCode}@${l.source.page}`)).toEqual([
      '1/13d@5', '1/13f@4', '1/13g@5', '2/13c@7', '2/13f@7', '3/13a@10', '3/13g@10', '4/13a@12',
      '5/13i@15', '5/13j@16', '6/13i@18', '6/13j@20', '8/13c@25', '8/13d@25', '9/13a@27', '9/13d@26',
    ]);
    expect(links.every((l) => l.source.document === 'WG4-Final-Report-101121' && l.rationale.en && l.rationale.fr)).toBe(true);
    // Principle 7's recommendations name no commitment of the eleven norms: no link is made for it.
    expect(links.some((l) => l.principleNumber === 7)).toBe(false);
  });
});

describe('the WG4 report reader on texts the project writes itself', () => {
  /** A report of `n` pages: a contents page, then one chapter per principle, each page ending with its number. */
  function reportText(pageBodies: Record<number, string>, pageCount = 12): string {
    const pages = Array.from({ length: pageCount }, (_, i) => `${pageBodies[i + 1] ?? 'Some text.'}\n\n   ${i + 1}\n`);
    return pages.join('\f');
  }
  const contents = `Contents\n${Array.from({ length: 9 }, (_, i) => `Paris Call Principle #${i + 1}      ${i + 3}`).join('\n')}\nAdvancing International Norms   12`;
  const chapters = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [i + 3, `Paris Call Principle #${i + 1}\nTitle ${i + 1}\nStates should\n   share information.`]));
  const base = { 2: contents, ...chapters };
  const link = { principleNumber: 4, normCode: '13d', excerpt: 'States should share information.', rationale: { en: 'Because.', fr: 'Parce que.' } };

  it('takes an excerpt\'s page from the form feeds, white space collapsed across lines', () => {
    const [placed] = placeCrosswalkLinks(reportText(base), 'r.txt', [link]);
    expect(placed).toEqual({ ...link, source: { document: 'WG4-Final-Report-101121', page: 6 } });
  });

  it('refuses a text whose printed page number disagrees with the form feeds, naming the line', () => {
    const text = reportText(base).replace('\n   5\n', '\n   7\n');
    expect(() => readReportPages(text, 'r.txt')).toThrow(NormsSourceError);
    expect(() => readReportPages(text, 'r.txt')).toThrow(/^r\.txt:\d+: page 5 \(counted by form feeds\) prints the number 7$/);
  });

  it('refuses an excerpt absent from its principle\'s chapter, or found twice there, and a seed naming no norm', () => {
    expect(() => placeCrosswalkLinks(reportText(base), 'r.txt', [{ ...link, excerpt: 'Not in the report.' }])).toThrow(/4\/13d: "Not in the report\." is not found in the chapter of principle 4 \(pages 6–6\)/);
    const twice = reportText({ ...base, 6: `${chapters[6]}\nStates should share information.` });
    expect(() => placeCrosswalkLinks(twice, 'r.txt', [link])).toThrow(/is found 2 times/);
    expect(() => placeCrosswalkLinks(reportText(base), 'r.txt', [{ ...link, normCode: '13z' }])).toThrow(/not a norm/);
    expect(() => placeCrosswalkLinks(reportText(base), 'r.txt', [link, link])).toThrow(/appears twice/);
  });

  it('refuses contents whose pages do not open with the principle\'s heading', () => {
    expect(() => principleChapters(readReportPages(reportText({ ...base, 6: 'Another page' }), 'r.txt'), 'r.txt')).toThrow(/principle #4 on page 6/);
  });

  it('keeps the seed\'s excerpts and rationales in both languages, one link per pair', () => {
    expect(new Set(crosswalkSeed.map((l) => `${l.principleNumber}/${l.normCode}`)).size).toBe(crosswalkSeed.length);
    expect(crosswalkSeed.every((l) => l.rationale.en.length <= 600 && l.rationale.fr.length <= 600)).toBe(true);
  });
});
