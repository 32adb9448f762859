/**
 * The commands of `pariscall`, built around an `io`: the command line gives its own (each command opens the configured
 * database, prints to the terminal), a server on the embedded database lends its database and captures the output
 * when a command reaches it through the admin socket (see cli.ts and app/admin/admin-socket.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { CommandOutcome } from './app/admin/admin-socket.js';
import { z } from 'zod';
import { ConfigError, type Config } from './app/config/config.js';
import { describeDatabaseError } from './app/database/database-errors.js';
import { AppError } from './app/http/errors.js';
import { openDatabase, type DatabaseHandle } from './app/database/database.js';
import type { EventBus } from './app/events/events.js';

export interface CliIo {
  config(): Config;
  /** Opens the configured database for the command (migrated, closed after), or lends the running server's. */
  withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T>;
  out(line: string): void;
  err(line: string): void;
  write(text: string): void;
  /** Sets the exit code to 1 without throwing (a report was printed). */
  fail(): void;
  /** A path given on the command line, against the directory the command was typed in. */
  resolve(file: string): string;
  /** The running server's event bus, so its caches follow an import at once. */
  events?: EventBus;
  /** Inside the server: commander's own messages are captured and its exits thrown, never `process.exit`. */
  embedded?: { writeOut(text: string): void; writeErr(text: string): void };
}

/** The commands a running server runs for the command line on the embedded database: the secretariat's everyday ones. */
export const forwardableCommands = ['user create', 'user list', 'user disable', 'import', 'index publish', 'export', 'toolkit import'];

/** Whether `argv` (without `node pariscall`) starts with a command the server takes. */
export function isForwardable(argv: string[]): boolean {
  const words = argv.filter((a) => !a.startsWith('-'));
  return forwardableCommands.some((command) => command.split(' ').every((word, i) => words[i] === word));
}

// Each command loads what it needs (dynamic imports): `serve` starts without the importers, the CSV writer or the
// account functions, and a start's time is mostly module loading.

const actor = `cli:${os.userInfo().username}`;

