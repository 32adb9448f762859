import type { ParsedMail } from 'mailparser';
import type { TestApp } from '../../../test/helpers/app.js';

/**
 * Shared by the applications tests: a known secret (to sign form stamps), links in mails, draining the job queue.
 * Forms and cookies: `csrfFor` and `mergeCookies` in test/helpers/auth.ts.
 */
export const testSecret = 'test-secret-key-for-the-applications-suite-0123456789';

/** The path and query of the first link in a mail's text part that goes to `path`. */
export function linkFrom(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_%-]+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

/** Runs every queued job now (the outbox and signal checks), returning how many ran. */
export async function drainJobs(t: TestApp): Promise<number> {
  return t.app.context.jobs.worker.drain();
}
