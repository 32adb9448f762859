/**
 * Route options that authorize in `onRequest`, before Fastify reads the body (issue 12, item 3): a route for signed-in
 * people, the secretariat or administrators refuses an anonymous client (or anyone the action refuses) without first
 * receiving and parsing up to the body limit. Only for actions decided without a subject: the handler still authorizes
 * against the subject it loads.
 */
import type { FastifyRequest } from 'fastify';
import { getActor } from '../auth/auth.plugin.js';
import type { Actor } from './actor.js';
import { authorize, type Action } from './policy.js';

export function authorizeBeforeBody<A extends Actor>(action: Action<void, A>): { onRequest: (request: FastifyRequest) => Promise<void> } {
  return {
    onRequest: async (request) => {
      authorize(await getActor(request), action, undefined);
    },
  };
}
