/**
 * The rules behind the evidence of authority, without I/O: what an applicant must publish to prove control of the
 * organisation's website, how domains are compared, which addresses and names prove nothing. The checks that reach the
 * network are in applications.signals.ts.
 */
import { randomBytes } from 'node:crypto';
import { domainToASCII, domainToUnicode } from 'node:url';
import { getHostname, parse } from 'tldts';

/** Where the applicant publishes the code on the website; the file holds the code (alone or as `<prefix><code>`). */
export const wellKnownPath = '/.well-known/pariscall-verification.txt';
/** The content of the DNS TXT record, followed by the code. */
export const dnsTxtPrefix = 'pariscall-verification=';

/** 144 random bits, URL-safe (base64url, 24 characters): unguessable, and safe in a file, a TXT record or a URL. */
export function newVerificationCode(): string {
  return randomBytes(18).toString('base64url');
}

// Private suffixes count (`a.github.io` and `b.github.io` are different owners), so a shared host never makes two
// organisations look the same, nor lets one redirect to the other.
const tldtsOptions = { allowPrivateDomains: true } as const;

/** The host name of a website (lower case, IDN as punycode), or null when it is not a URL. */
export function websiteHost(website: string): string | null {
  const host = getHostname(website.trim(), tldtsOptions);
  return host ? domainToASCII(host.replace(/\.$/, '')) || null : null;
}

/**
 * The registrable domain (public suffix + 1 label) of a website URL or an e-mail address, lower case, IDN as punycode:
 * `example.org` for `https://www.example.org/about`, `ncsc.gov.uk` for `minister@mail.ncsc.gov.uk`, `example.co.jp`
 * for `https://shop.example.co.jp`. Null for IP addresses, bare public suffixes and text that is neither.
 */
export function registrableDomain(websiteOrEmail: string): string | null {
  const value = websiteOrEmail.trim();
  const at = value.lastIndexOf('@');
  const host = at >= 0 && !value.includes('/') ? value.slice(at + 1) : getHostname(value, tldtsOptions);
  if (!host) return null;
  const ascii = domainToASCII(host.toLowerCase().replace(/\.$/, ''));
  if (!ascii) return null;
  const parsed = parse(ascii, tldtsOptions);
  return parsed.isIp ? null : (parsed.domain ?? null);
}

/** The exact URL the applicant must serve the code at (always https: that is what we ask them to publish). */
export function wellKnownUrl(website: string): string | null {
  const host = websiteHost(website);
  return host ? `https://${host}${wellKnownPath}` : null;
}

/** The DNS record to publish, as one line for display: `example.org TXT "pariscall-verification=<code>"`. */
export function dnsTxtRecord(website: string, code: string): string | null {
  const record = dnsTxtInstruction(website, code);
  return record ? `${record.name} TXT "${record.value}"` : null;
}

/** The DNS record to publish, as the two fields a DNS provider's form asks for. */
export function dnsTxtInstruction(website: string, code: string): { name: string; value: string } | null {
  const domain = registrableDomain(website);
  return domain ? { name: domain, value: `${dnsTxtPrefix}${code}` } : null;
}

/** True when a published file or TXT value carries the code, alone or after the prefix. */
export function carriesCode(text: string, code: string): boolean {
  if (code.length < 8) return false; // an empty or trivial code would match anything
  return text.split(/\s+/).some((token) => token === code || token === `${dnsTxtPrefix}${code}`);
}

/**
 * Free mail providers: an address there proves nothing about an organisation. Brands match under any suffix
 * (`yahoo.co.jp`, `outlook.fr`); the others only as listed. Not exhaustive: a provider missing here still fails the
 * check unless the organisation's website is on the same domain, which a mail provider's is not.
 */
const freeMailBrands = new Set(['gmail', 'googlemail', 'yahoo', 'ymail', 'rocketmail', 'hotmail', 'outlook', 'live', 'msn', 'aol', 'protonmail', 'proton', 'icloud', 'gmx', 'yandex', 'tutanota', 'tuta']);
const freeMailHosts = new Set([
  'me.com', 'mac.com', 'mail.com', 'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'pm.me', 'zoho.com', 'zohomail.com',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'daum.net', 'web.de', 't-online.de', 'posteo.de', 'mailbox.org',
  'fastmail.com', 'hushmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr', 'sfr.fr', 'libero.it', 'seznam.cz',
  'wp.pl', 'onet.pl', 'rediffmail.com', 'yopmail.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return freeMailHosts.has(domain) || freeMailBrands.has(parse(domain, tldtsOptions).domainWithoutSuffix ?? '');
}

/**
 * Hosts where unrelated organisations have their pages (`facebook.com/acme`, `sites.google.com/view/acme`): a website
 * there proves nothing by its domain, and two supporters there are not duplicates for it.
 */
const sharedHostDomains = new Set([
  'facebook.com', 'linkedin.com', 'twitter.com', 'x.com', 'instagram.com', 'youtube.com', 'google.com', 'github.com',
  'gitlab.com', 'medium.com', 'wordpress.com', 'wixsite.com', 'wix.com', 'blogspot.com', 'tumblr.com', 'substack.com',
  'notion.site', 'linktr.ee', 'about.me', 'squarespace.com', 'weebly.com', 'jimdofree.com', 'canva.site',
  'www.gov.uk', // GOV.UK: every UK department's pages, under gov.uk, a public suffix
]);

export function isSharedHostDomain(domain: string): boolean {
  return sharedHostDomains.has(domain);
}

/**
 * True when the address belongs to the registrable domain of the website (or of another address) and that domain
 * identifies one organisation: neither a free mail provider nor a shared host.
 */
export function emailDomainMatches(email: string, websiteOrEmail: string): boolean {
  const mine = registrableDomain(email);
  const theirs = registrableDomain(websiteOrEmail);
  return mine !== null && mine === theirs && !isFreeMailDomain(mine) && !isSharedHostDomain(mine);
}

/** Both spellings of a domain, so a stored `bücher.de` and a typed `xn--bcher-kva.de` meet. */
export function domainSpellings(domain: string): string[] {
  return [...new Set([domain, domainToUnicode(domain)].filter(Boolean))];
}

/** Moved to src/app/http with the safe fetcher; re-exported for this module's callers. */
export { isPrivateAddress } from '../../app/http/private-address.js';

/**
 * Names of intergovernmental bodies, which join like states through diplomatic channels (a note verbale). A small,
 * documented list plus the usual shapes of such names; a false match only adds an "info" line for the moderator.
 */
export const intergovernmentalNames: readonly RegExp[] = [
  /\b(european union|union europ[ée]enne|council of europe|conseil de l.europe)\b/i,
  /\b(interpol|europol|oecd|ocde|osce|nato|otan|asean|unesco|unidir|itu|uit)\b/i,
  /\b(united nations|nations unies|african union|union africaine|commonwealth)\b/i,
  /\borgani[sz]ation (of|for|des|de la|de l.|du|internationale|intergouvernementale)\b/i,
  /\b(world|international) ([\p{L}-]+ ){0,3}(organi[sz]ation|union)\b/iu,
  /\b(intergovernmental|intergouvernementale?)\b/i,
];

export function isIntergovernmentalName(name: string): boolean {
  return intergovernmentalNames.some((pattern) => pattern.test(name));
}
