/**
 * Reader of the report's stakeholder matrix (pp. 26–31 of the WG6 report, as `pdftotext -layout` printed it): for each
 * action A1–A25, which of the four stakeholder groups it concerns, with the condition or note printed under the mark,
 * "except for mainstream users", and the cells merged across several groups.
 *
 * The text is a picture of a table, so the reader works with positions. Each page's column headers give the centre of
 * the four groups. In an action's block, the title is the left column (lines start there at column 0; a title word
 * further right is recognised because it continues the action's canonical title from pp. 13–15). Every other word
 * belongs to the mark (✗) whose phrase is horizontally nearest: notes are printed centred under their mark, and two
 * notes can sit one space apart (A24), so splitting on wide gaps alone would not do. A mark covers its own group and
 * any unmarked group whose header centre its words extend over: that is how a merged cell shows in text (A8 spans
 * all four groups, A7 the two private-sector ones).
 */
import { actionCount, stakeholderKinds, type StakeholderKind } from '../toolkit.constants.js';
import type { ParsedStakeholderRole } from '../toolkit.models.js';
import { ToolkitSourceError } from './toolkit.source-error.js';

interface Word {
  text: string;
  start: number;
  end: number;
  line: number;
}

interface Block {
  code: string;
  /** 1-based line of `A4:` in the file. */
  firstLine: number;
  lines: Array<{ text: string; line: number }>;
  centres: number[];
  page?: number;
}

const mark = '✗';
const blockStart = /^A(\d{1,2}):/;
const pageFooter = /^\s*Page (\d+) \/ \d+\s*$/;
const headerLine = /Public sector.*International.*Private sector.*Private sector/;
const matrixEnd = /^Some examples of concrete actions/;
const principleHeading = /^(Transparency and information sharing|Awareness and empowerment|Responsibility and duty of care|Co-operation and governance|Innovation and competition|Proportionality and risk management)\s*$/;
const exceptMainstream = /^,\s*except for mainstream users\b\s*/;

/**
 * Reads the matrix; `titles` are the canonical action titles (pp. 13–15) by code, `file` names the text in errors,
 * `rows` is how many actions the matrix must have (25; fewer in the project's own test texts).
 */
export function readStakeholderMatrix(text: string, file: string, titles: ReadonlyMap<string, string>, rows = actionCount): ParsedStakeholderRole[] {
  const lines = text.split('\n');
  const blocks = splitBlocks(lines, file, rows);
  const vocabulary = wordsOf(text);
  const roles: ParsedStakeholderRole[] = [];
  for (const block of blocks) roles.push(...readBlock(block, titles.get(block.code) ?? '', vocabulary, file));
  return roles;
}

function splitBlocks(lines: string[], file: string, rows: number): Block[] {
  const first = lines.findIndex((line) => headerLine.test(line));
  if (first < 0) throw new ToolkitSourceError(file, 'no stakeholder matrix header ("Public sector … International … Private sector")');
  const blocks: Block[] = [];
  let centres: number[] | undefined;
  let open: Block | undefined;
  let ended = false;
  for (let index = first; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const footer = pageFooter.exec(line);
    if (footer) {
      for (const block of blocks) block.page ??= Number(footer[1]);
      open = undefined;
      // The last rows' page is the footer after the text that follows the matrix.
      if (ended) break;
      continue;
    }
    if (ended) continue;
    if (matrixEnd.test(line)) {
      ended = true;
      continue;
    }
    if (headerLine.test(line)) {
      centres = headerCentres(line, `${file}:${index + 1}`);
      open = undefined;
      continue;
    }
    if (principleHeading.test(line)) {
      open = undefined;
      continue;
    }
    const start = blockStart.exec(line);
    if (start) {
      const expected = blocks.length + 1;
      if (Number(start[1]) !== expected) throw new ToolkitSourceError(`${file}:${index + 1}`, `expected the matrix row of A${expected}, found A${start[1]}`);
      if (!centres) throw new ToolkitSourceError(`${file}:${index + 1}`, 'a matrix row before any column header');
      open = { code: `A${expected}`, firstLine: index + 1, lines: [], centres };
      blocks.push(open);
    }
    if (open && line.trim() !== '') open.lines.push({ text: line, line: index + 1 });
  }
  if (blocks.length !== rows) throw new ToolkitSourceError(file, `the stakeholder matrix has ${blocks.length} rows, expected ${rows}`);
  const unpaged = blocks.find((block) => block.page === undefined);
  if (unpaged) throw new ToolkitSourceError(`${file}:${unpaged.firstLine}`, `no page footer after the matrix row of ${unpaged.code}`);
  return blocks;
}

