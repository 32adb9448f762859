/** Pure rules of the registry: freshness flags, the default security.txt URL, a file's summary. */
import { createHash } from 'node:crypto';
import { expiringSoonDays, freshDays } from './disclosure.constants.js';
import type { SecurityTxt } from './disclosure.security-txt.js';
import type { SecurityTxtSummary } from './disclosure.tables.js';

const dayMs = 86_400_000;

export interface Freshness {
  /** Fetched successfully within `freshDays`. */
  fresh: boolean;
  expired: boolean;
  expiringSoon: boolean;
  /** The last fetch failed (network, HTTP status, size). */
  unreachable: boolean;
}

export function freshnessOf(entry: { fetchStatus: string; lastFetchedAt: Date | null; expiresAt: Date | null }, now: Date): Freshness {
  const expired = entry.expiresAt !== null && entry.expiresAt.getTime() <= now.getTime();
  return {
    fresh: entry.fetchStatus === 'ok' && entry.lastFetchedAt !== null && now.getTime() - entry.lastFetchedAt.getTime() <= freshDays * dayMs,
    expired,
    expiringSoon: !expired && entry.expiresAt !== null && entry.expiresAt.getTime() - now.getTime() <= expiringSoonDays * dayMs,
    unreachable: entry.fetchStatus === 'unreachable',
  };
}

/** `https://<host>/.well-known/security.txt` for a supporter's website (RFC 9116 §3: always https), or null. */
export function defaultSecurityTxtUrl(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(website.trim()) ? website.trim() : `https://${website.trim()}`);
    return `https://${url.hostname}/.well-known/security.txt`;
  } catch {
    return null;
  }
}

export function summaryOf(parsed: SecurityTxt, signature: SecurityTxtSummary['signature']): SecurityTxtSummary {
  const values = (list: Array<{ value: string }>) => list.map((field) => field.value);
  return {
    contact: values(parsed.contact),
    encryption: values(parsed.encryption),
    policy: values(parsed.policy),
    acknowledgments: values(parsed.acknowledgments),
    preferredLanguages: parsed.preferredLanguages,
    canonical: values(parsed.canonical),
    hiring: values(parsed.hiring),
    csaf: values(parsed.csaf),
    signed: parsed.signed,
    signature,
  };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Folded for search and order: lower case, no accents. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
