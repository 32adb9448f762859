import { eq } from 'drizzle-orm';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { disclosureModule } from './disclosure.module.js';
import { refreshAll } from './disclosure.refresh.js';
import { disclosurePolicies } from './disclosure.tables.js';
import { savePolicy } from './disclosure.usecases.js';
import { goodFile, localRefreshWorker, setUpDisclosure, startFileServer, type DisclosurePeople } from './disclosure.test-support.js';

let t: TestApp;
let people: DisclosurePeople;
let server: Awaited<ReturnType<typeof startFileServer>>;
const future = new Date(Date.now() + 90 * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpDisclosure(t);
  server = await startFileServer();
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const entryOf = async (supporterId: string) => (await t.database.db.select().from(disclosurePolicies).where(eq(disclosurePolicies.supporterId, supporterId)))[0]!;
const register = (url: string, keysText = '') =>
  savePolicy({ db: t.database.db, actor: { kind: 'user', userId: 'usr_x', email: 'x@example.org', name: null, role: 'moderator', locale: 'en', sessionId: 's', method: 'passkey', grants: [] }, supporterId: people.orgA.id, policy: { securityTxtUrl: url, policyUrls: [], keysText } });

describe('refreshing an entry through the outbox', () => {
  it('fetches and parses a good file: contacts, Expires, last fetched and last changed; a second run changes nothing', async () => {
    server.files.set('/good.txt', (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end(goodFile(future)));
    const saved = await register(`${server.base}/good.txt`);
    const worker = localRefreshWorker(t);
    expect(await worker.drain()).toBe(1);
    const entry = await entryOf(people.orgA.id);
    expect(entry).toMatchObject({ fetchStatus: 'ok', contentSource: 'fetched', fetchError: null });
    expect(entry.summary?.contact).toEqual(['mailto:security@org-a.example', 'https://org-a.example/report']);
    expect(entry.expiresAt?.toISOString()).toBe(future);
    const changedAt = entry.lastChangedAt;
    // The daily run: one refresh per entry; run twice for the same slot, it enqueues nothing new.
    const at = new Date();
    expect(await refreshAll({ db: t.database.db, at })).toBe(1);
    expect(await refreshAll({ db: t.database.db, at })).toBe(0);
    await worker.drain();
    const again = await entryOf(people.orgA.id);
    expect(again.lastChangedAt).toEqual(changedAt);
    expect(again.lastFetchedAt!.getTime()).toBeGreaterThanOrEqual(entry.lastFetchedAt!.getTime());
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, saved.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['disclosure.create', 'disclosure.refresh']);
    // The chain's next daily run is queued once.
    const chain = await t.database.db.select().from(jobs).where(eq(jobs.type, 'disclosure.refresh-all'));
    expect(chain).toHaveLength(1);
  });

  it('a file that does not parse keeps the last good content and records its problems with their lines', async () => {
    server.files.set('/bad.txt', (_q, r) => r.end('Contact: mailto:a@org-a.example\nExpires: 2030-01-01T00:00:00Z\nExpires: 2030-02-01T00:00:00Z\n'));
    await register(`${server.base}/bad.txt`);
    await localRefreshWorker(t).drain();
    const entry = await entryOf(people.orgA.id);
    expect(entry.fetchStatus).toBe('invalid');
    expect(entry.problems).toContainEqual(expect.objectContaining({ line: 3, code: 'duplicate-expires' }));
    expect(entry.summary?.contact).toEqual(['mailto:security@org-a.example', 'https://org-a.example/report']);
  });

  it('an oversized file is refused (32 KB read at most), a redirect to another path is followed, a missing file is unreachable', async () => {
    server.files.set('/huge.txt', (_q, r) => {
      r.write(goodFile(future));
      r.end(`# ${'x'.repeat(64 * 1024)}\n`);
    });
    await register(`${server.base}/huge.txt`);
    await localRefreshWorker(t).drain();
    expect(await entryOf(people.orgA.id)).toMatchObject({ fetchStatus: 'invalid', fetchError: `larger than 32 KB at ${server.base}/huge.txt` });

    server.files.set('/moved.txt', (_q, r) => r.writeHead(301, { location: '/good.txt' }).end());
    await register(`${server.base}/moved.txt`);
    await localRefreshWorker(t).drain();
    expect(await entryOf(people.orgA.id)).toMatchObject({ fetchStatus: 'ok' });

    await register(`${server.base}/missing.txt`);
    await localRefreshWorker(t).drain();
    expect(await entryOf(people.orgA.id)).toMatchObject({ fetchStatus: 'unreachable', fetchError: `HTTP 404 at ${server.base}/missing.txt` });
  });

  it('the platform worker (no loopback allowed) refuses a private address: the entry is unreachable, nothing reached', async () => {
    let hits = 0;
    server.files.set('/private.txt', (_q, r) => {
      hits++;
      r.end(goodFile(future));
    });
    await register(`${server.base}/private.txt`);
    await t.app.context.jobs.worker.drain();
    expect(await entryOf(people.orgA.id)).toMatchObject({ fetchStatus: 'unreachable' });
    expect((await entryOf(people.orgA.id)).fetchError).toMatch(/only ports 80 and 443|private address/);
    expect(hits).toBe(0);
  });

  it('verifies a signed file with the entry’s key; without the right key it is marked failed', async () => {
    const { publicKey, privateKey } = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ name: 'Security', email: 'security@org-a.example' }], format: 'armored' });
    const signingKeys = await openpgp.readPrivateKey({ armoredKey: privateKey });
    const signed = await openpgp.sign({ message: await openpgp.createCleartextMessage({ text: goodFile(future) }), signingKeys });
    server.files.set('/signed.txt', (_q, r) => r.end(signed));
    await register(`${server.base}/signed.txt`, publicKey);
    await localRefreshWorker(t).drain();
    const entry = await entryOf(people.orgA.id);
    expect(entry.summary).toMatchObject({ signed: true, signature: 'verified' });
    expect(entry.contactKeys[0]?.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    const other = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ email: 'other@example.org' }], format: 'armored' });
    await register(`${server.base}/signed.txt`, other.publicKey);
    await localRefreshWorker(t).drain();
    expect((await entryOf(people.orgA.id)).summary).toMatchObject({ signed: true, signature: 'failed' });
  });

  it('every worker start enqueues the daily chain with the same key: a second start adds nothing', async () => {
    const chain = async () => (await t.database.db.select().from(jobs).where(eq(jobs.type, 'disclosure.refresh-all'))).length;
    await disclosureModule.onWorkerStart!(t.app.context);
    const after = await chain();
    await disclosureModule.onWorkerStart!(t.app.context);
    expect(await chain()).toBe(after);
    expect(after).toBeGreaterThanOrEqual(1);
  });
});
