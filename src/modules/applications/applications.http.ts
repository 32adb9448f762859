import type { FastifyReply, FastifyRequest } from 'fastify';
import { getActor, signIn } from '../../app/auth/auth.plugin.js';
import { csrfField } from '../../app/auth/csrf.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import type { Actor } from '../../app/authz/actor.js';
import type { AppContext } from '../../app/context.js';

/** The request-level pieces the joining pages use: who is acting, CSRF fields, sign-in after a proven link. */
export const actorOf = (request: FastifyRequest): Promise<Actor> => getActor(request);

export const hiddenCsrf = (request: FastifyRequest, reply: FastifyReply): string => csrfField(request, reply);

/** The key that signs the join form's time stamp: the platform's secret key. */
export const formSecret = (context: AppContext): string => resolveSecretKey(context.config);

/** Following an e-mailed link proves the address: the person is signed in with an e-mail-link session. */
export async function signInFromLink(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  await signIn(request, reply, { userId, method: 'email-link' });
}

export type Body = Record<string, unknown>;

/** Pages with forms and personal data are never cached by browsers or proxies. */
export function send(reply: FastifyReply, page: JSX.Element, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
}
