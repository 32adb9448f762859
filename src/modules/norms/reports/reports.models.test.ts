import { describe, expect, it } from 'vitest';
import { differs, wordDiff } from './reports.diff.js';
import { emptyContent, isUnanswered, prefillSection, shownText, subjectFromSegment, subjectSegment, subjects, type PracticeSentence } from './reports.models.js';

const sentence: PracticeSentence = (language, titles) => `${language}: ${titles.join(' + ')}`;
const previous = (overrides: Partial<ReturnType<typeof emptyContent>> = {}) => ({ year: 2023, visibility: 'members' as const, content: { ...emptyContent(), ...overrides } });

describe('report models', () => {
  it('writes every subject as a path segment and reads it back; anything else names no subject', () => {
    expect(subjects).toHaveLength(20);
    for (const subject of subjects) expect(subjectFromSegment(subjectSegment(subject))).toBe(subject);
    for (const segment of ['norm-13l', 'principle-0', 'principle-10', 'norm:13a', '__proto__']) expect(subjectFromSegment(segment)).toBeNull();
  });

  it.each([
    ['nothing to go on: empty, for the secretariat', null, [], { content: emptyContent(), visibility: 'secretariat', fromYear: null, practiceIds: [] }],
    [
      'practices only: linked, and named in the original language only',
      null,
      [{ id: 'p1', title: { fr: 'Loi' } }],
      { content: { ...emptyContent(), inPlace: { en: 'en: Loi' }, practiceIds: ['p1'] }, visibility: 'secretariat', fromYear: null, practiceIds: ['p1'] },
    ],
    [
      'last year’s answers, visibility and still-published practices; new practices appended to both languages',
      previous({ inPlace: { en: 'Before.', fr: 'Avant.' }, lessons: { en: 'Learnt.' }, practiceIds: ['gone', 'p1'] }),
      [{ id: 'p1', title: { en: 'Law' } }, { id: 'p2', title: { en: 'Strategy', fr: 'Stratégie' } }],
      { content: { ...emptyContent(), inPlace: { en: 'Before.\n\nen: Strategy', fr: 'Avant.\n\nfr: Stratégie' }, lessons: { en: 'Learnt.' }, practiceIds: ['p1', 'p2'] }, visibility: 'members', fromYear: 2023, practiceIds: ['p1', 'p2'] },
    ],
    [
      'nothing new since last year: its text unchanged',
      previous({ inPlace: { en: 'Before.' }, practiceIds: ['p1'] }),
      [{ id: 'p1', title: { en: 'Law' } }],
      { content: { ...emptyContent(), inPlace: { en: 'Before.' }, practiceIds: ['p1'] }, visibility: 'members', fromYear: 2023, practiceIds: ['p1'] },
    ],
  ] as const)('pre-fills a section: %s', (_name, last, practices, expected) => {
    expect(prefillSection({ original: 'en', previous: last as never, practices: practices as never, sentence })).toEqual(expected);
  });

  it.each([
    [{ en: 'Text' }, 'en', { text: 'Text', lang: 'en', kind: 'original' }],
    [{ en: 'Text', fr: 'Texte' }, 'fr', { text: 'Texte', lang: 'fr', kind: 'translation' }],
    [{ en: 'Text' }, 'fr', { text: 'Text', lang: 'en', kind: 'untranslated' }],
    [{ fr: 'Traduction seule' }, 'fr', null],
    [{}, 'en', null],
  ] as const)('shows %j to a %s reader as %j', (text, reader, expected) => {
    expect(shownText(text, 'en', reader)).toEqual(expected);
  });

  it('counts a section answered only in the report’s language', () => {
    expect(isUnanswered({ ...emptyContent(), lessons: { fr: 'Traduction' } }, 'en')).toBe(true);
    expect(isUnanswered({ ...emptyContent(), lessons: { en: 'Answer' } }, 'en')).toBe(false);
  });

  it('diffs words, ignoring changes of white space alone', () => {
    expect(wordDiff('A CERT with 40 analysts.', 'A CERT with 45 analysts.')).toEqual([
      { text: 'A CERT with ', change: 'same' },
      { text: '40', change: 'removed' },
      { text: '45', change: 'added' },
      { text: ' analysts.', change: 'same' },
    ]);
    expect(differs('A  CERT\n', 'A CERT')).toBe(false);
    expect(differs('A CERT', 'A CSIRT')).toBe(true);
  });
});
