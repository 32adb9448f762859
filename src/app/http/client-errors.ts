import http from 'node:http';
import type { Socket } from 'node:net';
import { ErrorPage } from '../html/error-page.js';
import type { Locale } from '../i18n/i18n.js';
import { appMessages } from '../i18n/messages.js';
import { AppError, toProblem } from './errors.js';
import { isDataUrl, urlLocale } from './locale.js';

/**
 * Fastify's routing errors (`frameworkErrors`): a path that does not decode (`/api/v1/supporters/%zz`) and a path
 * parameter longer than `maxParamLength` are answered by the platform's error handling, not Fastify's plain JSON.
 */
export function routingError(error: { code?: string; statusCode?: number }): AppError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return uriTooLong();
  if (error.code === 'FST_ERR_BAD_URL') return new AppError('request.bad-url', 400, (l) => appMessages(l)('error.badUrl.title'));
  return new AppError('request.invalid', error.statusCode ?? 400, (l) => appMessages(l)('error.badRequest.title'));
}

const uriTooLong = () => new AppError('request.uri-too-long', 414, (l) => appMessages(l)('error.uriTooLong.title'));

/** What can be read of a request Node's parser refused: its target and Accept-Language, when the packet holds them. */
interface RequestHead {
  target?: string;
  acceptLanguage?: string;
}

function readHead(packet: unknown): RequestHead {
  // Node gives the chunk it was parsing (a Buffer), whatever Fastify's types say.
  if (!Buffer.isBuffer(packet)) return {};
  const text = packet.toString('latin1');
  const line = /^[A-Z]+ (\S+)/.exec(text);
  const language = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(text);
  return { ...(line ? { target: line[1] } : {}), ...(language ? { acceptLanguage: language[1] } : {}) };
}

/** The status of a refused request: an address alone over the header limit is 414, other oversized heads 431. */
function clientErrorOf(error: { code?: string }, head: RequestHead, maxHeaderSize: number): AppError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    if ((head.target?.length ?? 0) >= maxHeaderSize) return uriTooLong();
    return new AppError('request.headers-too-large', 431, (l) => appMessages(l)('error.headersTooLarge.title'));
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('request.timeout', 408, (l) => appMessages(l)('error.requestTimeout.title'));
  return new AppError('request.malformed', 400, (l) => appMessages(l)('error.badRequest.title'));
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused a request (headers over `maxHeaderSize`, a malformed
 * request line, a timeout) before Fastify saw it, so there is no reply and no hook; the answer is written on the
 * socket, in the platform's format: problem+json (an HTML error page when the address read is a page), localized,
 * with the security headers helmet gives every other answer. The connection is closed after it.
 */
export function clientErrorHandler(securityHeaders: Readonly<Record<string, string>>, maxHeaderSize = http.maxHeaderSize) {
  return (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    // A reset connection has nobody to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // Nothing can be written on a closed socket, nor after a response on it has begun (as Node's own handler checks).
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const head = readHead(error.rawPacket);
    const answer = errorAnswer(clientErrorOf(error, head, maxHeaderSize), head.target ?? '/', head.acceptLanguage, securityHeaders);
    const lines = Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`);
    socket.end(`HTTP/1.1 ${answer.status} ${http.STATUS_CODES[answer.status]}\r\n${lines.join('\r\n')}\r\n\r\n${answer.body}`, () => socket.destroy());
  };
}

/**
 * An error answered outside Fastify (no reply, no hook), in the platform's format: problem+json, or an HTML error page
 * when `target` is a page; localized from the address or Accept-Language; with the security headers; closing the
 * connection.
 */
export function errorAnswer(
  appError: AppError, target: string, acceptLanguage: string | undefined, securityHeaders: Readonly<Record<string, string>>,
): { status: number; headers: Record<string, string | number>; body: string } {
  const locale = urlLocale(target, acceptLanguage);
  const page = !isDataUrl(target) && /^\/(en|fr)(\/|\?|$)/.test(target);
  const [contentType, body] = page
    ? ['text/html; charset=utf-8', errorPageHtml(appError, locale)]
    : ['application/problem+json; charset=utf-8', JSON.stringify(toProblem(appError, locale))];
  return {
    status: appError.status,
    headers: { ...securityHeaders, 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', connection: 'close' },
    body,
  };
}

function errorPageHtml(error: AppError, locale: Locale): string {
  // The address is one the server refused: the page links to the other language's home, not to it again.
  return String(ErrorPage({ locale, path: '', title: error.localize(locale) }));
}
