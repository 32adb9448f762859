/**
 * Full-text search in the toolkit's quotations, in memory: 271 quotations of a few hundred words each are searched
 * faster by a loop than by a round trip, and folding in JavaScript needs neither a PostgreSQL extension (unaccent)
 * nor a schema change, so PGlite and PostgreSQL answer alike. Pure functions, no I/O.
 */

/** A folded text and, for each of its UTF-16 units, where the character it comes from starts and ends in the original. */
interface Folded {
  text: string;
  starts: number[];
  ends: number[];
}

/** One character folded: decomposed (NFD), combining marks dropped, lower case. "É" → "e", "ﬁ" stays "ﬁ". */
const foldChar = (char: string) => char.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Folds a text character by character, keeping the map back to the original so a match can be highlighted there. */
export function foldWithMap(original: string): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of original) {
    const folded = foldChar(char);
    for (let i = 0; i < folded.length; i += 1) {
      starts.push(index);
      ends.push(index + char.length);
    }
    text += folded;
    index += char.length;
  }
  return { text, starts, ends };
}

/** The words of a query, folded; at most 10, each at least one character (punctuation separates words). */
export function queryTerms(query: string): string[] {
  const words = foldWithMap(query)
    .text.split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, 10);
}

const wordCharacter = /[\p{L}\p{N}]/u;
const combiningMark = /\p{M}/u;

/** A range of the original text, `[start, end)`. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Where every term occurs at the start of a word of the text (ranges of the original, merged when they overlap), or
 * null when one of the terms does not occur: all the words of a query must be found.
 */
export function findTerms(original: string, terms: string[]): Range[] | null {
  if (terms.length === 0) return null;
  const folded = foldWithMap(original);
  const ranges: Range[] = [];
  for (const term of terms) {
    let found = false;
    for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + 1)) {
      // A word is found where a word starts ("secur" finds "security"), not inside another ("of" in "software").
      if (at > 0 && wordCharacter.test(folded.text[at - 1]!)) continue;
      let end = folded.ends[at + term.length - 1]!;
      // Combining marks after the last letter fold to nothing: they belong to it, so to the match.
      while (end < original.length && combiningMark.test(original[end]!)) end += 1;
      ranges.push({ start: folded.starts[at]!, end });
      found = true;
    }
    if (!found) return null;
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** A passage of a text cut into plain and matched pieces, for the view to escape and wrap in `<mark>`. */
export interface Passage {
  /** True when text was cut before or after the passage. */
  cutBefore: boolean;
  cutAfter: boolean;
  pieces: Array<{ text: string; match: boolean }>;
}

/**
 * The passage around the first match, about `width` characters, cut at spaces; every match inside it is marked.
 * Short texts are shown whole.
 */
export function passageAround(original: string, ranges: Range[], width = 320): Passage {
  const first = ranges[0] ?? { start: 0, end: 0 };
  let start = 0;
  let end = original.length;
  if (original.length > width) {
    start = Math.max(0, first.start - Math.floor(width / 3));
    end = Math.min(original.length, start + width);
    start = Math.max(0, Math.min(start, end - width));
    if (start > 0) {
      const space = original.indexOf(' ', start);
      if (space >= 0 && space < first.start) start = space + 1;
    }
    if (end < original.length) {
      const space = original.lastIndexOf(' ', end);
      if (space > first.end) end = space;
    }
  }
  const pieces: Passage['pieces'] = [];
  let at = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (from > at) pieces.push({ text: original.slice(at, from), match: false });
    pieces.push({ text: original.slice(from, to), match: true });
    at = to;
  }
  if (at < end) pieces.push({ text: original.slice(at, end), match: false });
  return { cutBefore: start > 0, cutAfter: end < original.length, pieces };
}
