import { eq } from 'drizzle-orm';
import type { Role, SessionMethod } from '../../src/app/authz/actor.js';
import { users } from '../../src/app/auth/auth.tables.js';
import { createSession } from '../../src/app/auth/sessions.js';
import { findOrCreateUserByEmail } from '../../src/app/auth/users.js';
import type { Locale } from '../../src/app/i18n/i18n.js';
import type { TestApp } from './app.js';

export interface SignedIn {
  userId: string;
  sessionId: string;
  /** A Cookie header value carrying the session. */
  cookie: string;
}

/**
 * Creates (or reuses) an account with `role` and opens a session directly in the database, skipping the e-mail or
 * passkey ceremony: for tests that act as any role (the authorization matrix). `method` defaults to `passkey` for
 * the secretariat and `email-link` for members.
 */
export async function signInAs(
  t: TestApp,
  options: { email: string; role?: Role; method?: SessionMethod; name?: string; locale?: Locale },
): Promise<SignedIn> {
  const role = options.role ?? 'member';
  const db = t.database.db;
  const user = await findOrCreateUserByEmail(db, options.email, options.locale ?? 'en', { name: options.name ?? null, actor: 'test' });
  if (user.role !== role || user.status !== 'active') await db.update(users).set({ role, status: 'active' }).where(eq(users.id, user.id));
  const method = options.method ?? (role === 'member' ? 'email-link' : 'passkey');
  const { token, session } = await createSession(db, { userId: user.id, role, method, userAgent: 'test' });
  return { userId: user.id, sessionId: session.id, cookie: `${t.app.authRuntime.sessionCookie}=${token}` };
}

/** Merges Cookie headers and Set-Cookie values into one Cookie header (later values win). */
export function mergeCookies(...parts: Array<string | string[] | undefined>): string {
  const jar = new Map<string, string>();
  for (const part of parts.flat()) {
    if (!part) continue;
    // A Set-Cookie value: only its first `name=value` pair matters.
    const pairs = /;\s*(path|expires|max-age|domain|samesite|secure|httponly)\b/i.test(part) ? [part.split(';')[0]!] : part.split(/;\s*/);
    for (const pair of pairs) {
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * GETs a page with a form and returns its CSRF token and the Cookie header to post with (the given cookie plus the
 * CSRF cookie the page set).
 */
export async function csrfFor(t: TestApp, url: string, cookie = ''): Promise<{ token: string; cookie: string; body: string; status: number }> {
  const response = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? /data-csrf="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { token, cookie: mergeCookies(cookie, response.headers['set-cookie'] as string | string[] | undefined), body: response.body, status: response.statusCode };
}
