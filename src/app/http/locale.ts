import type { FastifyRequest } from 'fastify';
import { defaultLocale, isLocale, negotiateLocale, type Locale } from '../i18n/i18n.js';

/** The locale of a page request is its first path segment; API requests negotiate from Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  const first = request.url.split('/')[1]?.split('?')[0];
  if (isLocale(first)) return first;
  if (request.url.startsWith('/api/')) return negotiateLocale(request.headers['accept-language']);
  return defaultLocale;
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.endsWith('.csv') || request.url.startsWith('/healthz');
}

/** Path after the `/en` or `/fr` prefix, query string included: the same page in the other language. */
export function pathAfterLocale(request: FastifyRequest): string {
  return urlAfterLocale(request.url);
}

/** `pathAfterLocale` of a URL, such as the canonical one a cached page is rendered for. */
export function urlAfterLocale(url: string): string {
  return url.replace(/^\/(en|fr)(?=\/|\?|$)/, '');
}
