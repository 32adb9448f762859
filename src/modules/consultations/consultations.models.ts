/** Pure rules of consultations: the phase at an instant, splitting a pasted text, reading the revision's links. */
import { maxParagraphLength, maxParagraphs, type ConsultationKind, type Phase } from './consultations.constants.js';

/** The phase a consultation is in at `now`: an open one is closed once its deadline has passed. */
export function phaseOf(consultation: { state: string; closesAt: Date }, now: Date): Phase {
  if (consultation.state === 'draft') return 'draft';
  if (consultation.state === 'concluded') return 'concluded';
  return now.getTime() >= consultation.closesAt.getTime() ? 'closed' : 'open';
}

/**
 * The numbered parts of a pasted text: a draft's paragraphs are separated by blank lines (lines inside a paragraph
 * are kept); a question set has one question per line. Empty parts are dropped.
 */
export function splitText(kind: ConsultationKind, text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = kind === 'draft' ? normalised.split(/\n[ \t]*\n/) : normalised.split('\n');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Why a split text cannot be used, or null. */
export function textProblem(parts: readonly string[]): 'empty' | 'tooMany' | 'tooLong' | null {
  if (parts.length === 0) return 'empty';
  if (parts.length > maxParagraphs) return 'tooMany';
  return parts.some((part) => part.length > maxParagraphLength) ? 'tooLong' : null;
}

/**
 * The links of a revised text, one line per changed paragraph: `3: 1, 4, 7` (revised paragraph 3 was changed by inputs
 * #1, #4 and #7). Returns the input numbers per revised paragraph, or the first line that cannot be read.
 */
export function parseChanges(text: string): { ok: true; changes: Map<number, number[]> } | { ok: false; line: number } {
  const changes = new Map<number, number[]>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^§?\s*(\d{1,4})\s*:\s*(#?\d{1,6}(?:\s*[,;\s]\s*#?\d{1,6})*)$/.exec(line);
    if (!match) return { ok: false, line: index + 1 };
    const paragraph = Number(match[1]);
    const numbers = match[2]!.split(/[,;\s]+/).map((n) => Number(n.replace('#', '')));
    changes.set(paragraph, [...new Set([...(changes.get(paragraph) ?? []), ...numbers])]);
  }
  return { ok: true, changes };
}
