/**
 * What the importers of existing practices produce (the G7 synthesis of 2019, the principles' case studies on the
 * official site): one record per practice, as the reference bundle stores it and as `importPractices` writes it.
 */
import type { Localized, PracticeContent, PracticeSourceRef } from '../practices/practices.tables.js';

export type ImportedOrigin = 'g7-synthesis' | 'case-study';

export interface ImportedPractice {
  /** `g7-2019/13c/2`, `case-study/principle-6/1`: stable across imports, the practice's identity in the source. */
  sourceKey: string;
  origin: ImportedOrigin;
  sourceRef: PracticeSourceRef;
  /** Who the source says did it, as the source names them, per language. */
  attribution: Localized;
  /** The registry entry's name as the registry spells it, when the source names one supporter of the registry. */
  registryName: string | null;
  /** The supporter's registry category, kept for filtering when no registry entry is linked. */
  category: string | null;
  content: PracticeContent;
}

/**
 * A passage of a source document that is not a practice but frames them: the G7 synthesis's title, preamble and the
 * lead-in sentence of each norm's section ("Les pays du G7 ont pris plusieurs mesures … :"). A synthesis regenerated
 * from the imported practices shows it, so that it reproduces the document's structure.
 */
export interface SourcePassage {
  /** `g7-synthesis-2019`. */
  document: string;
  /** `title`, `subtitle`, `preamble`, or the norm code (`13a`) whose section the lead-in opens. */
  part: string;
  /** The original (verbatim) and the translation, per language. */
  text: Localized;
  /** The language of the original; the other is a translation. */
  original: 'en' | 'fr';
}

/** The G7 synthesis's attribution, category and countries (issue 16). */
export const g7Document = 'g7-synthesis-2019';
export const g7Attribution = { en: 'G7 states', fr: 'États du G7' } as const;
