import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import { defineError } from '../http/errors.js';
import { appMessages } from '../i18n/messages.js';

/** Rendered as the localized "page expired" 403 (`error.csrf.*`); the request changed nothing. */
export const csrfRejected = defineError('request.csrf', 403, (l) => appMessages(l)('error.csrf.title'));

/**
 * The hidden `_csrf` input of a form (already escaped markup). Works for anonymous visitors: the token's secret
 * lives in a signed cookie set on first use, not in a session.
 */
export function csrfField(_request: FastifyRequest, reply: FastifyReply): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken(reply))}">`;
}

// One token per response: on a visitor's first page each generateCsrf() call would otherwise make a new secret
// cookie, and only the last one would match.
const tokens = new WeakMap<FastifyReply, string>();

/** The raw token, for scripts that post JSON with an `x-csrf-token` header. */
export function csrfToken(reply: FastifyReply): string {
  let token = tokens.get(reply);
  if (!token) {
    token = reply.generateCsrf();
    tokens.set(reply, token);
  }
  return token;
}

/** preHandler of every state-changing form route: a missing or wrong token stops the request before the handler. */
export const verifyCsrf: preHandlerHookHandler = function (request, reply, done) {
  request.server.csrfProtection(request, reply, done);
};

/** The errors @fastify/csrf-protection sends; the server's error handler maps them to `csrfRejected`. */
export function isCsrfError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET';
}
