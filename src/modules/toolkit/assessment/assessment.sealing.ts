/**
 * The private link's cryptography. The token (256 random bits, base64url) is the only key: the row is found by its
 * sha256 and its content sealed with AES-256-GCM under a key derived from the token by HKDF, so the database alone,
 * or the database with the platform's secret key, reveals nothing of the answers. The token is never stored.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A new link token: 32 random bytes, 43 base64url characters. */
export function newAssessmentToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the row is found by: sha256 of the token, base64url. */
export function lookupOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

function keyOf(token: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(token, 'base64url'), 'pariscall-toolkit-assessment', 'sealed-assessment v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url); the lookup is bound in as associated data, so rows cannot be swapped. */
export function sealAssessment(token: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(token), iv);
  cipher.setAAD(Buffer.from(lookupOf(token)));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens what `sealAssessment` sealed under the same token; throws when altered or sealed under another token. */
export function unsealAssessment(token: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed assessment');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(token), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(lookupOf(token)));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
