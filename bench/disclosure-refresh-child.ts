/**
 * The disclosure bench's processes, apart from the file server:
 *
 *   seed N: migrates a new bench database (DATABASE_URL, or a PGlite DATA_DIR) and writes N synthetic published
 *           supporters and their registry entries (bench data only), each entry's security.txt URL on the bench's
 *           local file server (BENCH_FILES, on 127.0.0.1).
 *   run:    the worker: runs the daily refresh as the worker would: the
 * `disclosure.refresh-all` job enqueues one `disclosure.refresh` job per entry in the outbox, and an outbox worker
 * (every module's handlers loaded, as `pariscall worker` composes them; the registry's handlers allowed to reach
 * 127.0.0.1) drains them. Prints one JSON line: time, entries by status, jobs run, peak RSS.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/app/config/config.js';
import { openDatabase } from '../src/app/database/database.js';

const [mode, countArg] = process.argv.slice(2) as ['seed' | 'run', string];
const count = Number(countArg);
const files = process.env.BENCH_FILES ?? '';
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });
const db = database.db;

async function seed(): Promise<void> {
  const { migrateDatabase } = await import('../src/app/database/migrate.js');
  await migrateDatabase(database);
  await db.execute(sql`insert into supporters (id, slug, name, category, country_code, search_text, sort_name, status)
    select 'sup_bench' || lpad(i::text, 5, '0'), 'bench-supporter-' || i, 'Bench supporter ' || i,
      (array['state', 'public-authority', 'private-sector', 'civil-society'])[i % 4 + 1], (array['FRA', 'DEU', 'USA', 'JPN', 'BRA'])[i % 5 + 1],
      'bench supporter ' || i, 'bench supporter ' || lpad(i::text, 5, '0'), 'published'
    from generate_series(1, ${count}) i`);
  await db.execute(sql`insert into disclosure_policies (id, supporter_id, supporter_slug, supporter_name, sort_name, country_code, category, supporter_status, security_txt_url, updated_by)
    select 'dsc_bench' || lpad(i::text, 5, '0'), 'sup_bench' || lpad(i::text, 5, '0'), 'bench-supporter-' || i, 'Bench supporter ' || i,
      'bench supporter ' || lpad(i::text, 5, '0'), (array['FRA', 'DEU', 'USA', 'JPN', 'BRA'])[i % 5 + 1],
      (array['state', 'public-authority', 'private-sector', 'civil-society'])[i % 4 + 1], 'published',
      ${files} || '/sites/' || i || '/.well-known/security.txt', 'bench'
    from generate_series(1, ${count}) i`);
  console.log(JSON.stringify({ seeded: count }));
}

async function run(): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  const { createServer } = await import('../src/app/server.js');
  const { createJobWorker } = await import('../src/app/jobs/worker.js');
  const { modules } = await import('../src/app/modules.js');
  const { disclosureJobHandlers } = await import('../src/modules/disclosure/disclosure.module.js');
  const { refreshAllJob } = await import('../src/modules/disclosure/disclosure.jobs.js');
  const { enqueueJob } = await import('../src/app/jobs/outbox.js');
  const app = await createServer({ config: loadConfig(), database, logger: false });
  await app.ready();
  const handlers = Object.assign({}, ...modules.map((m) => m.jobHandlers?.(app.context) ?? {}), disclosureJobHandlers(db, { allowPrivate: true }));
  const quiet = { info() {}, warn() {}, error() {} };
  const worker = createJobWorker({ database, handlers, log: quiet, concurrency: 8 });
  const loadedRssMb = process.memoryUsage().rss / 1048576;

  const started = performance.now();
  await enqueueJob(db, refreshAllJob, { at: new Date().toISOString() });
  let ran = 0;
  for (let n = await worker.drain(); n > 0; n = await worker.drain()) ran += n;
  const ms = performance.now() - started;
  const counted = await db.execute(sql`select fetch_status as status, count(*)::int as n from disclosure_policies group by fetch_status order by 1`);
  const statuses = Object.fromEntries((counted as unknown as { rows: Array<{ status: string; n: number }> }).rows.map((r) => [r.status, r.n]));
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, ran, statuses, baselineRssMb, loadedRssMb, maxRssMb }));
  await app.close();
}

if (mode === 'seed') await seed();
else await run();
await database.close();
