/**
 * The unsubscribe link's token: `<person>.<group or "all">.<signature>`, the signature an HMAC-SHA256 under a key
 * derived (HKDF) from the platform's secret key for this purpose only. The token is the credential of the one-click
 * POST (a mail client sends it without cookies), so it must not be guessable: 256 bits of MAC. It does not expire: an
 * unsubscribe link in a year-old digest must still work (RFC 8058 asks the link to keep working), and what it allows
 * (turning mail off) is harmless. Rotating SECRET_KEY invalidates every link; the page then says the link is not valid
 * and points to the subscriptions page.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const idShape = /^[a-z]{3}_[A-Za-z0-9_-]{6,40}$/;

export interface UnsubscribeScope {
  userId: string;
  /** One group, or every group (`null`). */
  groupId: string | null;
}

function keyFor(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'pariscall-notifications', 'unsubscribe-v1', 32));
}

function mac(secretKey: string, body: string): string {
  return createHmac('sha256', keyFor(secretKey)).update(body).digest('base64url');
}

export function signUnsubscribeToken(secretKey: string, scope: UnsubscribeScope): string {
  const body = `${scope.userId}.${scope.groupId ?? 'all'}`;
  return `${body}.${mac(secretKey, body)}`;
}

/** The scope a token grants, or null for anything altered, forged or malformed (checked in constant time). */
export function verifyUnsubscribeToken(secretKey: string, token: unknown): UnsubscribeScope | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [userId, group, signature, ...rest] = token.split('.');
  if (!userId || !group || !signature || rest.length > 0) return null;
  if (!idShape.test(userId) || (group !== 'all' && !idShape.test(group))) return null;
  const expected = Buffer.from(mac(secretKey, `${userId}.${group}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, groupId: group === 'all' ? null : group };
}
