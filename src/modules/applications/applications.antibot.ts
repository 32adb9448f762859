import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Bot protection without third-party CAPTCHAs. The form carries the time it was shown, signed so it cannot be forged;
 * a person takes more than a few seconds to fill it in, a script posts at once. The honeypot (app/html/honeypot.tsx)
 * catches the bots that fill every field.
 */
export const minimumFillMs = 3000;
export const maximumFormAgeMs = 24 * 3600 * 1000;

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`join-form:${issuedAt}`).digest('base64url').slice(0, 32);
}

export function formStamp(secret: string, now = Date.now()): string {
  return `${now}.${sign(secret, now)}`;
}

export type StampCheck = 'ok' | 'too-fast' | 'stale' | 'invalid';

export function checkFormStamp(secret: string, stamp: unknown, now = Date.now()): StampCheck {
  if (typeof stamp !== 'string') return 'invalid';
  const [issued, signature] = stamp.split('.');
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !signature) return 'invalid';
  const expected = Buffer.from(sign(secret, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (now - issuedAt < minimumFillMs) return 'too-fast';
  if (now - issuedAt > maximumFormAgeMs) return 'stale';
  return 'ok';
}

