/**
 * Set-up shared by the registry's tests (and the authorization matrix): two published organisations with a
 * representative each, someone who represents nobody, the secretariat; a local HTTP server on 127.0.0.1 serving
 * security.txt files; an outbox worker whose refresh handler may reach it (the fetcher's `allowPrivate`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { grantRole } from '../../app/authz/grants.js';
import { createJobWorker, type JobWorker } from '../../app/jobs/worker.js';
import { signInAs } from '../../../test/helpers/auth.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { supporters } from '../supporters/supporters.tables.js';
import { disclosureJobHandlers } from './disclosure.module.js';

export interface DisclosurePeople {
  cookies: Record<'repA' | 'repB' | 'member' | 'moderator', string>;
  orgA: { id: string; name: string; slug: string };
  orgB: { id: string; name: string; slug: string };
}

export async function setUpDisclosure(t: TestApp): Promise<DisclosurePeople> {
  const db = t.database.db;
  const [a, b] = await db.select().from(supporters).where(eq(supporters.status, 'published')).orderBy(supporters.slug).limit(2);
  const cookies = {} as DisclosurePeople['cookies'];
  for (const [who, email, role, supporterId] of [
    ['repA', 'ana@org-a.example', 'member', a!.id],
    ['repB', 'cy@org-b.example', 'member', b!.id],
    ['member', 'someone@example.org', 'member', null],
    ['moderator', 'mod@secretariat.example', 'moderator', null],
  ] as const) {
    const signed = await signInAs(t, { email, role, name: `Person ${who}` });
    if (supporterId) await grantRole(db, 'test:setup', { userId: signed.userId, role: 'representative', scopeId: supporterId });
    cookies[who] = signed.cookie;
  }
  const org = (row: typeof a) => ({ id: row!.id, name: row!.name, slug: row!.slug });
  return { cookies, orgA: org(a), orgB: org(b) };
}

/** A local server: `files` maps a path to a handler; anything else is 404. */
export async function startFileServer(): Promise<{ base: string; files: Map<string, http.RequestListener>; close(): Promise<void> }> {
  const files = new Map<string, http.RequestListener>();
  const server = http.createServer((request, response) => {
    const handler = files.get(request.url ?? '');
    if (handler) handler(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    files,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An outbox worker running only the registry's jobs, allowed to fetch from 127.0.0.1 (tests drain it). */
export function localRefreshWorker(t: TestApp): JobWorker {
  const quiet = { info() {}, warn() {}, error() {} };
  return createJobWorker({ database: t.database, handlers: disclosureJobHandlers(t.database.db, { allowPrivate: true, timeoutMs: 2000 }), log: quiet, retryDelayMs: () => 3_600_000 });
}

export const goodFile = (expires: string) => `# Our security contact\nContact: mailto:security@org-a.example\nContact: https://org-a.example/report\nExpires: ${expires}\nPolicy: https://org-a.example/cvd\nPreferred-Languages: en, fr\n`;

/** An entry straight into the table (the authorization matrix: the public entry page has something to show). */
export async function seedDisclosureEntry(db: TestApp['database']['db'], supporterId: string): Promise<void> {
  const { registryFields } = await import('./disclosure.usecases.js');
  const { disclosurePolicies } = await import('./disclosure.tables.js');
  const fields = await registryFields(db, supporterId);
  if (!fields) throw new Error(`no supporter ${supporterId}`);
  const { website: _website, ...copy } = fields;
  await db.insert(disclosurePolicies).values({ supporterId, ...copy, securityTxtUrl: null, updatedBy: 'test:setup' });
}