export function buildProgram(io: CliIo): Command {
  const program = new Command('pariscall').description('The Paris Call Platform');
  // Set before the subcommands are declared, which inherit it.
  if (io.embedded) program.exitOverride().configureOutput(io.embedded);

  program
    .command('serve')
    .description('serve the platform (migrates the database first)')
    .action(async () => {
      const cfg = io.config();
      // The embedded database compiles its WebAssembly in the background while the web server's modules load (loaded
      // here so the other commands do not pay for them): both are most of a start's time.
      const opening = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, fromTemplate: true });
      opening.catch(() => {}); // awaited (and reported) by startServer
      const { startServer } = await import('./main.js');
      // On the embedded database, the server runs the command line's everyday commands for it (runEmbeddedCommand).
      await startServer(cfg, opening, { runCommand: runEmbeddedCommand });
    });

  program
    .command('worker')
    .description('run the outbox worker (e-mails, checks) without serving, for servers started with JOBS=false; use with DATABASE_URL')
    .action(async () => {
      const { startWorker } = await import('./main.js');
      await startWorker(io.config());
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      await io.withDatabase(async () => io.out('Database is up to date.'));
    });

  program
    .command('import')
    .description('import supporters, the Call texts, the WG6 toolkit and the existing practices (case studies; the G7 synthesis from the seeds) from a directory in the official repository layout, or supporters from the official CSV')
    .argument('<source>', 'directory (e.g. ../shared/data/pariscall.international) or .csv file')
    .option('--first-seen <csv>', 'file,first_seen CSV of first appearance dates (default: pariscall-registry-first-seen.csv beside the directory)')
    .option('--skip-invalid', 'import the valid records even if some are invalid')
    .option('--dry-run', 'report what would change without writing')
    .option('--reports-text <dir>', 'folder of the reports\' texts, for the WG6 toolkit (default: reports-text/ beside the directory)')
    .option('--seeds <dir>', 'folder of the seed documents, for the G7 synthesis of 2019 (default: seeds/ two levels above the directory)')
    .option('--json', 'print the report as JSON')
    .action(async (source: string, options: { firstSeen?: string; skipInvalid?: boolean; dryRun?: boolean; reportsText?: string; seeds?: string; json?: boolean }) => {
      source = io.resolve(source);
      if (!fs.existsSync(source)) throw new InvalidArgumentError(`${source} does not exist`);
      const { formatImportReport, importSite } = await import('./site-import.js');
      const report = await io.withDatabase((database) =>
        importSite(database, { source, firstSeenCsv: options.firstSeen && io.resolve(options.firstSeen), reportsText: options.reportsText && io.resolve(options.reportsText), seeds: options.seeds && io.resolve(options.seeds), skipInvalid: options.skipInvalid, dryRun: options.dryRun, actor, events: io.events }),
      );
      io.out(options.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
    });

  program
    .command('export')
    .description('write the registry as the official CSV')
    .argument('[format]', 'csv', 'csv')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (format: string, options: { out?: string }) => {
      if (format !== 'csv') throw new InvalidArgumentError('only csv is supported');
      const { exportSupportersCsv } = await import('./modules/supporters/supporters.queries.js');
      const { supporterFiltersSchema } = await import('./modules/supporters/supporters.schemas.js');
      const csv = await io.withDatabase((database) => exportSupportersCsv({ db: database.db, filters: supporterFiltersSchema.parse({}) }));
      if (options.out) fs.writeFileSync(io.resolve(options.out), csv);
      else io.write(csv);
    });

  // ——— ICT supply-chain security toolkit (working group 6). ———
  const toolkitCommand = program.command('toolkit').description('the ICT supply-chain security toolkit of working group 6');

  toolkitCommand
    .command('import')
    .description('import the WG6 workbook and the report\'s text as the published layer "WG6 2021 as published" (idempotent; another file is refused)')
    .argument('<xlsx>', 'the WG6 workbook (Paris-Call-WG6-Supply-chain-security-mapping-version-2021-11-10.xlsx)')
    .option('--report <txt>', 'the report\'s text (default: reports-text/ beside the official site checkout the workbook is in)')
    .option('--json', 'print the report as JSON')
    .action(async (xlsx: string, options: { report?: string; json?: boolean }) => {
      xlsx = io.resolve(xlsx);
      if (!fs.existsSync(xlsx)) throw new InvalidArgumentError(`${xlsx} does not exist`);
      const { defaultReportPath, readWg6Files } = await import('./modules/toolkit/io/toolkit.source.js');
      const report = options.report ? io.resolve(options.report) : defaultReportPath(xlsx);
      if (!fs.existsSync(report)) throw new InvalidArgumentError(`the report's text ${report} does not exist (give it with --report)`);
      const { asImportError, importPublishedDataset } = await import('./modules/toolkit/toolkit.import.js');
      const { formatToolkitImportReport } = await import('./modules/toolkit/toolkit.import-report.js');
      const dataset = await readWg6Files(xlsx, report).catch((error: unknown) => {
        throw asImportError(error);
      });
      const outcome = await io.withDatabase((database) => importPublishedDataset({ db: database.db, dataset, actor: { kind: 'system', ref: actor } }));
      // The response cache holds the toolkit's pages too: the registry's change event is the one that empties it.
      if (outcome.written) io.events?.emit('registry.changed', { reason: 'toolkit-import' });
      io.out(options.json ? JSON.stringify(outcome, null, 2) : formatToolkitImportReport(outcome));
    });

  // ——— Reference bundle: the Call's real data shipped in reference/, derived from ../shared by the importers. ———
  const referenceCommand = program.command('reference').description('the reference bundle shipped in reference/ (the Call\'s real data)');

  referenceCommand
    .command('build')
    .description('rebuild reference/ from the shared reference folder with the platform\'s importers (deterministic: same input, same bytes)')
    .option('--shared <dir>', 'the shared reference folder', '../shared')
    .option('--out <dir>', 'the bundle directory (default: reference/ of this checkout)')
    .option('--check', 'write nothing; exit 1 if the bundle differs from what the build gives')
    .action(async (options: { shared: string; out?: string; check?: boolean }) => {
      if (!fs.existsSync(options.shared)) throw new InvalidArgumentError(`${options.shared} does not exist`);
      const { buildReferenceFiles, writeReferenceFiles } = await import('./app/reference/build.js');
      const { referenceDir } = await import('./app/reference/reference.js');
      const { referenceParts } = await import('./app/modules.js');
      const outDir = options.out ?? referenceDir;
      const files = await buildReferenceFiles({ parts: referenceParts(), sharedDir: options.shared });
      if (options.check) {
        const stale = Object.entries(files).filter(([file, content]) => {
          const current = fs.existsSync(`${outDir}/${file}`) ? fs.readFileSync(`${outDir}/${file}`, 'utf8') : null;
          return current !== content;
        });
        for (const [file] of stale) io.out(`differs: ${file}`);
        io.out(stale.length ? `${stale.length} file(s) differ from the build` : 'The bundle matches the build.');
        if (stale.length) io.fail();
        return;
      }
      const result = await writeReferenceFiles(outDir, files);
      const bytes = Object.values(files).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
      for (const file of result.written) io.out(`wrote    ${file}`);
      for (const file of result.removed) io.out(`removed  ${file}`);
      io.out(`${Object.keys(files).length} files (${(bytes / 1024).toFixed(0)} KiB), ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed.`);
    });

  // ——— Accounts: the first administrator is created here; later ones by administrators in the back office. ———
  const user = program.command('user').description('manage secretariat accounts');

  user
    .command('create')
    .description('create a moderator or administrator (or give an existing account that role)')
    .argument('<email>', 'e-mail address; they sign in with a link sent there, then enrol a passkey')
    .option('--admin', 'administrator: moderates and manages accounts')
    .option('--moderator', 'moderator: reviews applications')
    .option('--name <name>', 'display name')
    .option('--locale <locale>', 'language of their e-mails: en or fr', 'en')
    .action(async (email: string, options: { admin?: boolean; moderator?: boolean; name?: string; locale: string }) => {
      if (Boolean(options.admin) === Boolean(options.moderator)) throw new InvalidArgumentError('give exactly one of --admin or --moderator');
      if (!z.email().safeParse(email.trim().toLowerCase()).success) throw new InvalidArgumentError(`${email} is not a valid e-mail address`);
      if (options.locale !== 'en' && options.locale !== 'fr') throw new InvalidArgumentError('--locale must be en or fr');
      const role = options.admin ? 'admin' : 'moderator';
      const locale = options.locale;
      const { ensureSecretariatUser } = await import('./app/auth/users.js');
      const { operatorSignInLink } = await import('./modules/accounts/accounts.usecases.js');
      const cfg = io.config();
      const { result, link } = await io.withDatabase(async (database) => {
        const result = await database.db.transaction((tx) => ensureSecretariatUser(tx, { email, role, name: options.name ?? null, locale, actor }));
        const link = await operatorSignInLink({ db: database.db, config: cfg }, { userId: result.user.id, email: result.user.email!, locale, operator: actor });
        return { result, link };
      });
      io.out(`${result.created ? 'Created' : 'Updated'} ${role} ${result.user.email} (${result.user.id}).`);
      // The next step, so the first administrator is not left guessing where the sign-in e-mail went.
      const mail = cfg.smtpUrl ? 'sent through the mail relay in SMTP_URL' : `written as .eml files to ${path.join(cfg.dataDir, 'outbox')} (SMTP_URL is not set)`;
      io.out(`Next: open this sign-in link within 20 minutes (it works once):\n  ${link}`);
      io.out(`Later: sign in at ${cfg.publicUrl}/${locale}/sign-in; the link is e-mailed to ${result.user.email} (${mail}).`);
      io.out('The back office then asks for a second factor: a passkey, or an authenticator app with recovery codes.');
    });

  user
    .command('list')
    .description('list accounts (erased ones are left out)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const { listUsers } = await import('./app/auth/users.js');
      const rows = await io.withDatabase((database) => listUsers(database.db));
      const shown = rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, status: u.status, lastSignInAt: u.lastSignInAt?.toISOString() ?? null }));
      if (options.json) return io.out(JSON.stringify(shown, null, 2));
      for (const u of shown) io.out([u.email, u.role, u.status, u.lastSignInAt ?? 'never signed in'].join('\t'));
      if (shown.length === 0) io.out('No accounts.');
    });

  user
    .command('disable')
    .description('disable an account and sign it out everywhere')
    .argument('<email>')
    .option('--reason <text>', 'recorded in the audit log')
    .action(async (email: string, options: { reason?: string }) => {
      const { getUserByEmail, setUserStatus } = await import('./app/auth/users.js');
      await io.withDatabase(async (database) => {
        const found = await getUserByEmail(database.db, email);
        if (!found) throw new InvalidArgumentError(`no account for ${email}`);
        await database.db.transaction((tx) => setUserStatus(tx, { userId: found.id, status: 'disabled', actor, reason: options.reason }));
      });
      io.out(`Disabled ${email.trim().toLowerCase()}.`);
    });

  // ——— Cyberstability Index: the composite-indicator engine on an analyst's COINr files. ———
  const indexCommand = program.command('index').description('composite indices in the JRC COINr convention (iData/iMeta)');

  indexCommand
    .command('run')
    .description('run the pipeline on iData/iMeta and write every aggregate\'s scores and ranks per unit (and time)')
    .requiredOption('--data <file>', 'iData as .csv, or an .xlsx workbook with iData (and iMeta) sheets')
    .option('--meta <file>', 'iMeta as .csv or .xlsx (default: the iMeta sheet of the --data workbook)')
    .option('--config <file>', 'pipeline.json (default: COINr defaults: denominate, treat, min-max 0–100, arithmetic mean)')
    .requiredOption('--out <file>', 'results as .csv, .xlsx or .json (.json adds the configuration as run and each step\'s record)')
    .action(async (options: { data: string; meta?: string; config?: string; out: string }) => {
      const { runIndexFiles } = await import('./modules/index/io/index.run.js');
      const outcome = await runIndexFiles(options);
      if (!outcome.ok) {
        io.err(outcome.report);
        io.fail();
        return;
      }
      io.out(`Wrote scores and ranks of ${outcome.aggregates} aggregate(s) for ${outcome.units} unit row(s) to ${outcome.out}.`);
    });

  indexCommand
    .command('pilot')
    .description('build the pilot edition\'s iData/iMeta from the open data (EuRepoC, #KeepItOn, ITU GCI, World Bank) with its coverage report')
    .option('--sources <dir>', 'folder of the open data', '../shared/data/index')
    .requiredOption('--out-dir <dir>', 'writes iData.csv, iMeta.csv, pipeline.json and coverage.json there')
    .action(async (options: { sources: string; outDir: string }) => {
      const { writePilotEdition } = await import('./modules/index/sources/index.pilot-files.js');
      const summary = await writePilotEdition({ sourcesDir: options.sources, outDir: options.outDir });
      io.out(summary);
    });

  indexCommand
    .command('publish')
    .description('build and publish an index edition into the configured database (published editions never change)')
    .option('--pilot', 'the pilot edition from the open data (EuRepoC, #KeepItOn, ITU GCI, World Bank), labelled "Pilot"')
    .option('--sources <dir>', 'folder of the open data', '../shared/data/index')
    .option('--slug <slug>', 'public identifier of the edition', 'pilot')
    .option('--note-en <text>', 'why this edition differs from the previous one (English)')
    .option('--note-fr <text>', 'why this edition differs from the previous one (French)')
    .action(async (options: { pilot?: boolean; sources: string; slug: string; noteEn?: string; noteFr?: string }) => {
      if (!options.pilot) throw new InvalidArgumentError('only --pilot can be published from the command line for now');
      options.sources = io.resolve(options.sources);
      if (!fs.existsSync(options.sources)) throw new InvalidArgumentError(`${options.sources} does not exist`);
      const { preparePilotEdition, publishPilotEdition } = await import('./modules/index/index.pilot-usecases.js');
      const system = { kind: 'system', ref: actor } as const;
      // Built and computed before the database is opened: the peak is the larger of the two, not their sum.
      const prepared = await preparePilotEdition(system, { sourcesDir: options.sources, slug: options.slug });
      const { edition } = await io.withDatabase((database) =>
        publishPilotEdition({ db: database.db }, system, {
          sourcesDir: options.sources,
          slug: options.slug,
          changesNote: { en: options.noteEn, fr: options.noteFr },
          prepared,
        }),
      );
      const snapshot = edition.snapshot;
      io.out(`Published ${edition.slug} ("${edition.titleEn}"): ${snapshot?.units.length ?? 0} units × ${snapshot?.times.length ?? 0} time point(s), ${snapshot?.uncertainty.runs ?? 0} Monte Carlo runs.`);
      io.out(`Without data yet: ${snapshot?.coverage.withoutData.categories.length ?? 0} categories, ${snapshot?.coverage.withoutData.indicators.length ?? 0} indicators (listed on the edition).`);
    });
  return program;
}

