import type { FastifyRequest } from 'fastify';
import type { AppError } from '../http/errors.js';
import { isLocale } from '../i18n/i18n.js';
import { hasControlCharacters } from '../../shared/text-input.js';

/** A `next` target is only ever a path on this site (`/en/…`), never `//evil.example` or a scheme. */
export function safeNext(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 500 || hasControlCharacters(value)) return fallback;
  if (!/^\/(en|fr)(\/|$|\?)/.test(value) || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}

/**
 * Where a page request that failed authentication goes instead of an error page: to sign in (then back), or, for a
 * secretariat member on an e-mail-link session, to enrol a passkey. API requests keep their 401/403 problem.
 */
export function authRedirect(request: FastifyRequest, error: AppError): string | undefined {
  const locale = request.url.split('/')[1];
  if (!isLocale(locale)) return undefined;
  if (error.code === 'auth.unauthorized') {
    const next = request.method === 'GET' ? request.url : `/${locale}/account`;
    return `/${locale}/sign-in?next=${encodeURIComponent(safeNext(next, `/${locale}/account`))}`;
  }
  if (error.code === 'auth.passkey-required') return `/${locale}/account/passkeys?required=1`;
  return undefined;
}