/** Centres of the four group headers on a header line, in the matrix's column order. */
function headerCentres(line: string, where: string): number[] {
  const found: number[] = [];
  for (const label of ['Public sector', 'International', 'Private sector on', 'Private sector']) {
    const from = found.length ? (found.at(-1) ?? 0) + 1 : 0;
    const at = line.indexOf(label, from + 6);
    if (at < 0) throw new ToolkitSourceError(where, `no "${label}" column header`);
    found.push(at + label.length / 2);
  }
  return found;
}

function wordsOfLine(text: string, line: number): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, line }));
}

/**
 * Tells the title's words from the cells' on each line, in reading order. A line's title opens at column 0 and goes on
 * with words one space apart; such a word still belongs to the title when it continues the canonical title (the
 * matrix sometimes abridges or misspells it: "skills for SMEs", "co-opeation") or sits nearer the title column than
 * any mark. The title column is centred half-way to the first group's header.
 */
function bodyOf(block: Block, title: string, cells: Cell[]): (word: Word) => boolean {
  const expected = squash(`${block.code}: ${title}`);
  const titleCentre = ((block.centres[0] ?? 0) - 6) / 2;
  let consumed = '';
  let previous: Word | undefined;
  return (word) => {
    const squashed = squash(word.text);
    const opens = word.start <= 2;
    const follows = previous !== undefined && previous.line === word.line && word.start - previous.end === 1;
    const nearestMark = Math.min(...cells.map((cell) => Math.abs(cell.centre - centreOf(word))));
    const inTitle =
      !word.text.startsWith(mark) &&
      (opens || (follows && ((squashed !== '' && expected.startsWith(consumed + squashed)) || Math.abs(centreOf(word) - titleCentre) < nearestMark)));
    if (!inTitle) return true;
    consumed += squashed;
    previous = word;
    return false;
  };
}

interface Cell {
  /** The mark's phrase (the ✗ and the words joined to it by single spaces), whose centre attracts the notes. */
  centre: number;
  home: number;
  words: Word[];
}

function readBlock(block: Block, title: string, vocabulary: Vocabulary, file: string): ParsedStakeholderRole[] {
  const where = `${file}:${block.firstLine}`;
  const lineWords = block.lines.map(({ text, line }) => wordsOfLine(text, line));
  const cells: Cell[] = [];
  for (const words of lineWords) {
    words.forEach((word, i) => {
      if (!word.text.startsWith(mark)) return;
      let end = word.end;
      for (let j = i + 1; j < words.length && (words[j]?.start ?? 0) - end === 1; j++) end = words[j]?.end ?? end;
      cells.push({ centre: (word.start + end) / 2, home: nearest(block.centres, word.start + 0.5), words: [] });
    });
  }
  if (cells.length === 0) throw new ToolkitSourceError(where, `the matrix row of ${block.code} has no mark`);
  const isBody = bodyOf(block, title, cells);
  const body = lineWords.flat().filter(isBody);
  for (const word of body) {
    const owner = cells.reduce((best, cell) => (Math.abs(cell.centre - centreOf(word)) < Math.abs(best.centre - centreOf(word)) ? cell : best));
    owner.words.push(word);
  }
  const homes = new Set(cells.map((cell) => cell.home));
  if (homes.size !== cells.length) throw new ToolkitSourceError(where, `two marks of ${block.code} fall in the same column`);
  const regions = columnRegions(block.centres);
  const spans = cells.map((cell) => {
    const left = Math.min(...cell.words.map((w) => w.start));
    const right = Math.max(...cell.words.map((w) => w.end));
    const covered = regions.flatMap(([from, to], column) => {
      const overlap = Math.min(right, to) - Math.max(left, from);
      return column === cell.home || (!homes.has(column) && overlap >= (to - from) / 4) ? [column] : [];
    });
    return { cell, covered };
  });
  const source = `report p. ${block.page}`;
  return stakeholderKinds.map((stakeholder, column): ParsedStakeholderRole => {
    const span = spans.find((s) => s.covered.includes(column));
    if (!span) return { action: block.code, stakeholder, marked: false, condition: null, excludesMainstreamUsers: false, mergedWith: null, source };
    const { condition, excludesMainstreamUsers } = readNote(joinLines(span.cell.words, vocabulary), `${where} (${stakeholder})`);
    const mergedWith = span.covered.length > 1 ? span.covered.map((c) => stakeholderKinds[c] as StakeholderKind) : null;
    return { action: block.code, stakeholder, marked: true, condition, excludesMainstreamUsers, mergedWith, source };
  });
}

