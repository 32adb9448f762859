/**
 * Readers of the norms' sources in the shared folder: `data/norms/un-gge-2015-norms.md` (the English of A/70/174
 * para. 13 (a)–(k), one `## 13(x)` section each, the text as the section's first paragraph) and the G7 synthesis of 2019
 * (`seeds/004_*.txt`, in French, one bold "**Norme N - …**" line per norm, in the same order: a → 1 … k → 11, as the
 * norms file's mapping table records). The French is the G7's wording, never presented as the UN's.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ParsedNorm } from '../norms.models.js';

export class NormsSourceError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

export const normsFiles = { english: 'data/norms/un-gge-2015-norms.md', g7Prefix: 'seeds/004_' } as const;

const letters = 'abcdefghijk';
/** Where the French comes from, in French: it is shown on the French pages only. */
const g7Source = (n: number) =>
  `Initiative du G7 pour des normes dans le cyberespace, « Synthèse des enseignements tirés et des bonnes pratiques » (Dinard, 26/08/2019), norme ${n} : formulation du G7, et non texte français de l’ONU`;

/** The eleven English texts, by letter, from the norms file. */
export function readEnglishNorms(markdown: string, file: string): Map<string, { text: string; line: number }> {
  const lines = markdown.split('\n');
  const found = new Map<string, { text: string; line: number }>();
  lines.forEach((line, index) => {
    const heading = /^## 13\(([a-k])\)\s*$/.exec(line);
    if (!heading) return;
    const text = (lines[index + 1] ?? '').trim();
    if (!/^[A-Z]/.test(text) || !text.endsWith('.')) throw new NormsSourceError(`${file}:${index + 2}`, `13(${heading[1]}) is not followed by the norm's sentence`);
    found.set(heading[1]!, { text, line: index + 2 });
  });
  const missing = [...letters].filter((letter) => !found.has(letter));
  if (missing.length) throw new NormsSourceError(file, `no section for 13(${missing.join('), 13(')})`);
  return found;
}

/** The G7's French wording of norms 1–11, from the bold "Norme N - …" lines of its synthesis. */
export function readG7Norms(text: string, file: string): Map<number, string> {
  const found = new Map<number, string>();
  text.split('\n').forEach((line, index) => {
    const norm = /^\*\*Norme (\d+) - (.+)\*\*\s*$/.exec(line.trim());
    if (!norm) return;
    const number = Number(norm[1]);
    if (found.has(number)) throw new NormsSourceError(`${file}:${index + 1}`, `Norme ${number} appears twice`);
    found.set(number, norm[2]!.trim());
  });
  for (let n = 1; n <= letters.length; n++) if (!found.has(n)) throw new NormsSourceError(file, `no "**Norme ${n} - …**" line`);
  return found;
}

/** Both sources together: the eleven norms in the report's order. */
export function readNorms(english: { text: string; file: string }, g7: { text: string; file: string } | null): ParsedNorm[] {
  const en = readEnglishNorms(english.text, english.file);
  const fr = g7 ? readG7Norms(g7.text, g7.file) : null;
  return [...letters].map((letter, index) => {
    const french = fr?.get(index + 1);
    return {
      code: `13${letter}`,
      paragraph: `13(${letter})`,
      position: index + 1,
      text: french ? { en: en.get(letter)!.text, fr: french } : { en: en.get(letter)!.text },
      sources: french ? { en: `UN A/70/174 (22 July 2015), para. 13(${letter})`, fr: g7Source(index + 1) } : { en: `UN A/70/174 (22 July 2015), para. 13(${letter})` },
      frWording: french ? 'g7' : null,
    };
  });
}

/** Reads both files from the shared folder (the G7 synthesis is `seeds/004_<hash>.txt`). */
export async function readNormsFromShared(sharedDir: string): Promise<{ norms: ParsedNorm[]; files: { english: string; g7: string } }> {
  const englishPath = path.join(sharedDir, normsFiles.english);
  const seeds = await fs.readdir(path.join(sharedDir, 'seeds'));
  const g7Name = seeds.find((name) => name.startsWith('004_') && name.endsWith('.txt'));
  if (!g7Name) throw new NormsSourceError(path.join(sharedDir, 'seeds'), 'no 004_*.txt (the G7 synthesis)');
  const g7Path = path.join(sharedDir, 'seeds', g7Name);
  const norms = readNorms(
    { text: await fs.readFile(englishPath, 'utf8'), file: normsFiles.english },
    { text: await fs.readFile(g7Path, 'utf8'), file: `seeds/${g7Name}` },
  );
  return { norms, files: { english: normsFiles.english, g7: `seeds/${g7Name}` } };
}
