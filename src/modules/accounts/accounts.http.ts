import type { FastifyReply } from 'fastify';

const html = 'text/html; charset=utf-8';

/** Pages with forms or personal data are never stored by browsers or proxies, and never in the response cache. */
export function sendPage(reply: FastifyReply, page: JSX.Element, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').type(html).send(page);
}

export type FormBody = Record<string, unknown>;

export function field(body: unknown, name: string): string {
  const value = (body as FormBody | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
