/**
 * Reader of the G7 synthesis of 2019 (`seeds/004_*.txt`, French, a text extraction of the published PDF): the title,
 * the date, the preamble, then one section per norm ("**Norme N - …**"), each with the G7's lead-in and the measures
 * reported. A measure is one bullet ("- …"), or one paragraph where the section has no list (norms 6, 8, 10, 11), or a
 * paragraph that follows the list (norms 3 and 4: "Certains pays du G7 …"). The text is kept verbatim, with three
 * repairs of the extraction only, each said where it is made: bold markers removed, a bullet broken by a page break
 * joined again, and the closing "/." of the document (a French typographic end mark) dropped.
 */
import { NormsSourceError } from './norms.source.js';

export interface G7Measure {
  /** 1 … 11, the "Norme N" of the synthesis (same order as A/70/174 13(a)–(k)). */
  norm: number;
  /** `13a` … `13k`. */
  code: string;
  /** 1-based position among the section's measures, in the document's order. */
  position: number;
  /** A list item, or a paragraph (the whole section's, or one following the list). */
  place: 'bullet' | 'paragraph';
  /** Where it is in the document, in words: `Norme 3, bullet 2`, `Norme 3, paragraph 1 after the list`. */
  locator: string;
  /** The French text, verbatim (see the repairs above). */
  text: string;
  /** 1-based line of the seed where it starts. */
  line: number;
}

export interface G7Section {
  norm: number;
  code: string;
  /** The norm as the G7 worded it (the heading without "Norme N - "). */
  heading: string;
  /** The G7's sentence introducing the list ("Les pays du G7 ont pris plusieurs mesures … :"); null where the section has no list. */
  intro: string | null;
  measures: G7Measure[];
}

export interface G7Document {
  /** `2019-08-26`, from the date line (DD/MM/YYYY) at the top. */
  date: string;
  title: string;
  subtitle: string;
  /** The paragraph(s) before the first norm, joined by a blank line. */
  preamble: string;
  sections: G7Section[];
}

const letters = 'abcdefghijk';
const unbold = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
/** A bullet ending otherwise than with ";", "." or ":" continues after the page break that cut it. */
const isComplete = (text: string) => /[.;:]$/.test(text);

interface Block {
  kind: 'bullet' | 'paragraph';
  text: string;
  line: number;
}

/** The section's lines as bullets and paragraphs, a bullet cut by a page break joined again. */
function blocksOf(lines: Array<{ text: string; line: number }>): Block[] {
  const blocks: Block[] = [];
  let afterBlank = true;
  for (const { text, line } of lines) {
    if (text === '') {
      afterBlank = true;
      continue;
    }
    const last = blocks.at(-1);
    if (text.startsWith('- ')) blocks.push({ kind: 'bullet', text: unbold(text.slice(2)), line });
    else if (last?.kind === 'bullet' && !isComplete(last.text)) last.text = `${last.text} ${unbold(text)}`;
    else if (last && !afterBlank) last.text = `${last.text} ${unbold(text)}`;
    else blocks.push({ kind: 'paragraph', text: unbold(text), line });
    afterBlank = false;
  }
  for (const block of blocks) block.text = block.text.replace(/\.\/\.$/, '.');
  return blocks;
}

function sectionOf(norm: number, heading: string, lines: Array<{ text: string; line: number }>, file: string, headingLine: number): G7Section {
  const code = `13${letters[norm - 1]}`;
  const blocks = blocksOf(lines);
  const firstBullet = blocks.findIndex((b) => b.kind === 'bullet');
  let intro: string | null = null;
  let items = blocks;
  if (firstBullet >= 0) {
    const before = blocks.slice(0, firstBullet);
    if (before.length !== 1) throw new NormsSourceError(`${file}:${headingLine}`, `Norme ${norm}: expected one lead-in paragraph before the list, found ${before.length}`);
    intro = before[0]!.text;
    items = blocks.slice(firstBullet);
  }
  if (items.length === 0) throw new NormsSourceError(`${file}:${headingLine}`, `Norme ${norm}: no measure after the heading`);
  let bullets = 0;
  let paragraphs = 0;
  const measures = items.map((block, index): G7Measure => {
    const place = block.kind;
    const locator =
      place === 'bullet'
        ? `Norme ${norm}, bullet ${++bullets}`
        : intro === null
          ? `Norme ${norm}, paragraph ${++paragraphs}`
          : `Norme ${norm}, paragraph ${++paragraphs} after the list`;
    return { norm, code, position: index + 1, place, locator, text: block.text, line: block.line };
  });
  return { norm, code, heading, intro, measures };
}

/** Parses the synthesis; throws `NormsSourceError` naming the line when its structure is not the one described above. */
export function readG7Synthesis(raw: string, file: string): G7Document {
  const lines = raw.normalize('NFC').split('\n').map((text, index) => ({ text: text.trim(), line: index + 1 }));
  const dateLine = lines.find((l) => /^\d{2}\/\d{2}\/\d{4}$/.test(l.text));
  if (!dateLine) throw new NormsSourceError(file, 'no date line (DD/MM/YYYY)');
  const [day, month, year] = dateLine.text.split('/');
  const title = lines.find((l) => l.text.startsWith('## '));
  const subtitle = lines.find((l) => l.text.startsWith('### '));
  if (!title || !subtitle) throw new NormsSourceError(file, 'no "## " title or "### " subtitle');
  const headings = lines
    .map((l) => ({ ...l, match: /^\*\*Norme (\d+) - (.+)\*\*$/.exec(l.text) }))
    .filter((l): l is typeof l & { match: RegExpExecArray } => l.match !== null);
  const numbers = headings.map((h) => Number(h.match[1]));
  if (numbers.join(',') !== Array.from({ length: letters.length }, (_, i) => i + 1).join(',')) {
    throw new NormsSourceError(file, `the norms' headings are ${numbers.join(', ')}, expected 1 to 11 in order`);
  }
  const preambleLines = lines.slice(subtitle.line, headings[0]!.line - 1);
  const preamble = blocksOf(preambleLines).map((b) => b.text).join('\n\n');
  const sections = headings.map((heading, index) => {
    const end = headings[index + 1]?.line ?? lines.length + 1;
    return sectionOf(numbers[index]!, heading.match[2]!.trim(), lines.slice(heading.line, end - 1), file, heading.line);
  });
  return { date: `${year}-${month}-${day}`, title: unbold(title.text.slice(3)), subtitle: unbold(subtitle.text.slice(4)), preamble, sections };
}
