import type { FastifyReply, FastifyRequest } from 'fastify';
import { signIn } from '../../app/auth/auth.plugin.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import type { AppContext } from '../../app/context.js';

/** The key that signs the join form's time stamp: the platform's secret key. */
export const formSecret = (context: AppContext): string => resolveSecretKey(context.config);

/** Following an e-mailed link proves the address: the person is signed in with an e-mail-link session. */
export async function signInFromLink(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  await signIn(request, reply, { userId, method: 'email-link' });
}
