import type { Locale } from '../i18n/i18n.js';

export const roles = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];
export const sessionMethods = ['email-link', 'passkey'] as const;
export type SessionMethod = (typeof sessionMethods)[number];

/** Who is making a request: resolved from the session cookie (see getActor in app/auth/auth.plugin.ts). */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string | null;
      role: Role;
      locale: Locale;
      sessionId: string;
      /** How this session was opened; the back office needs `passkey`. */
      method: SessionMethod;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

/** The audit log's name for an actor: `user:<id>` or `anonymous`. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : 'anonymous';
}

export function isSecretariatRole(role: string): boolean {
  return role === 'moderator' || role === 'admin';
}
