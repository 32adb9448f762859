/**
 * `pariscall`: serve, migrate, import, export, accounts, the index. Each command validates the configuration first and
 * says clearly what is wrong with it. On the embedded database, while a server holds it, the secretariat's everyday
 * commands are run by that server (through its admin socket) instead of being refused.
 */
import path from 'node:path';
import { loadConfig } from './app/config/config.js';
import { openDatabase } from './app/database/database.js';
import { migrateDatabase } from './app/database/migrate.js';
import { EventBus } from './app/events/events.js';
import { buildProgram, describeCliError, isForwardable, type CliIo } from './cli-program.js';

/**
 * A change a command publishes (a toolkit import, a crosswalk edit…) reaches the servers on the same PostgreSQL
 * database as NOTIFY registry_changed, which empties their response caches; only some tables notify by trigger. On the
 * embedded database a running server runs such commands itself (with its own event bus), so there is nobody to tell.
 */
const events = new EventBus();
events.on('registry.changed', 'cli.notify-servers', () => {
  const cfg = loadConfig();
  if (!cfg.databaseUrl) return;
  void (async () => {
    const database = await openDatabase({ databaseUrl: cfg.databaseUrl });
    try {
      await database.notify('registry_changed');
    } finally {
      await database.close();
    }
  })().catch((error: unknown) => console.error(`Could not tell the running servers to refresh their pages: ${describeCliError(error)}`));
});

const terminal: CliIo = {
  config: () => loadConfig(),
  async withDatabase(run) {
    const cfg = loadConfig();
    const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    try {
      await migrateDatabase(database);
      return await run(database);
    } finally {
      await database.close();
    }
  },
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  write: (text) => void process.stdout.write(text),
  fail: () => void (process.exitCode = 1),
  resolve: (file) => path.resolve(file),
  events,
};

const argv = process.argv.slice(2);
run().catch((error: unknown) => {
  console.error(describeCliError(error));
  process.exitCode = 1;
});

async function run(): Promise<void> {
  if (await forwardedToServer()) return;
  await buildProgram(terminal).parseAsync(process.argv);
}

/**
 * On the embedded database held by a running server, an everyday command goes to that server; true if it did. A
 * server that does not answer (killed) leaves the command to run here, which then takes over its stale lock.
 */
async function forwardedToServer(): Promise<boolean> {
  if (!isForwardable(argv)) return false;
  let cfg;
  try {
    cfg = loadConfig();
  } catch {
    return false; // the command itself reports the configuration problem
  }
  if (cfg.databaseUrl) return false;
  const { forwardCommand, serverTakesCommands } = await import('./app/admin/admin-client.js');
  if (!serverTakesCommands(cfg.dataDir)) return false;
  let outcome;
  try {
    outcome = await forwardCommand(cfg.dataDir, argv, process.cwd());
  } catch {
    return false;
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  console.error(`(run by the server that holds the embedded database in ${cfg.dataDir})`);
  process.exitCode = outcome.code;
  return true;
}
