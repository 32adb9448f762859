import type { Locale } from '../i18n/i18n.js';

export const roles = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];
/** `totp`: an e-mail link then a code from an authenticator app (or a recovery code): two factors, like a passkey. */
export const sessionMethods = ['email-link', 'passkey', 'totp'] as const;
export type SessionMethod = (typeof sessionMethods)[number];

/**
 * Roles held on one subject rather than on the whole platform, each with the kind of subject it is held on: a
 * representative acts for one organisation of the registry; a group's co-chairs, members and observers for that group;
 * a designated contact answers for one organisation in the cooperation space.
 */
export const scopedRoles = {
  representative: 'supporter',
  'co-chair': 'group',
  member: 'group',
  observer: 'group',
  /** A designated point of contact of an organisation (the cooperation space): granted when the nominee accepts. */
  contact: 'supporter',
} as const;
export type ScopedRole = keyof typeof scopedRoles;
export type ScopeKind = (typeof scopedRoles)[ScopedRole];

/** One scoped role held by the actor: `representative` of supporter `sup_…`. */
export interface Grant {
  role: ScopedRole;
  scopeId: string;
}

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
      /** The scoped roles the person held when the request began (read with the session, in the same query). */
      grants: readonly Grant[];
    }
  /** The platform itself acting for an operator or a process: `cli:import`, `reference:first-start`, `job:…`. */
  | { kind: 'system'; ref: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;
export type SystemActor = Extract<Actor, { kind: 'system' }>;

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

/** The platform acting on its own account (an import, a job): named in the audit log by `ref`. */
export function systemActor(ref: string): SystemActor {
  return { kind: 'system', ref };
}

/** The audit log's name for an actor: `user:<id>`, the system's ref, or `anonymous`. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : actor.kind === 'system' ? actor.ref : 'anonymous';
}

export function isSecretariatRole(role: string): boolean {
  return role === 'moderator' || role === 'admin';
}
