/**
 * The digest bench's processes, apart from the web server:
 *
 *   seed N: migrates a new bench database (DATABASE_URL, or a PGlite DATA_DIR) and writes 6 working groups and N
 *           synthetic people (bench data only, never a real database): even-numbered ones are members of a group
 *           (its weekly digest by default), odd ones follow a group (weekly; one in five of them daily), one in seven
 *           also observes a second group.
 *   run N:  the worker as `pariscall worker` composes it (createServer on the database, the modules' job handlers),
 *           with an activity source of the bench's own (the real sources, news, documents, consultations and events,
 *           belong to other modules: 8 public and 3 members-only items per group in the week), runs the weekly digest
 *           job's handler for that week exactly as the worker would, and prints one JSON line: time, digests enqueued,
 *           e-mail jobs in the outbox, and the process's peak RSS.
 */
import { sql } from 'drizzle-orm';
import type { ActivityItem, ActivitySource } from '../src/app/activity.js';
import { loadConfig } from '../src/app/config/config.js';
import { openDatabase } from '../src/app/database/database.js';

const [mode, countArg] = process.argv.slice(2) as ['seed' | 'run', string];
const count = Number(countArg);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });
const since = new Date('2026-11-30T06:00:00Z');
const until = new Date('2026-12-07T06:00:00Z');

async function seed(): Promise<void> {
  const { migrateDatabase } = await import('../src/app/database/migrate.js');
  await migrateDatabase(database);
  const db = database.db;
  await db.execute(sql`insert into groups (id, number, slug, name, created_by)
    select 'grp_bench' || g, g, 'bench-wg-' || g, jsonb_build_object('en', 'Bench group ' || g, 'fr', 'Groupe de banc ' || g), 'bench'
    from generate_series(1, 6) g`);
  await db.execute(sql`insert into users (id, email, locale)
    select 'usr_bench' || lpad(i::text, 6, '0'), 'reader' || i || '@bench.example', case when i % 3 = 0 then 'fr' else 'en' end
    from generate_series(1, ${count}) i`);
  await db.execute(sql`insert into role_grants (id, user_id, role, scope_kind, scope_id, granted_by)
    select 'grt_bench_m' || i, 'usr_bench' || lpad(i::text, 6, '0'), 'member', 'group', 'grp_bench' || (i % 6 + 1), 'bench'
    from generate_series(2, ${count}, 2) i`);
  await db.execute(sql`insert into role_grants (id, user_id, role, scope_kind, scope_id, granted_by)
    select 'grt_bench_o' || i, 'usr_bench' || lpad(i::text, 6, '0'), 'observer', 'group', 'grp_bench' || ((i + 1) % 6 + 1), 'bench'
    from generate_series(7, ${count}, 7) i`);
  await db.execute(sql`insert into notification_subscriptions (id, user_id, group_id, frequency)
    select 'nsb_bench' || i, 'usr_bench' || lpad(i::text, 6, '0'), 'grp_bench' || (i % 6 + 1), case when i % 10 = 1 then 'daily' else 'weekly' end
    from generate_series(1, ${count}, 2) i`);
  console.log(JSON.stringify({ seeded: count }));
}

/** The week's activity of the six bench groups: what the real sources would list. */
function benchActivity(): ActivitySource {
  const items: ActivityItem[] = [];
  for (let g = 1; g <= 6; g++) {
    for (let n = 0; n < 11; n++) {
      items.push({
        key: `bench:grp_bench${g}:${n}`,
        groupId: `grp_bench${g}`,
        kind: ['news', 'document', 'consultation', 'event'][n % 4]!,
        at: new Date(since.getTime() + (n + 1) * 3_600_000 * 12),
        title: { en: `Bench item ${n} of group ${g}`, fr: `Élément ${n} du groupe ${g}` },
        summary: { en: 'A synthetic item written by the bench.' },
        path: `/groups/bench-wg-${g}/news/${n}`,
        visibility: n < 8 ? 'public' : 'members',
      });
    }
  }
  return {
    name: 'bench',
    list: async (_db, query) => items.filter((item) => item.at >= query.since && item.at < query.until && (!query.groupIds || query.groupIds.includes(item.groupId)) && (query.visibility === 'members' || item.visibility === 'public')),
  };
}

async function run(): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  const { createServer } = await import('../src/app/server.js');
  const { notificationsJobHandlers } = await import('../src/modules/notifications/notifications.schedule.js');
  const { digestsJob } = await import('../src/modules/notifications/notifications.jobs.js');
  const config = loadConfig();
  const app = await createServer({ config, database, logger: false });
  await app.ready();
  (app.context.activity as ActivitySource[]).push(benchActivity());
  const loadedRssMb = process.memoryUsage().rss / 1048576;
  const handler = notificationsJobHandlers(app.context)[`${digestsJob.name}@v${digestsJob.version}`]!;
  const accepted = handler.accept({ frequency: 'weekly', since: since.toISOString(), until: until.toISOString() });
  if ('invalid' in accepted) throw new Error(accepted.invalid);
  const started = performance.now();
  await accepted.run({ id: 'job_bench', attempt: 1 });
  const ms = performance.now() - started;
  const counted = await database.db.execute(sql`select
    (select count(*)::int from jobs where type = 'email.send' and payload->>'tag' = 'notifications.digest') as emails,
    (select count(*)::int from notification_deliveries where kind = 'digest') as deliveries`);
  const { emails, deliveries } = (counted as unknown as { rows: Array<{ emails: number; deliveries: number }> }).rows[0]!;
  // A second run of the same period: what a retried or duplicated job adds (nothing).
  const again = performance.now();
  await accepted.run({ id: 'job_bench', attempt: 2 });
  const rerunMs = performance.now() - again;
  const recount = await database.db.execute(sql`select count(*)::int as emails from jobs where type = 'email.send'`);
  const emailsAfterRerun = (recount as unknown as { rows: Array<{ emails: number }> }).rows[0]!.emails;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rerunMs, emails, deliveries, emailsAfterRerun, baselineRssMb, loadedRssMb, maxRssMb }));
  await app.close();
}

if (mode === 'seed') await seed();
else await run();
await database.close();
