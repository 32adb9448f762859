import { describe, expect, it } from 'vitest';
import { isHoneypotFilled } from '../../app/html/honeypot.js';
import { checkFormStamp, formStamp, maximumFormAgeMs, minimumFillMs } from './applications.antibot.js';

const secret = 'a'.repeat(32);

describe('form stamp', () => {
  const t0 = 1_700_000_000_000;
  it.each([
    ['a person after 20 s', t0 + 20_000, 'ok'],
    ['a script at once', t0 + 100, 'too-fast'],
    ['just under the minimum', t0 + minimumFillMs - 1, 'too-fast'],
    ['a form left open two days', t0 + maximumFormAgeMs + 1, 'stale'],
  ])('%s', (_label, now, expected) => {
    expect(checkFormStamp(secret, formStamp(secret, t0), now)).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['garbage', 'hello'],
    ['forged time', `${t0 - 60_000}.${formStamp(secret, t0).split('.')[1]}`],
    ['other key', formStamp('b'.repeat(32), t0)],
  ])('rejects a %s stamp', (_label, stamp) => {
    expect(checkFormStamp(secret, stamp, t0 + 20_000)).toBe('invalid');
  });
});

describe('honeypot', () => {
  it.each([
    [{}, false],
    [{ homepage: '' }, false],
    [{ homepage: '  ' }, false],
    [{ homepage: 'http://spam.example' }, true],
  ])('%j filled: %s', (body, expected) => {
    expect(isHoneypotFilled(body)).toBe(expected);
  });
});