/** `✗, except for mainstream users (note)` → the note without its parentheses, and the exception as a flag. */
function readNote(text: string, where: string): { condition: string | null; excludesMainstreamUsers: boolean } {
  if (!text.startsWith(mark)) throw new ToolkitSourceError(where, `a cell that does not open with its mark: "${text.slice(0, 40)}"`);
  let rest = text.slice(mark.length);
  const except = exceptMainstream.exec(rest);
  if (except) rest = rest.slice(except[0].length);
  rest = rest.trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  return { condition: rest === '' ? null : rest, excludesMainstreamUsers: Boolean(except) };
}

/**
 * Joins a cell's words in reading order. A column too narrow for a word breaks it without a hyphen ("developer/produ"
 * / "cer"): two fragments are glued when the whole word occurs elsewhere in the report and the first fragment does not.
 */
function joinLines(words: Word[], vocabulary: Vocabulary): string {
  let text = '';
  let previous: Word | undefined;
  for (const word of [...words].sort((a, b) => a.line - b.line || a.start - b.start)) {
    if (!previous) text = word.text;
    else if (word.line !== previous.line && glues(previous.text, word.text, vocabulary)) text += word.text;
    else text += ` ${word.text}`;
    previous = word;
  }
  return text;
}

function glues(before: string, after: string, vocabulary: Vocabulary): boolean {
  if (after.startsWith('-') || before.endsWith('-') || before.endsWith('/')) return true;
  const tail = /([A-Za-z]+)$/.exec(before)?.[1]?.toLowerCase();
  const head = /^([a-z]+)/.exec(after)?.[1];
  if (!tail || !head) return false;
  const tailWhole = vocabulary.inside.has(tail);
  const headWhole = vocabulary.inside.has(head);
  return (vocabulary.all.has(tail + head) && !(tailWhole && headWhole)) || (!tailWhole && !headWhole);
}

/**
 * The report's words: `all` of them, and those printed `inside` a run of words, away from its ends where a column may
 * have cut them: a fragment such as "produ" never appears inside a run.
 */
interface Vocabulary {
  all: Set<string>;
  inside: Set<string>;
}

function wordsOf(text: string): Vocabulary {
  const all = new Set<string>();
  const inside = new Set<string>();
  // Runs of words one space apart: the table's columns are two or more spaces apart, and cut words end or open a run.
  for (const run of text.split(/\n|\s{2,}/)) {
    const found = [...run.matchAll(/[A-Za-z]+/g)].map((m) => m[0].toLowerCase());
    for (const word of found) all.add(word);
    for (const word of found.slice(1, -1)) inside.add(word);
  }
  return { all, inside };
}

function groupByLine(words: Word[]): Word[][] {
  const lines = new Map<number, Word[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
  return [...lines.values()];
}

/**
 * The horizontal extent of each group's column, from its header's centre half-way to its neighbours'. A merged cell's
 * text reaches well into the columns it spans; an unmerged note stays within its own.
 */
function columnRegions(centres: number[]): Array<[number, number]> {
  return centres.map((centre, i) => {
    const before = centres[i - 1] ?? centre - ((centres[i + 1] ?? centre) - centre);
    const after = centres[i + 1] ?? centre + (centre - (centres[i - 1] ?? centre));
    return [(before + centre) / 2, (centre + after) / 2];
  });
}

function nearest(centres: number[], x: number): number {
  return centres.reduce((best, centre, i) => (Math.abs(centre - x) < Math.abs((centres[best] ?? 0) - x) ? i : best), 0);
}

const centreOf = (word: Word) => (word.start + word.end) / 2;
const squash = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
