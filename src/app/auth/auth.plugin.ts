/**
 * Cookies, CSRF and sessions for the whole application, registered once at the root by the server. Nothing here
 * runs for cached public pages: they are answered before any hook, and the actor is only resolved when a route asks
 * for it (`getActor`), so anonymous and public traffic never touches the sessions table.
 */
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { Database } from '../database/database.js';
import { anonymous, type Actor, type SessionMethod } from '../authz/actor.js';
import { resolveSecretKey } from './secret.js';
import { canSignIn, createSession, resolveSession, revokeSession, sessionTtlMs } from './sessions.js';
import { getUser, recordSignIn } from './users.js';
import { hashToken, isTokenShaped } from './tokens.js';

export interface AuthRuntime {
  db: Database;
  sessionCookie: string;
  csrfCookie: string;
  secure: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    authRuntime: AuthRuntime;
  }
}

interface ActorState {
  promise: Promise<Actor>;
  /** Set when resolution moved the session's expiry: the cookie is re-sent with the new Max-Age. */
  refresh?: { token: string; maxAgeSeconds: number };
}
const actorStates = new WeakMap<FastifyRequest, ActorState>();

/** Cookie flags from the public URL: Secure unless served over plain HTTP on a non-loopback host (which could not sign in otherwise). */
export function cookieSettings(publicUrl: string): { secure: boolean; sessionCookie: string; csrfCookie: string } {
  const url = new URL(publicUrl);
  const https = url.protocol === 'https:';
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  // `__Host-` cookies are Secure, host-only and Path=/: a sibling subdomain cannot plant or shadow them.
  return https
    ? { secure: true, sessionCookie: '__Host-pariscall-session', csrfCookie: '__Host-pariscall-csrf' }
    : { secure: loopback, sessionCookie: 'pariscall-session', csrfCookie: 'pariscall-csrf' };
}

export async function registerAuth(app: FastifyInstance, context: AppContext): Promise<void> {
  const settings = cookieSettings(context.config.publicUrl);
  await app.register(cookie, { secret: resolveSecretKey(context.config) });
  await app.register(csrfProtection, {
    cookieKey: settings.csrfCookie,
    // Signed with the secret key; SameSite=Lax keeps the link-from-an-e-mail pages working.
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: settings.secure, signed: true },
  });
  app.decorate('authRuntime', { db: context.database.db, ...settings });
  app.addHook('onSend', async (request, reply) => {
    const refresh = actorStates.get(request)?.refresh;
    if (refresh) setSessionCookie(reply, refresh.token, refresh.maxAgeSeconds);
  });
}

function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const { sessionCookie, secure } = reply.server.authRuntime;
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, secure, sameSite: 'lax', maxAge: maxAgeSeconds });
}

function sessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[request.server.authRuntime.sessionCookie];
  return isTokenShaped(value) ? value : undefined;
}

/** The person making the request, resolved once per request and only when asked. */
export function getActor(request: FastifyRequest): Promise<Actor> {
  let state = actorStates.get(request);
  if (!state) {
    const token = sessionToken(request);
    const created: ActorState = { promise: Promise.resolve(anonymous) };
    if (token) {
      created.promise = resolveSession(request.server.authRuntime.db, token).then((resolved) => {
        if (!resolved) return anonymous;
        if (resolved.touched) created.refresh = { token, maxAgeSeconds: Math.floor((resolved.expiresAt.getTime() - Date.now()) / 1000) };
        return resolved.actor;
      });
    }
    state = created;
    actorStates.set(request, state);
  }
  return state.promise;
}

/**
 * Opens a session for `userId` and sets its cookie; a session the browser already had is revoked (no fixation).
 * Records the sign-in (audited `auth.sign-in`).
 */
export async function signIn(request: FastifyRequest, reply: FastifyReply, input: { userId: string; method: SessionMethod }): Promise<{ sessionId: string }> {
  const { db } = request.server.authRuntime;
  const previous = sessionToken(request);
  const created = await db.transaction(async (tx) => {
    const user = await getUser(tx, input.userId);
    if (!canSignIn(user)) throw new Error(`cannot sign in ${input.userId}: account not active`);
    if (previous) await revokeSession(tx, { userId: user.id, sessionId: hashToken(previous) });
    const opened = await createSession(tx, { userId: user.id, role: user.role, method: input.method, userAgent: request.headers['user-agent'] ?? null });
    await recordSignIn(tx, user.id, input.method);
    return { ...opened, ttl: sessionTtlMs(user.role) };
  });
  setSessionCookie(reply, created.token, Math.floor(created.ttl / 1000));
  actorStates.delete(request);
  return { sessionId: created.session.id };
}

/** Revokes the request's session and clears the cookie. */
export async function signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const actor = await getActor(request);
  if (actor.kind === 'user') await revokeSession(request.server.authRuntime.db, { userId: actor.userId, sessionId: actor.sessionId });
  const { sessionCookie, secure } = request.server.authRuntime;
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, secure, sameSite: 'lax' });
  const state = actorStates.get(request);
  if (state) state.refresh = undefined;
}
