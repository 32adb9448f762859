import type { ParsedMail } from 'mailparser';
import type { TestApp } from '../../../test/helpers/app.js';

/** Shared by the applications tests: a known secret (to sign form stamps), form fetching, cookies, links in mails. */
export const testSecret = 'test-secret-key-for-the-applications-suite-0123456789';

/** Joins cookie headers and Set-Cookie values into one Cookie header (later values win). */
export function cookieHeader(...parts: Array<string | string[] | undefined>): string {
  const jar = new Map<string, string>();
  for (const part of parts.flat()) {
    if (!part) continue;
    for (const piece of part.split(/;\s*|,\s*(?=[^;,=\s]+=)/)) {
      const [name, ...rest] = piece.split('=');
      if (!name || /^(path|expires|max-age|domain|samesite|secure|httponly)$/i.test(name.trim())) continue;
      jar.set(name.trim(), rest.join('='));
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** GETs a page with a form; returns its HTML, the cookies to send back and the CSRF token to post. */
export async function formPage(t: TestApp, url: string, cookie = ''): Promise<{ body: string; cookie: string; csrf: string; status: number }> {
  const response = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const setCookie = response.headers['set-cookie'];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  return { body: response.body, status: response.statusCode, cookie: cookieHeader(cookie, setCookie as string | string[] | undefined), csrf };
}

/** The path and query of the first link in a mail's text part that goes to `path`. */
export function linkFrom(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_%-]+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

export async function drainJobs(t: TestApp): Promise<number> {
  return t.app.context.jobs.worker.drain();
}
