import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/app/config/config.js';
import type { DatabaseHandle } from '../../src/app/database/database.js';
import { createTestDatabase } from '../../src/app/database/test-utils.js';
import { createServer, type App } from '../../src/app/server.js';
import { importSite } from '../../src/app/site-import.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureSite = path.join(repoRoot, 'test/fixtures/official-site');
export const invalidSite = path.join(repoRoot, 'test/fixtures/invalid-site');
/** The real official snapshot, present beside the repository on the project's machines (never copied in). */
export const realSite = path.resolve(repoRoot, '../shared/data/pariscall.international');

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