/**
 * What went wrong, for a person: the configuration's problems, a localized refusal, or the database's cause and what
 * to check (drizzle's own message names only the query); DATABASE_URL's password is never printed.
 */
export function describeCliError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof AppError) return [`Error: ${error.localize('en')}`, ...error.issues.map((issue) => `  ${issue.field}: ${issue.message}`)].join('\n');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const message = describeDatabaseError(error, databaseUrl) ?? messageWithCauses(error);
  const inUse = /is in use by process/.test(message) ? `\nWhile the server runs, these commands go through it: pariscall ${forwardableCommands.join(', ')}.` : '';
  return withoutPassword(message, databaseUrl) + inUse;
}

/** The error's message, then its causes' (a query's failure wraps the driver's error). */
function messageWithCauses(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = [error.message];
  for (let cause = error.cause, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    lines.push(`  caused by: ${cause.message}`);
  }
  return lines.join('\n');
}

function withoutPassword(text: string, databaseUrl: string | undefined): string {
  let password = '';
  try {
    password = databaseUrl ? decodeURIComponent(new URL(databaseUrl).password) : '';
  } catch {
    return databaseUrl ? text.replaceAll(databaseUrl, '<DATABASE_URL>') : text;
  }
  return password ? text.replaceAll(password, '***').replaceAll(encodeURIComponent(password), '***') : text;
}

