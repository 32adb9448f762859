/**
 * Goal (issue 18): the points-of-contact directory search p95 < 20 ms at 10,000 contacts on PostgreSQL. The query the
 * directory page and the API call, `searchDirectory` (a page of 25 contacts by name, the count of every match, the
 * counts by state and role, the channels and organisations behind the page), is called in-process as the secretariat
 * on a mix of searches after a warm-up; the public directory's search too. Measured on PostgreSQL and on PGlite, with
 * the bench process's memory peak.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/app/authz/actor.js';
import { openDatabase, type DatabaseHandle } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { channelKinds, contactRoles } from '../src/modules/contacts/contacts.constants.js';
import { contactSearchText } from '../src/modules/contacts/contacts.models.js';
import { searchDirectory } from '../src/modules/contacts/contacts.queries.js';
import { directoryQuerySchema } from '../src/modules/contacts/contacts.schemas.js';
import { contactChannels, contacts } from '../src/modules/contacts/contacts.tables.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { foldText } from '../src/shared/text.js';
import { registerCleanup } from './lib/cleanup.js';
import { createBenchDatabase } from './lib/pg.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatMs, percentile, round } from './lib/stats.js';

export const syntheticContactCount = 10_000;
const organisationCount = 1_000;

/** The mix: what the directory's form and the API are asked. */
const cases: Array<{ name: string; query: Record<string, string>; audience?: 'public' }> = [
  { name: 'first page, no filter', query: {} },
  { name: 'a common word: "officer"', query: { q: 'officer' } },
  { name: 'an organisation: "ministere 0042"', query: { q: 'ministere 0042' } },
  { name: 'one contact: "contact 004321"', query: { q: 'contact 004321' } },
  { name: 'country FRA', query: { country: 'FRA' } },
  { name: 'role diplomatic', query: { role: 'diplomatic' } },
  { name: 'language es', query: { language: 'es' } },
  { name: 'reachable 24/7', query: { is24x7: 'yes' } },
  { name: 'stale only', query: { state: 'stale' } },
  { name: 'text, role, language and 24/7', query: { q: 'cert', role: 'technical', language: 'fr', is24x7: 'yes' } },
  { name: 'page 40 of everything', query: { page: '40' } },
  { name: 'public directory, no filter', query: {}, audience: 'public' },
  { name: 'public directory, country DEU', query: { country: 'DEU' }, audience: 'public' },
];

const secretariat: Actor = { kind: 'user', userId: 'usr_bench', email: 'bench@secretariat.example', name: null, role: 'moderator', locale: 'en', sessionId: 'ses_bench', method: 'passkey', grants: [] };

