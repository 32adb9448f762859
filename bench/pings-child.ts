/**
 * The ping bench's processes:
 *
 *   seed N: migrates a new bench database (DATABASE_URL, or a PGlite DATA_DIR) and writes N/4 synthetic organisations
 *           with 4 active contacts each (an e-mail channel, then a phone), bench data only.
 *   run N:  the worker as `pariscall worker` composes it (createServer, the modules' job handlers, the mailer writing
 *           .eml files under DATA_DIR/outbox), creates an exercise over every contact as the secretariat, drains the
 *           outbox (the `pings.start` job, then the N `email.send` jobs), acknowledges half of the pings through the
 *           use case, computes the exercise's statistics, and prints one JSON line: the times, the counts and the
 *           process's peak RSS.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/app/config/config.js';
import { openDatabase } from '../src/app/database/database.js';

const [mode, countArg] = process.argv.slice(2) as ['seed' | 'run', string];
const count = Number(countArg);
const organisations = Math.ceil(count / 4);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });

async function seed(): Promise<void> {
  const { migrateDatabase } = await import('../src/app/database/migrate.js');
  await migrateDatabase(database);
  const db = database.db;
  await db.execute(sql`insert into supporters (id, slug, name, search_text, sort_name)
    select 'sup_bench' || i, 'bench-org-' || i, 'Bench organisation ' || i, 'bench organisation ' || i, 'bench organisation ' || lpad(i::text, 6, '0')
    from generate_series(1, ${organisations}) i`);
  await db.execute(sql`insert into contacts (id, supporter_id, role, name, email, state, time_zone, languages, escalation_order, attested_at, nominated_by)
    select 'poc_bench' || i, 'sup_bench' || ((i - 1) / 4 + 1), (array['diplomatic', 'technical', 'policy', 'psirt'])[(i - 1) % 4 + 1], 'Bench contact ' || i,
      'contact' || i || '@bench.example', 'active', 'Europe/Paris', case when i % 3 = 0 then '{fr}'::text[] else '{en}'::text[] end, (i - 1) % 4, now(), 'bench'
    from generate_series(1, ${count}) i`);
  await db.execute(sql`insert into contact_channels (id, contact_id, kind, value, position)
    select 'pch_bench_e' || i, 'poc_bench' || i, 'email', 'contact' || i || '@bench.example', 0 from generate_series(1, ${count}) i
    union all
    select 'pch_bench_p' || i, 'poc_bench' || i, 'phone', '+33 1 00 00 ' || lpad(i::text, 4, '0'), 1 from generate_series(1, ${count}) i`);
  console.log(JSON.stringify({ seeded: count }));
}

async function run(): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  const { createServer } = await import('../src/app/server.js');
  const { createExercise } = await import('../src/modules/pings/pings.usecases.js');
  const { acknowledgeWithCode } = await import('../src/modules/pings/pings.acknowledge.js');
  const { exerciseView } = await import('../src/modules/pings/pings.queries.js');
  const { secretariatActor, contactActor } = await import('../src/modules/pings/pings.test-support.js');
  const { pings } = await import('../src/modules/pings/pings.tables.js');
  const config = loadConfig();
  const app = await createServer({ config, database, logger: false });
  await app.ready();
  const loadedRssMb = process.memoryUsage().rss / 1048576;
  const db = database.db;
  const actor = secretariatActor();

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const exercise = await createExercise({ db, actor, exercise: { supporterId: null, scopeSupporterIds: [], roles: [], channels: ['email', 'phone'], windowMinutes: 1440, startsAt: null, timeZone: 'Europe/Paris' } });
  const jobsRun = await app.context.jobs.worker.drain();
  const sentMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // The worker's own CPU time for the sending (on PGlite the database engine's too): what a quiet machine would take at least.
  const sentCpuMs = (cpu.user + cpu.system) / 1000;
  const sentRssMb = process.resourceUsage().maxRSS / 1024;
  const eml = readdirSync(path.join(config.dataDir, 'outbox')).filter((name) => name.endsWith('.eml')).length;

  // Half of the contacts answer (by their code, as typed back: the same use case as the link, one transaction each).
  const sent = await db.select({ code: pings.code, contactId: pings.contactId }).from(pings);
  const ackStarted = performance.now();
  for (const [i, ping] of sent.entries()) {
    if (i % 2 === 1) continue;
    const n = Number(ping.contactId.replace('poc_bench', ''));
    await acknowledgeWithCode({ db, actor: contactActor('usr_bench', `sup_bench${Math.floor((n - 1) / 4) + 1}`), code: ping.code });
  }
  const ackMs = performance.now() - ackStarted;

  const statsStarted = performance.now();
  const view = await exerciseView({ db, actor, exerciseId: exercise.id });
  const statsMs = performance.now() - statsStarted;
  const statsRssMb = process.resourceUsage().maxRSS / 1024;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      sentMs, sentCpuMs, sentRssMb, statsMs, statsRssMb, ackMs, totalMs: sentMs + statsMs, jobsRun, eml, pings: view.figures.sent, acknowledged: view.figures.acknowledged,
      medianSeconds: view.figures.medianSeconds, organisations: view.organisations.length, baselineRssMb, loadedRssMb, maxRssMb,
    }),
  );
  await app.close();
}

if (mode === 'seed') await seed();
else await run();
await database.close();
