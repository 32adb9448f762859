import { describe, expect, it } from 'vitest';
import { nextRefreshSlot } from './disclosure.jobs.js';
import { defaultSecurityTxtUrl, freshnessOf } from './disclosure.models.js';

const now = new Date('2026-12-07T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('the registry’s rules', () => {
  it.each([
    ['fetched yesterday, expiring in 90 days', { fetchStatus: 'ok', lastFetchedAt: days(-1), expiresAt: days(90) }, { fresh: true, expired: false, expiringSoon: false, unreachable: false }],
    ['fetched 9 days ago', { fetchStatus: 'ok', lastFetchedAt: days(-9), expiresAt: days(90) }, { fresh: false, expired: false, expiringSoon: false, unreachable: false }],
    ['expiring in 10 days', { fetchStatus: 'ok', lastFetchedAt: days(-1), expiresAt: days(10) }, { fresh: true, expired: false, expiringSoon: true, unreachable: false }],
    ['expired', { fetchStatus: 'ok', lastFetchedAt: days(-1), expiresAt: days(-1) }, { fresh: true, expired: true, expiringSoon: false, unreachable: false }],
    ['unreachable', { fetchStatus: 'unreachable', lastFetchedAt: days(0), expiresAt: null }, { fresh: false, expired: false, expiringSoon: false, unreachable: true }],
    ['never fetched', { fetchStatus: 'never', lastFetchedAt: null, expiresAt: null }, { fresh: false, expired: false, expiringSoon: false, unreachable: false }],
  ])('freshness: %s', (_name, entry, expected) => {
    expect(freshnessOf(entry, now)).toEqual(expected);
  });

  it.each([
    ['https://www.example.org/about', 'https://www.example.org/.well-known/security.txt'],
    ['http://example.org', 'https://example.org/.well-known/security.txt'],
    ['example.org', 'https://example.org/.well-known/security.txt'],
    [null, null],
    ['not a url at all', null],
  ])('the default security.txt of %s is %s (always https)', (website, expected) => {
    expect(defaultSecurityTxtUrl(website)).toBe(expected);
  });

  it('the daily refresh runs at 04:00 UTC, the next slot strictly after now', () => {
    expect(nextRefreshSlot(new Date('2026-12-07T03:59:00Z')).toISOString()).toBe('2026-12-07T04:00:00.000Z');
    expect(nextRefreshSlot(new Date('2026-12-07T04:00:00Z')).toISOString()).toBe('2026-12-08T04:00:00.000Z');
  });
});