/** A seeded pseudo-random sequence, so every run inserts the same rows. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const countries = ['FRA', 'DEU', 'USA', 'JPN', 'SEN', 'BRA', 'IND', 'CAN', 'KEN', 'AUS', 'MEX', 'NLD', 'SGP', 'CHL', 'URY'];
const languages = ['en', 'fr', 'es', 'de', 'ar', 'pt', 'ja', 'ru', 'zh'];
const zones = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Africa/Dakar', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Sydney'];
const kinds = ['Ministère', 'CERT', 'Agence', 'Company', 'Foundation'];

async function insertSynthetic(handle: DatabaseHandle): Promise<{ ms: number }> {
  const started = performance.now();
  const next = random(18);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const orgs = Array.from({ length: organisationCount }, (_, i) => {
    const name = `${kinds[i % kinds.length]} ${String(i).padStart(4, '0')} ${pick(['de la sécurité', 'numérique', 'cyber', 'national'])}`;
    return { slug: `bench-org-${i}`, name, searchText: foldText(name), sortName: foldText(name), countryCode: countries[Math.floor(Math.pow(next(), 2) * countries.length)]! };
  });
  const orgRows = await handle.db.insert(supporters).values(orgs).returning({ id: supporters.id, name: supporters.name, countryCode: supporters.countryCode });
  for (let start = 0; start < syntheticContactCount; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, syntheticContactCount - start) }, (_, j) => {
      const i = start + j;
      const org = orgRows[Math.floor(Math.pow(next(), 1.5) * orgRows.length)]!;
      const role = pick(contactRoles);
      const name = `Contact ${String(i).padStart(6, '0')} ${pick(['Martin', 'Diallo', 'Tanaka', 'Müller', 'García', 'Smith', 'Singh', 'Silva'])}`;
      const title = pick(['Duty officer', 'Head of CERT', 'Counsellor', 'Legal adviser', 'PSIRT lead']);
      const langs = [pick(languages), pick(languages)].filter((l, k, all) => all.indexOf(l) === k);
      const roll = next();
      const state = roll < 0.8 ? 'active' : roll < 0.9 ? 'stale' : roll < 0.95 ? 'invited' : 'withdrawn';
      return {
        supporterId: org.id, role, name, title, email: `contact-${i}@bench.example`, state, timeZone: pick(zones), languages: langs, countryCode: org.countryCode,
        weeklyHours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:00' })), published: next() < 0.3, attestationDays: 90,
        attestedAt: state === 'invited' ? null : new Date(Date.now() - Math.floor(next() * 120) * 86_400_000), nominatedBy: 'bench',
        searchText: contactSearchText({ name, title, organisation: org.name, country: org.countryCode, role, languages: langs }),
      };
    });
    const inserted = await handle.db.insert(contacts).values(batch).returning({ id: contacts.id });
    const channels = inserted.flatMap((c, k) => Array.from({ length: 1 + (k % 3) }, (_, position) => ({ contactId: c.id, kind: position === 0 ? 'email' : pick(channelKinds), value: position === 0 ? `desk-${start + k}@bench.example` : `+33 1 00 00 ${String(k).padStart(4, '0')}`, is24x7: next() < 0.25, position, published: next() < 0.5 })));
    await handle.db.insert(contactChannels).values(channels);
  }
  await handle.db.execute(sql`analyze`);
  return { ms: performance.now() - started };
}

interface CaseTiming {
  name: string;
  total: number;
  p50: number;
  p95: number;
}

async function timeCases(handle: DatabaseHandle, iterations: number, label: string): Promise<{ all: number[]; cases: CaseTiming[] }> {
  const all: number[] = [];
  const timings: CaseTiming[] = [];
  for (const c of cases) {
    const query = directoryQuerySchema.parse({ ...c.query, pageSize: '25' });
    const { page, pageSize, ...filter } = query;
    const call = async () => (await searchDirectory({ db: handle.db, actor: secretariat, audience: c.audience ?? 'members', filter, page, pageSize })).total;
    for (let i = 0; i < 10; i++) await call();
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      total = await call();
      samples.push(performance.now() - started);
    }
    all.push(...samples);
    const timing = { name: c.name, total, p50: percentile(samples, 50), p95: percentile(samples, 95) };
    timings.push(timing);
    console.log(`    ${label.padEnd(10)} ${c.name.padEnd(36)} ${String(total).padStart(6)} hits  p50 ${formatMs(timing.p50).padStart(8)}  p95 ${formatMs(timing.p95).padStart(8)}`);
  }
  return { all, cases: timings };
}

export async function benchContactsSearch(options: { iterations: number }): Promise<GoalResult> {
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);
  try {
    const database = await createBenchDatabase('contacts');
    const pg = await openDatabase({ databaseUrl: database.url });
    const closePg = registerCleanup('close contacts database', () => pg.close());
    await migrateDatabase(pg);
    const insertedPg = await insertSynthetic(pg);
    console.log(`    PostgreSQL: ${syntheticContactCount.toLocaleString('en')} contacts in ${formatMs(insertedPg.ms)}`);
    const onPg = await timeCases(pg, options.iterations, 'postgres');
    await closePg();
    const rssAfterPg = peakRss;

    const lite = await openDatabase({});
    const closeLite = registerCleanup('close contacts PGlite', () => lite.close());
    await migrateDatabase(lite);
    const insertedLite = await insertSynthetic(lite);
    console.log(`    PGlite: ${syntheticContactCount.toLocaleString('en')} contacts in ${formatMs(insertedLite.ms)}`);
    const onLite = await timeCases(lite, Math.max(20, Math.round(options.iterations / 4)), 'pglite');
    await closeLite();
    clearInterval(sampler);

    const p95 = percentile(onPg.all, 95);
    const worst = onPg.cases.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const liteP95 = percentile(onLite.all, 95);
    const liteWorst = onLite.cases.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    return {
      id: 'contacts-search',
      title: 'Points-of-contact directory search at 10,000 contacts',
      figures: [
        figure('PostgreSQL, 10,000 contacts: p95 of all searches', p95, 'ms', `${formatMs(p95)} (p50 ${formatMs(percentile(onPg.all, 50))}; ${cases.length} searches × ${options.iterations})`, '< 20 ms', p95 < 20),
        figure("PostgreSQL, 10,000 contacts: slowest search's p95", worst.p95, 'ms', `${formatMs(worst.p95)} (${worst.name})`, '< 20 ms', worst.p95 < 20),
        figure('PGlite, 10,000 contacts: p95 of all searches', liteP95, 'ms', `${formatMs(liteP95)} (slowest: ${liteWorst.name}, ${formatMs(liteWorst.p95)})`, '–', null),
        figure('Bench process memory, peak', mb(peakRss), 'MB', `${mb(peakRss)} MB peak RSS (${mb(rssBefore)} MB before, ${mb(rssAfterPg)} MB after the PostgreSQL part; PGlite in-process included)`, '–', null),
      ],
      notes: [
        `${syntheticContactCount.toLocaleString('en')} synthetic contacts (seeded) of ${organisationCount.toLocaleString('en')} synthetic organisations in 15 countries (skewed towards the first), 1–3 channels each, 80 % active, 10 % stale, 5 % invited, 5 % withdrawn, 30 % published; in the database pariscall_bench_contacts (dropped at the end) and in an in-memory PGlite.`,
        'searchDirectory is called in-process as the secretariat (the members\' directory) and for the public directory: a page of 25 contacts by name and the count of every match in parallel, the counts by state and role, then the page\'s channels and organisations.',
        `Per search on PostgreSQL (p95): ${onPg.cases.map((c) => `${c.name} ${formatMs(c.p95)} (${c.total.toLocaleString('en')} hits)`).join('; ')}.`,
        `Per search on PGlite (p95): ${onLite.cases.map((c) => `${c.name} ${formatMs(c.p95)}`).join('; ')}.`,
      ],
      details: { postgres: onPg.cases, pglite: onLite.cases, peakRssMb: mb(peakRss) },
    };
  } finally {
    clearInterval(sampler);
  }
}
