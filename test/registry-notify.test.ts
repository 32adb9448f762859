import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config/config.js';
import { openDatabase, type DatabaseHandle } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { createScratchDatabase } from '../src/app/database/test-utils.js';
import { createServer, type App } from '../src/app/server.js';

const adminUrl = process.env.TEST_DATABASE_URL;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Several web processes on one PostgreSQL database (the scale-out deployment): a change published in one (a practice,
 * an event: anything that empties the response cache) must empty the others' caches too, not only the registry's
 * own tables, whose triggers NOTIFY.
 */
describe.skipIf(!adminUrl)('a change published by one web process', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  const handles: DatabaseHandle[] = [];
  const apps: App[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-notify-'));
  beforeAll(async () => {
    scratch = await createScratchDatabase(adminUrl!, 'notify');
    for (let i = 0; i < 2; i += 1) {
      const database = await openDatabase({ databaseUrl: scratch.url });
      if (i === 0) await migrateDatabase(database);
      handles.push(database);
      const config = loadConfig({}, { importOnEmpty: '', logLevel: 'silent', dataDir, databaseUrl: scratch.url });
      apps.push(await createServer({ config, database, logger: false }));
    }
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const handle of handles) await handle.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("empties the other processes' response caches, and its own only once more (its notification coming back)", async () => {
    const [a, b] = apps as [App, App];
    const before = { a: a.context.cache.currentVersion, b: b.context.cache.currentVersion };
    a.context.events.emit('registry.changed', { reason: 'practices.publish' });
    await until(() => b.context.cache.currentVersion > before.b);
    await until(() => a.context.cache.currentVersion === before.a + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.context.cache.currentVersion).toBe(before.a + 2);
    expect(b.context.cache.currentVersion).toBe(before.b + 1);
  });
});
