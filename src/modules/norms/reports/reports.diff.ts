/**
 * Word diffs between two texts of a section (the saved text and the one a person typed, or last year's and this
 * year's), with jsdiff: the parts in order, each kept, removed or added. Whitespace differences alone are not changes.
 */
import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

/** Whether the two texts differ other than in white space. */
export function differs(before: string, after: string): boolean {
  return before.replace(/\s+/g, ' ').trim() !== after.replace(/\s+/g, ' ').trim();
}
