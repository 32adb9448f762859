import { randomBytes } from 'node:crypto';
import { getDomain, getHostname } from 'tldts';

/**
 * How an applicant proves control of the organisation's website: a code published in a file under `/.well-known/`
 * or in a DNS TXT record of the registrable domain. The code is random and stored with the application.
 */
export const wellKnownPath = '/.well-known/pariscall-verification.txt';
export const dnsTxtPrefix = 'pariscall-verification=';

export function newVerificationCode(): string {
  return randomBytes(18).toString('base64url');
}

/** `example.org` for `https://www.example.org/about`, `service.gov.uk` for `https://www.service.gov.uk`. */
export function registrableDomain(urlOrEmail: string): string | null {
  const host = urlOrEmail.includes('@') && !urlOrEmail.includes('/') ? urlOrEmail.split('@').pop() ?? '' : getHostname(urlOrEmail) ?? '';
  return getDomain(host) ?? null;
}

export function wellKnownUrl(website: string): string | null {
  const host = getHostname(website);
  return host ? `https://${host}${wellKnownPath}` : null;
}

export function dnsTxtRecord(website: string, code: string): string | null {
  const domain = registrableDomain(website);
  return domain ? `${domain} TXT "${dnsTxtPrefix}${code}"` : null;
}

/** Free mail providers: an address there proves nothing about an organisation. */
export const freeMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.fr', 'live.com', 'live.fr', 'msn.com', 'yahoo.com', 'yahoo.fr',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.fr', 'mail.com', 'yandex.ru', 'orange.fr',
  'free.fr', 'laposte.net', 'wanadoo.fr', 'sfr.fr', 'web.de', 'qq.com', '163.com', 'zoho.com', 'tutanota.com',
]);

/** True when the address belongs to the same registrable domain as the website (or the other address). */
export function emailDomainMatches(email: string, websiteOrEmail: string): boolean {
  const mine = registrableDomain(email);
  const theirs = registrableDomain(websiteOrEmail);
  return mine !== null && mine === theirs && !freeMailDomains.has(mine);
}
