/**
 * Goal 6 (issue 4): the join endpoint sustains 100 applications/s with 0 errors and no lost application, on PostgreSQL;
 * a moderation action completes in under 50 ms p95.
 *
 * Our server on a fresh PostgreSQL database (the official registry imported on first start, the outbox worker in the
 * same process writing e-mails as .eml files). An open-loop client POSTs /api/v1/applications on a fixed schedule
 * (each request is sent at its time whatever the previous ones are doing), then the database must hold every
 * application waiting for confirmation and the outbox must have delivered every confirmation e-mail. Then one
 * moderator approves, rejects or asks for more information on already confirmed applications, through the back-office
 * forms, one after the other: only the POST of each decision is timed.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { cookieSettings } from '../src/app/auth/auth.plugin.js';
import { createSession } from '../src/app/auth/sessions.js';
import { findOrCreateUserByEmail } from '../src/app/auth/users.js';
import { openDatabase } from '../src/app/database/database.js';
import { registerCleanup } from './lib/cleanup.js';
import { createBenchDatabase } from './lib/pg.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { startOurServer, type RunningServer } from './lib/server.js';
import { formatMs, percentile, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

export interface JoinOptions {
  /** The goal's rate (applications/s) and how long it is held. */
  rate: number;
  seconds: number;
  /** Higher rates tried afterwards, for context (no goal of their own), each for `extraSeconds`. */
  extraRates: number[];
  extraSeconds: number;
  /** How long the outbox may take to deliver the confirmation e-mails after the last response. */
  drainTimeoutMs: number;
  /** Moderation decisions timed (approve, reject, request-info in turn). */
  moderations: number;
}

export const joinDefaults: JoinOptions = { rate: 100, seconds: 30, extraRates: [150, 200], extraSeconds: 15, drainTimeoutMs: 60_000, moderations: 200 };

/** The per-address limit of the join form (a few per hour) would stop a one-client bench after a handful of requests. */
const rateLimitPerHour = '1000000';
const requestTimeoutMs = 30_000;

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const latencies = (samples: number[]): Latencies => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
  max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
});

const latencyText = (l: Latencies) => `p50 ${formatMs(l.p50)}, p95 ${formatMs(l.p95)}, p99 ${formatMs(l.p99)}, max ${formatMs(l.max)}`;
const count = (n: number) => n.toLocaleString('en');

interface StepResult {
  label: string;
  rate: number;
  seconds: number;
  /** The prefix of every organisation name of the step, to find its rows. */
  namePrefix: string;
  sent: number;
  statuses: Record<string, number>;
  non202: number;
  /** Answers saying the application was a duplicate (none expected: every name and address is new). */
  duplicates: number;
  /** Distinct application ids returned. */
  ids: string[];
  errors: string[];
  /** From each request's scheduled time to its response (the client's own delays count against the server). */
  latencyMs: Latencies;
  /** How late the client sent requests compared with the schedule. */
  sendLagMs: { p99: number; max: number };
  /** Responses per second between the first scheduled send and the last response. */
  achievedRate: number;
  wallMs: number;
  stored: number;
  /** Confirmation e-mails delivered (jobs done) and how long after the last response the last one was. */
  emailsDone: number;
  emailsDead: number;
  emlFiles: number;
  drainMs: number | null;
}

function applicationBody(namePrefix: string, index: number): string {
  const n = String(index).padStart(5, '0');
  const slug = `${namePrefix.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}${n}`;
  return JSON.stringify({
    category: 'civil-society',
    name: `${namePrefix}${n}`,
    countryCode: 'FRA',
    nature: 'Non-profit organisation',
    website: `https://${slug}.example.org`,
    statement: 'We support the Paris Call for Trust and Security in Cyberspace and its nine principles.',
    statementLocale: 'en',
    executiveName: `Executive ${n}`,
    executiveEmail: `executive-${slug}@bench.example.org`,
    acceptCall: true,
    acceptPrivacy: true,
  });
}

/**
 * Sends `rate × seconds` applications at fixed times (t0 + i / rate), never waiting for earlier answers, and records
 * each one's status and latency from its scheduled time.
 */
