import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../app/http/errors.js';
import { parseNotice, parseOrThrow, parseParams } from '../app/http/validation.js';
import { hasControlCharacters, pathIdentifier, textInput } from './text-input.js';

describe('control characters in text from outside', () => {
  it.each([
    ['plain text', 'Société Générale', false, false],
    ['a NUL byte', 'a\u0000b', true, true],
    ['a bell', 'a\u0007b', true, true],
    ['DEL', 'a\u007Fb', true, true],
    ['a C1 character', 'a\u0085b', true, true],
    ['a right-to-left override', 'a\u202Eb', true, true],
    ['a line break inside', 'two\nlines', true, false],
    ['a tab inside', 'a\tb', true, false],
    ['white space around', '  padded\n', false, false],
  ])('%s: refused on one line %s, in multi-line text %s', (_name, value, oneLine, multiline) => {
    expect(hasControlCharacters(value)).toBe(oneLine);
    expect(hasControlCharacters(value, { multiline: true })).toBe(multiline);
  });

  it('a field is refused with a localized message and a stable code', () => {
    const schema = z.object({ q: textInput().trim().max(200) });
    for (const [locale, message] of [['en', 'must not contain control characters'], ['fr', 'ne doit pas contenir de caractères de contrôle']] as const) {
      const error = (() => {
        try {
          parseOrThrow(schema, { q: 'a\u0000b' }, locale);
        } catch (caught) {
          return caught as AppError;
        }
      })();
      expect(error?.status).toBe(400);
      expect(error?.issues).toEqual([{ field: 'q', message, code: 'text.control' }]);
    }
  });

  it('an identifier in a path that no identifier can be is a 404', () => {
    const schema = z.object({ id: pathIdentifier(64) });
    expect(parseParams(schema, { id: ' app_1 ' })).toEqual({ id: 'app_1' });
    for (const id of ['a\u0000b', '', 'x'.repeat(65)]) expect(() => parseParams(schema, { id })).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('a notice is one of the known codes, never the query’s text or a prototype key', () => {
    const codes = ['edit', 'nothing'] as const;
    expect(parseNotice(codes, { done: 'edit' })).toBe('edit');
    for (const done of ['__proto__', 'constructor', 'toString', 'Your account is suspended', ['edit'], undefined]) expect(parseNotice(codes, { done })).toBeUndefined();
    expect(parseNotice(codes, undefined)).toBeUndefined();
  });
});
