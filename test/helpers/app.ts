import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/app/config/config.js';
import type { DatabaseHandle } from '../../src/app/database/database.js';
import { createTestDatabase } from '../../src/app/database/test-utils.js';
import { createServer, type App } from '../../src/app/server.js';
import { importSite } from '../../src/site-import.js';
import { freePort } from './net.js';
import { sharedPaths } from './shared-data.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureSite = path.join(repoRoot, 'test/fixtures/official-site');
export const invalidSite = path.join(repoRoot, 'test/fixtures/invalid-site');
/** The real official snapshot, present beside the repository on the project's machines (never copied in). */
export const realSite = sharedPaths.officialSite;

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** A complete application on a fresh test database, optionally loaded from a site directory. */
export async function createTestApp(options: { site?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  // A private data directory, so mail written as .eml files (no SMTP_URL) never lands in the repository.
  const dataDir = options.config?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-test-'));
  // The outbox worker is not started: tests run due jobs with `app.context.jobs.worker.drain()`.
  const config = loadConfig({}, { importOnEmpty: '', logLevel: 'silent', ...options.config, dataDir });
  const database = await createTestDatabase();
  const app = await createServer({ config, database, logger: false });
  if (options.site) {
    // Fixture sites carry their own first-seen dates; the real snapshot's sit beside it (the importer's default).
    const firstSeen = path.join(options.site, 'first-seen.csv');
    await importSite(database, {
      source: options.site,
      actor: 'test',
      events: app.context.events,
      ...(fs.existsSync(firstSeen) ? { firstSeenCsv: firstSeen } : {}),
    });
  }
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      if (!options.config?.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServedTestApp extends TestApp {
  /** Where the server listens and its public URL, such as `http://127.0.0.1:41234` (no trailing slash). */
  base: string;
}

/**
 * A complete application (as `createTestApp`) listening on 127.0.0.1 on a free port, for browser tests. Its public URL
 * is the address it listens on, so e-mail links and the passkey relying party point back to it. `hostname: 'localhost'`
 * when the browser must reach it by name (WebAuthn refuses an IP address as relying party). `close()` stops it too.
 */
export async function serveTestApp(
  options: { site?: string; config?: Partial<Config>; hostname?: 'localhost' | '127.0.0.1' } = {},
): Promise<ServedTestApp> {
  const port = await freePort();
  const base = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  const t = await createTestApp({ ...(options.site ? { site: options.site } : {}), config: { ...options.config, publicUrl: base } });
  try {
    await t.app.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await t.close();
    throw error;
  }
  return { ...t, base };
}
