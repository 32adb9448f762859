import fs from 'node:fs';
import type { CommandOutcome } from './app/admin/admin-socket.js';
import type { Config } from './app/config/config.js';
import { openDatabase, type DatabaseHandle } from './app/database/database.js';
import type { EventBus } from './app/events/events.js';
import { readTemplateNotes } from './app/database/template.js';
import { migrateDatabase } from './app/database/migrate.js';
import { createServer, type App } from './app/server.js';
import { loadReferenceBundle, formatReferenceLoad } from './app/reference/load.js';
import { referenceDir } from './app/reference/reference.js';
import { modules, referenceParts } from './app/modules.js';
import { isRegistryEmpty } from './modules/supporters/supporters.queries.js';

/** config → database → migrate → (first start: the official checkout if there is one, then the reference bundle) → listen. */
/** Runs a command line for the terminal, in this process (cli-program.ts's runEmbeddedCommand). */
export type CommandRunner = (argv: string[], cwd: string, context: { config: Config; database: DatabaseHandle; events: EventBus }) => Promise<CommandOutcome>;

export async function startServer(config: Config, opening?: Promise<DatabaseHandle>, options: { runCommand?: CommandRunner } = {}): Promise<App> {
  const database = await (opening ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fromTemplate: true }));
  await migrateDatabase(database);
  const app = await createServer({ config, database });
  await loadFirstStartData(app, database, config);
  stopOnSignals(app, database);
  // The embedded database has one owner: the command line's everyday commands reach it through this server.
  const runCommand = options.runCommand;
  if (!config.databaseUrl && runCommand) {
    const { listenAdminSocket } = await import('./app/admin/admin-socket.js');
    const close = await listenAdminSocket({
      dataDir: config.dataDir,
      log: app.log,
      run: (argv, cwd) => runCommand(argv, cwd, { config, database, events: app.context.events }),
    });
    app.addHook('onClose', close);
  }
  // The web fronts share the listening socket, so they start after it; they stop first (before the server closes).
  let stopFronts = async () => {};
  app.addHook('preClose', () => stopFronts());
  await app.listen({ port: config.port, host: config.host });
  if (config.webFronts > 0) stopFronts = await forkWebFronts(app, config);
  // Links in e-mails, the embed snippet and the API's server list all use it: say which one, and where it came from.
  app.log.info(`Public URL ${config.publicUrl} (from ${config.publicUrlSource}); links in e-mails point there`);
  // app.close() (above, on shutdown) stops the worker and waits for its jobs before the database closes.
  if (config.jobs) await startJobWorker(app);
  return app;
}

/**
 * An empty registry is filled from IMPORT_ON_EMPTY when that official checkout is there (it may be newer than the
 * bundle), then every module whose tables are still empty loads its part of the reference bundle. A bundle file that
 * does not parse stops the start (nothing written); a missing IMPORT_ON_EMPTY directory is said, not silently skipped.
 */
async function loadFirstStartData(app: App, database: DatabaseHandle, config: Config): Promise<void> {
  // A new embedded database copied from the build's template already holds the bundle: its first start is said so, and
  // a newer official checkout is still imported over it (the import keeps nothing the platform changed: there is none).
  const template = database.seededFromTemplate ? readTemplateNotes() : null;
  if (template?.summary) app.log.info(template.summary);
  if (config.importOnEmpty && (database.seededFromTemplate || (await isRegistryEmpty({ db: database.db })))) {
    if (fs.existsSync(config.importOnEmpty)) {
      app.log.info(`Empty registry: importing the official checkout ${config.importOnEmpty} (IMPORT_ON_EMPTY)`);
      const { formatImportReport, importSite } = await import('./site-import.js'); // the official files' readers
      const report = await importSite(database, { source: config.importOnEmpty, actor: 'system:first-start', skipInvalid: true, events: app.context.events });
      app.log.info(formatImportReport(report));
    } else {
      app.log.warn(`IMPORT_ON_EMPTY: ${config.importOnEmpty} not found; the registry comes from the reference bundle shipped with the platform (reference/README.md)`);
    }
  }
  const report = await loadReferenceBundle({ db: database.db, parts: referenceParts(), bundleDir: referenceDir });
  if (Object.keys(report.loaded).length) {
    app.log.info(formatReferenceLoad(report));
    app.context.events.emit('registry.changed', { reason: 'import' });
  }
}

/** On SIGINT or SIGTERM: close the app (which stops the worker and waits for its jobs), then the database, then exit. */
function stopOnSignals(app: App, database: DatabaseHandle): void {
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Processes that answer cached pages on the same port beside this one (web-fronts.ts), stopped before the server closes. */
async function forkWebFronts(app: App, config: Config): Promise<() => Promise<void>> {
  const { startWebFronts } = await import('./app/http/web-fronts.js');
  return startWebFronts({
    count: config.webFronts,
    server: app.server,
    front: app.web.front,
    cache: app.context.cache,
    trustProxy: config.trustProxy,
    securityHeaders: app.web.securityHeaders,
    log: app.log,
  });
}

/** Lets each module start its recurring jobs (idempotent), then starts the worker. */
async function startJobWorker(app: App): Promise<void> {
  for (const module of modules) await module.onWorkerStart?.(app.context);
  app.context.jobs.worker.start();
}

/**
 * The outbox worker without the web server, for deployments that serve with `JOBS=false` and run jobs in their own
 * process (PostgreSQL only in practice: the embedded database admits one process). config → database → migrate → run
 * due jobs until stopped.
 */
export async function startWorker(config: Config, options: { signals?: boolean } = {}): Promise<{ app: App; stop: () => Promise<void> }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const app = await createServer({ config, database });
  await app.ready();
  if (options.signals !== false) stopOnSignals(app, database);
  await startJobWorker(app);
  app.log.info('Outbox worker started');
  return {
    app,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
