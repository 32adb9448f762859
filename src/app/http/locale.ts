import type { FastifyRequest } from 'fastify';
import { defaultLocale, isLocale, negotiateLocale, type Locale } from '../i18n/i18n.js';

/** The locale of a page request is its first path segment; API and data requests negotiate from Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  return urlLocale(request.url, request.headers['accept-language']);
}

/** `requestLocale` from a URL and an Accept-Language header, for answers written before Fastify has a request. */
export function urlLocale(url: string, acceptLanguage: string | undefined): Locale {
  const first = url.split('/')[1]?.split('?')[0];
  if (isLocale(first)) return first;
  if (isDataUrl(url)) return negotiateLocale(acceptLanguage);
  return defaultLocale;
}

/** Errors of the API and data routes are problem+json, never an HTML page. */
export function isApiRequest(request: FastifyRequest): boolean {
  return isDataUrl(request.url);
}

/** The JSON API and its documents, the downloads (`*.csv`, `*.json`, `*.xlsx`, query string or not), the health check. */
export function isDataUrl(url: string): boolean {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return path.startsWith('/api/') || path === '/healthz' || /\.(csv|json|xlsx)$/.test(path);
}

/** Path after the `/en` or `/fr` prefix, query string included: the same page in the other language. */
export function pathAfterLocale(request: FastifyRequest): string {
  return urlAfterLocale(request.url);
}

/** `pathAfterLocale` of a URL, such as the canonical one a cached page is rendered for. */
export function urlAfterLocale(url: string): string {
  return url.replace(/^\/(en|fr)(?=\/|\?|$)/, '');
}