/**
 * Runs a command line that reached the server through its admin socket: the same commands as the terminal's, with the
 * server's database and event bus lent to them and their output captured. Only the everyday commands are taken; the
 * others (serve, migrate, reference build…) are refused with what to do.
 */
export async function runEmbeddedCommand(argv: string[], cwd: string, context: { config: Config; database: DatabaseHandle; events: EventBus }): Promise<CommandOutcome> {
  if (!isForwardable(argv)) {
    return {
      code: 2,
      stdout: '',
      stderr: `This command does not run through the running server. Stop the server first, or use PostgreSQL (DATABASE_URL). Commands it runs: pariscall ${forwardableCommands.join(', ')}.\n`,
    };
  }
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram({
    config: () => context.config,
    withDatabase: (run) => run(context.database),
    out: (line) => void (stdout += `${line}\n`),
    err: (line) => void (stderr += `${line}\n`),
    write: (text) => void (stdout += text),
    fail: () => void (code = 1),
    resolve: (file) => path.resolve(cwd, file),
    events: context.events,
    embedded: { writeOut: (text) => void (stdout += text), writeErr: (text) => void (stderr += text) },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code !== 'commander.invalidArgument') code = error.exitCode || (error.code === 'commander.helpDisplayed' ? 0 : 1);
    else {
      stderr += `${describeCliError(error)}\n`;
      code = 1;
    }
  }
  return { code, stdout, stderr };
}