async function openLoop(baseUrl: string, label: string, namePrefix: string, rate: number, seconds: number): Promise<Omit<StepResult, 'stored' | 'emailsDone' | 'emailsDead' | 'emlFiles' | 'drainMs'>> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const ids = new Set<string>();
  const samples: number[] = [];
  const lags: number[] = [];
  let duplicates = 0;
  let lastResponse = 0;
  const bodies = Array.from({ length: total }, (_, i) => applicationBody(namePrefix, i));

  const fire = async (index: number, scheduled: number) => {
    lags.push(performance.now() - scheduled);
    let status = 'error';
    try {
      const response = await fetch(`${baseUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: bodies[index]!,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const text = await response.text();
      status = String(response.status);
      if (response.status === 202) {
        const json = JSON.parse(text) as { id: string; duplicate: boolean };
        ids.add(json.id);
        if (json.duplicate) duplicates++;
      } else if (errors.length < 5) {
        errors.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
      }
    } catch (error) {
      if (errors.length < 5) errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    const now = performance.now();
    samples.push(now - scheduled);
    lastResponse = Math.max(lastResponse, now);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };

  const pending: Array<Promise<void>> = [];
  const t0 = performance.now() + 20;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        pending.push(fire(next, t0 + next * interval));
        next++;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  const wallMs = lastResponse - t0;
  const non202 = total - (statuses['202'] ?? 0);
  const result = {
    label,
    rate,
    seconds,
    namePrefix,
    sent: total,
    statuses,
    non202,
    duplicates,
    ids: [...ids],
    errors,
    latencyMs: latencies(samples),
    sendLagMs: { p99: percentile(lags, 99), max: Math.max(...lags) },
    achievedRate: (total - non202) / (wallMs / 1000),
    wallMs,
  };
  console.log(
    `    ${label}: ${count(total)} sent, ${count(result.statuses['202'] ?? 0)} × 202, ${count(non202)} other; ${round(result.achievedRate, 1)} answers/s; ${latencyText(result.latencyMs)}; send lag max ${formatMs(result.sendLagMs.max)}`,
  );
  for (const error of errors) console.log(`      ${error}`);
  return result;
}

/** Applications of the step stored and waiting for confirmation, and their confirmation e-mails' jobs. */
async function verifyStep(client: pg.Client, namePrefix: string): Promise<{ stored: number; done: number; dead: number; pending: number }> {
  const like = `${namePrefix.replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const stored = await client.query<{ n: string }>("select count(*) as n from applications where status = 'pending-confirmation' and kind = 'join' and name like $1", [like]);
  const jobs = await client.query<{ status: string; n: string }>(
    "select j.status, count(*) as n from jobs j join applications a on a.id = j.subject_ref where j.type = 'email.send' and j.payload->>'tag' = 'applications.confirm' and a.name like $1 group by j.status",
    [like],
  );
  const by = (status: string) => Number(jobs.rows.find((r) => r.status === status)?.n ?? 0);
  return { stored: Number(stored.rows[0]!.n), done: by('done'), dead: by('dead'), pending: by('pending') + by('running') };
}

const emlCount = (outbox: string) => (fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0);

async function joinStep(server: RunningServer, client: pg.Client, outbox: string, options: JoinOptions, label: string, runId: string, rate: number, seconds: number): Promise<StepResult> {
  const namePrefix = `Bench Join ${runId} ${label} `;
  const emlBefore = emlCount(outbox);
  const load = await openLoop(server.baseUrl, label, namePrefix, rate, seconds);
  const answeredAt = performance.now();
  let check = await verifyStep(client, namePrefix);
  while (check.done + check.dead < check.stored && performance.now() - answeredAt < options.drainTimeoutMs) {
    await new Promise((r) => setTimeout(r, 250));
    check = await verifyStep(client, namePrefix);
  }
  const drainMs = check.done + check.dead >= check.stored ? performance.now() - answeredAt : null;
  const emlFiles = emlCount(outbox) - emlBefore;
  console.log(
    `      stored pending confirmation: ${count(check.stored)}; confirmation e-mails done ${count(check.done)}, dead ${check.dead}, still queued ${check.pending}; ${count(emlFiles)} new .eml files; outbox drained ${drainMs === null ? 'not within the timeout' : `${formatMs(drainMs)} after the last response`}`,
  );
  return { ...load, stored: check.stored, emailsDone: check.done, emailsDead: check.dead, emlFiles, drainMs };
}

type Action = 'approve' | 'reject' | 'request-info';
const actions: Action[] = ['approve', 'reject', 'request-info'];

interface ModerationResult {
  byAction: Record<Action, number[]>;
  all: number[];
  statuses: Record<string, number>;
  errors: string[];
  /** Rows in the state each decision leads to, checked in the database afterwards. */
  outcome: { approved: number; published: number; rejected: number; infoRequested: number };
}

const mergeCookies = (...headers: string[]) => {
  const jar = new Map<string, string>();
  for (const header of headers) {
    for (const pair of header.split(/;\s*/)) {
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
};

/**
 * A moderator (account and passkey session made directly in the database) takes decisions on `n` applications
 * confirmed in the database (status `submitted`, version bumped as confirmApplication does): for each, the review
 * page (untimed, for the CSRF token and cookie), then the timed POST of the decision.
 */
async function moderate(server: RunningServer, databaseUrl: string, client: pg.Client, namePrefix: string, n: number): Promise<ModerationResult> {
  const handle = await openDatabase({ databaseUrl });
  const close = registerCleanup('close join bench database', () => handle.close());
  let cookie: string;
  try {
    const user = await findOrCreateUserByEmail(handle.db, 'bench-moderator@secretariat.example', 'en', { name: 'Bench Moderator', role: 'moderator', actor: 'bench:join' });
    const { token } = await createSession(handle.db, { userId: user.id, role: 'moderator', method: 'passkey', userAgent: 'bench/join.ts' });
    cookie = `${cookieSettings(`http://127.0.0.1:${server.port}`).sessionCookie}=${token}`;
  } finally {
    await close();
  }
  const like = `${namePrefix.replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const confirmed = await client.query<{ id: string; version: number }>(
    `update applications set status = 'submitted', version = version + 1, confirmed_at = now()
      where id in (select id from applications where status = 'pending-confirmation' and name like $1 order by name limit $2)
      returning id, version`,
    [like, n],
  );
  if (confirmed.rows.length < n) throw new Error(`only ${confirmed.rows.length} applications to moderate`);
  const rows = confirmed.rows.sort((a, b) => a.id.localeCompare(b.id));

  const byAction: Record<Action, number[]> = { approve: [], reject: [], 'request-info': [] };
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  for (const [index, row] of rows.entries()) {
    const action = actions[index % actions.length]!;
    const pageUrl = `${server.baseUrl}/en/secretariat/applications/${row.id}`;
    const page = await fetch(pageUrl, { headers: { cookie }, signal: AbortSignal.timeout(requestTimeoutMs) });
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (page.status !== 200 || !csrf) throw new Error(`review page of ${row.id}: HTTP ${page.status}${csrf ? '' : ', no _csrf field'}`);
    const setCookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const form = new URLSearchParams({ version: String(row.version), _csrf: csrf });
    if (action === 'reject') form.set('reason', 'Not an organisation that can support the Call (bench).');
    if (action === 'request-info') form.set('message', 'Could you tell us more about your organisation? (bench)');
    const started = performance.now();
    const response = await fetch(`${pageUrl}/${action}`, {
      method: 'POST',
      headers: { cookie: mergeCookies(cookie, ...setCookies), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
    if (response.status !== 303 && errors.length < 5) errors.push(`${action} ${row.id}: HTTP ${response.status}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    byAction[action].push(ms);
  }
  const outcome = await client.query<{ approved: string; published: string; rejected: string; info: string }>(
    `select count(*) filter (where a.status = 'approved') as approved,
            count(*) filter (where a.status = 'approved' and s.status = 'published') as published,
            count(*) filter (where a.status = 'rejected') as rejected,
            count(*) filter (where a.status = 'info-requested') as info
       from applications a left join supporters s on s.id = a.supporter_id where a.id = any($1)`,
    [rows.map((r) => r.id)],
  );
  const o = outcome.rows[0]!;
  const result: ModerationResult = {
    byAction,
    all: Object.values(byAction).flat(),
    statuses,
    errors,
    outcome: { approved: Number(o.approved), published: Number(o.published), rejected: Number(o.rejected), infoRequested: Number(o.info) },
  };
  for (const action of actions) console.log(`    ${action.padEnd(12)} ${byAction[action].length} × ${latencyText(latencies(byAction[action]))}`);
  console.log(`    all          ${result.all.length} × ${latencyText(latencies(result.all))}; HTTP ${JSON.stringify(statuses)}; afterwards ${JSON.stringify(result.outcome)}`);
  for (const error of errors) console.log(`      ${error}`);
  return result;
}

function stepFigures(step: StepResult, goal: boolean): Figure[] {
  const name = `${step.rate} applications/s for ${step.seconds} s${goal ? '' : ' (extra, no goal)'}`;
  const others = Object.entries(step.statuses)
    .filter(([status]) => status !== '202')
    .map(([status, n]) => `${count(n)} × ${status}`)
    .join(', ');
  const emailsOk = step.emailsDone === step.sent;
  return [
    figure(
      `${name}: responses other than 202`,
      step.non202,
      'count',
      `${count(step.non202)} of ${count(step.sent)}${others ? ` (${others})` : ''}; ${round(step.achievedRate, 1)} answers/s over ${formatMs(step.wallMs)}`,
      goal ? '0' : '–',
      goal ? step.non202 === 0 && step.achievedRate >= step.rate * 0.98 : null,
    ),
    figure(`${name}: latency from scheduled send to response`, step.latencyMs.p95, 'ms', `${latencyText(step.latencyMs)} (client send lag max ${formatMs(step.sendLagMs.max)})`, '–', null),
    figure(
      `${name}: applications stored, waiting for confirmation`,
      step.stored,
      'count',
      `${count(step.stored)} of ${count(step.sent)} (${count(step.ids.length)} distinct ids answered, ${step.duplicates} duplicates)`,
      goal ? `${count(step.sent)}` : '–',
      goal ? step.stored === step.sent && step.ids.length === step.sent : null,
    ),
    figure(
      `${name}: confirmation e-mails delivered by the outbox`,
      step.emailsDone,
      'count',
      `${count(step.emailsDone)} of ${count(step.sent)} (${count(step.emlFiles)} .eml files, ${step.emailsDead} dead), ${step.drainMs === null ? 'not all within the timeout' : `the last ${formatMs(step.drainMs)} after the last response`}`,
      goal ? `${count(step.sent)}` : '–',
      goal ? emailsOk && step.emailsDead === 0 : null,
    ),
  ];
}

function moderationFigures(result: ModerationResult): Figure[] {
  const rows: Array<[string, number[]]> = [['all decisions', result.all], ...actions.map((a): [string, number[]] => [a, result.byAction[a]])];
  const ok = (result.statuses['303'] ?? 0) === result.all.length;
  return rows.map(([label, samples], index) => {
    const l = latencies(samples);
    const statusNote = index === 0 ? `; ${ok ? `all ${result.all.length} answered 303` : `HTTP ${JSON.stringify(result.statuses)}`}` : '';
    return figure(
      `Moderation: ${label === 'all decisions' ? 'p95 of all decisions' : `p95 of "${label}"`} (POST, one moderator)`,
      l.p95,
      'ms',
      `${formatMs(l.p95)} (${samples.length} decisions; p50 ${formatMs(l.p50)}, p99 ${formatMs(l.p99)}, max ${formatMs(l.max)})${statusNote}`,
      '< 50 ms',
      l.p95 < 50 && (index > 0 || ok),
    );
  });
}

export async function benchJoin(options: JoinOptions = joinDefaults): Promise<GoalResult> {
  const database = await createBenchDatabase('join');
  const dataDir = makeTempDir('join');
  const outbox = path.join(dataDir, 'outbox');
  const runId = Date.now().toString(36);
  const server = await startOurServer(
    { driver: 'postgres', dataDir, databaseUrl: database.url },
    {
      readyPath: '/en/supporters',
      env: { JOIN_RATE_LIMIT_PER_HOUR: rateLimitPerHour, SECRET_KEY: `bench-join-secret-key-${'x'.repeat(32)}`, JOBS: 'true', SMTP_URL: '' },
    },
  );
  console.log(`    our server (PostgreSQL) ready in ${formatMs(server.readyMs)} (first start imports the registry)`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const closeClient = registerCleanup('close join bench client', () => client.end());
  try {
    // A short unrecorded warm-up (JIT, connection pool, prepared plans), its applications apart from the measured ones.
    const warm = await openLoop(server.baseUrl, 'warm-up', `Bench Join ${runId} warm-up `, 20, 2);
    if (warm.non202 > 0) throw new Error(`warm-up: ${warm.non202} of ${warm.sent} applications not accepted: ${warm.errors[0] ?? ''}`);
    // Its e-mails are delivered before the measured step starts, so the step's .eml files are its own.
    const warmDeadline = performance.now() + options.drainTimeoutMs;
    while ((await verifyStep(client, `Bench Join ${runId} warm-up `)).done < warm.sent && performance.now() < warmDeadline) await new Promise((r) => setTimeout(r, 250));
    const main = await joinStep(server, client, outbox, options, 'main', runId, options.rate, options.seconds);
    const extra: StepResult[] = [];
    for (const rate of options.extraRates) extra.push(await joinStep(server, client, outbox, options, `extra-${rate}`, runId, rate, options.extraSeconds));
    const moderation = await moderate(server, database.url, client, main.namePrefix, options.moderations);

    const total = await client.query<{ n: string }>('select count(*) as n from applications');
    const supporters = await client.query<{ n: string }>("select count(*) as n from supporters where status = 'published'");
    return {
      id: 'join',
      title: 'Joining under load, and moderation',
      figures: [...stepFigures(main, true), ...extra.flatMap((s) => stepFigures(s, false)), ...moderationFigures(moderation)],
      notes: [
        `Our server: \`node --import tsx src/cli.ts serve\` on the database pariscall_bench_join (created for the run, dropped afterwards), the official registry imported on first start (${count(Number(supporters.rows[0]!.n))} published supporters at the end); JOBS=true, so the outbox worker runs in the same process; no SMTP_URL, so each e-mail is written as an .eml file under a temp DATA_DIR/outbox.`,
        `JOIN_RATE_LIMIT_PER_HOUR=${rateLimitPerHour}: the per-address limit of the join endpoint would otherwise answer 429 to this single-client bench after a few requests. Everything else is as configured by default.`,
        `Load: an open-loop client in the bench process (Node's fetch, keep-alive) sends POST /api/v1/applications (JSON, a new organisation name and executive address each time, acceptCall and acceptPrivacy true) at fixed times t0 + i/rate, without waiting for earlier answers; latency counts from each request's scheduled time. A 2 s, 20/s warm-up comes first, unrecorded. Client, server and PostgreSQL share the 2 cores.`,
        `No lost application: after the load, the step's rows in \`applications\` with status pending-confirmation are counted, then the bench waits (up to ${options.drainTimeoutMs / 1000} s) for the step's \`email.send\` jobs tagged applications.confirm to be done, and counts the .eml files written.`,
        `"Sustains" means every answer is 202 and the answers keep pace: at least 98% of the target rate between the first scheduled send and the last response.${options.extraRates.length > 0 ? ` The ${options.extraRates.map((r) => `${r}/s`).join(', ')} step${options.extraRates.length > 1 ? 's come' : ' comes'} afterwards, on the same server, for context.` : ''}`,
        `Moderation: one moderator (account and passkey session created directly in the database), ${options.moderations} applications of the 100/s step confirmed directly in the database (status submitted, version + 1, as confirmApplication leaves them, without the signals job that would fetch the applicants' websites). For each in turn: GET /en/secretariat/applications/<id> (untimed: CSRF token and cookie), then the timed POST …/approve, …/reject (with a reason) or …/request-info (with a message), in rotation, expecting 303. Approval publishes a supporter and invalidates the response cache; each decision queues an e-mail, which the worker sends meanwhile. Afterwards: ${moderation.outcome.approved} approved (${moderation.outcome.published} supporters published), ${moderation.outcome.rejected} rejected, ${moderation.outcome.infoRequested} waiting for information.`,
      ],
      details: {
        steps: [main, ...extra].map(({ ids, ...rest }) => ({ ...rest, ids: ids.length })),
        moderation: {
          statuses: moderation.statuses,
          errors: moderation.errors,
          outcome: moderation.outcome,
          latencyMs: Object.fromEntries([['all', latencies(moderation.all)], ...actions.map((a) => [a, latencies(moderation.byAction[a])])]),
        },
        applicationsInDatabase: Number(total.rows[0]!.n),
      },
    };
  } finally {
    await closeClient();
    await server.child.stop(20_000);
    await database.drop();
  }
}
