import { describe, expect, it } from 'vitest';
import { findTerms, passageAround, queryTerms } from './toolkit.search.js';

/** The matched pieces of a text, as the search page would mark them. */
const marked = (text: string, query: string) => (findTerms(text, queryTerms(query)) ?? []).map((r) => text.slice(r.start, r.end));

describe('search in the quotations', () => {
  it.each([
    ['Renforcer la SÉCURITÉ des PME', 'securite', ['SÉCURITÉ']],
    ['Renforcer la securite des PME', 'Sécurité', ['securite']],
    // A decomposed (NFD) text: the mark is kept with its letter in what is highlighted.
    ['se\u0301curite\u0301 by design', 'SECURITE', ['se\u0301curite\u0301']],
    ['a software bill of materials (SBOM)', 'bill of', ['bill', 'of']],
    ['Security-by-design; secure supply', 'secur', ['Secur', 'secur']],
  ])('in %j, %j marks %j', (text, query, expected) => {
    expect(marked(text, query)).toEqual(expected);
  });

  it('needs every word, found where a word starts', () => {
    expect(findTerms('a software package', queryTerms('of'))).toBeNull();
    expect(findTerms('bill of materials', queryTerms('bill sbom'))).toBeNull();
    expect(queryTerms('  <b>SBOM</b>, sbom!  ')).toEqual(['b', 'sbom']);
    expect(queryTerms('')).toEqual([]);
  });

  it('cuts a long quotation around the first match, at spaces, and marks what it keeps', () => {
    const text = `${'word '.repeat(200)}the bill of materials ${'tail '.repeat(200)}`;
    const passage = passageAround(text, findTerms(text, queryTerms('materials'))!, 120);
    expect(passage.cutBefore).toBe(true);
    expect(passage.cutAfter).toBe(true);
    expect(passage.pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['materials']);
    const shown = passage.pieces.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(shown.startsWith('word ')).toBe(true);
  });
});
