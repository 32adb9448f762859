/**
 * The G7 synthesis as practices: one per measure the reader found, attributed to the G7 states (category `state`, the
 * seven G7 countries), linked to its norm, year 2019, French original verbatim with the platform's English translation
 * (`original: 'fr'` makes the English a translation wherever it is shown). The title, preamble and lead-ins become
 * source passages. Every measure must have its entry in g7-synthesis.translations.ts, and every entry its measure.
 */
import { NormsSourceError } from '../io/norms.source.js';
import type { G7Document } from '../io/g7-synthesis.source.js';
import { g7Countries } from '../practices/practices.constants.js';
import { g7Document, g7Attribution, type ImportedPractice, type SourcePassage } from './imports.models.js';
import { g7Front, g7Intros, g7Measures } from './g7-synthesis.translations.js';

export const g7Year = 2019;

function check(file: string, line: number | null, key: string, text: string, starts: string): void {
  if (!text.startsWith(starts)) {
    throw new NormsSourceError(`${file}${line ? `:${line}` : ''}`, `${key}: the text no longer starts with "${starts}" (the translation in g7-synthesis.translations.ts was written for that text)`);
  }
}

export function g7Practices(doc: G7Document, file: string): { practices: ImportedPractice[]; passages: SourcePassage[] } {
  const practices: ImportedPractice[] = [];
  const passages: SourcePassage[] = [];
  const front = { title: doc.title, subtitle: doc.subtitle, preamble: doc.preamble };
  for (const part of ['title', 'subtitle', 'preamble'] as const) {
    check(file, null, part, front[part], g7Front[part].starts);
    passages.push({ document: g7Document, part, text: { en: g7Front[part].en, fr: front[part] }, original: 'fr' });
  }
  const seen = new Set<string>();
  for (const section of doc.sections) {
    const intro = g7Intros[section.code];
    if (section.intro !== null) {
      if (!intro) throw new NormsSourceError(file, `${section.code}: a lead-in without its English in g7-synthesis.translations.ts`);
      check(file, null, section.code, section.intro, intro.starts);
      passages.push({ document: g7Document, part: section.code, text: { en: intro.en, fr: section.intro }, original: 'fr' });
    } else if (intro) throw new NormsSourceError(file, `${section.code}: the section has no lead-in any more, but a translation of one`);
    for (const measure of section.measures) {
      const key = `${section.code}/${measure.position}`;
      const entry = g7Measures[key];
      if (!entry) throw new NormsSourceError(`${file}:${measure.line}`, `${measure.locator}: no entry "${key}" in g7-synthesis.translations.ts`);
      check(file, measure.line, key, measure.text, entry.starts);
      seen.add(key);
      practices.push({
        sourceKey: `g7-2019/${key}`,
        origin: 'g7-synthesis',
        sourceRef: { document: g7Document, locator: measure.locator },
        attribution: { ...g7Attribution },
        registryName: null,
        category: 'state',
        content: {
          title: { en: entry.title.en, fr: entry.title.fr },
          description: { en: entry.en, fr: measure.text },
          original: 'fr',
          kind: entry.kind,
          implementationStatus: 'reported',
          startedOn: null,
          endedOn: null,
          year: g7Year,
          principles: [],
          norms: [section.code],
          sectors: [],
          countries: [...g7Countries],
          links: [],
          attachments: [],
        },
      });
    }
  }
  const orphans = Object.keys(g7Measures).filter((key) => !seen.has(key));
  if (orphans.length) throw new NormsSourceError(file, `translations without a measure in the synthesis: ${orphans.join(', ')}`);
  return { practices, passages };
}
