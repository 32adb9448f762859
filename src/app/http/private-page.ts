import type { FastifyReply } from 'fastify';

/** A parsed form body (urlencoded or multipart fields). */
export type FormBody = Record<string, unknown>;

/**
 * Sends a page with a form or personal data: never stored by browsers or proxies, and never in the response cache
 * (which only holds what a route hands to `cache.send`).
 */
export function sendPrivatePage(reply: FastifyReply, page: JSX.Element, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
}

/** A text field of a form body, or '' when absent or not text (a file, a repeated field). */
export function formText(body: unknown, name: string): string {
  const value = (body as FormBody | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
