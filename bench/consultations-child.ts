/**
 * The consultation bench, in processes of its own so the peak memory is the server's:
 *
 *   seed:  migrates a new bench database (DATABASE_URL, or a PGlite DATA_DIR) and writes one working group and one
 *          concluded consultation on a P-paragraph draft with N inputs (a tenth private, a quarter anonymous), each
 *          with a published disposition (a tenth in two versions), and the revised text: bench data only.
 *   serve: starts the application (as `npm start` does, without the worker) and sends R requests for the
 *          consultation's page (anonymous reader) and E for the disposition table as CSV, after W unrecorded ones of
 *          each, through Fastify's inject (server time: routing, reading, rendering, no network).
 * Each prints one JSON line.
 */
import { loadConfig } from '../src/app/config/config.js';
import { openDatabase } from '../src/app/database/database.js';

const [mode, paragraphsArg, inputsArg, rendersArg, exportsArg, warmupsArg] = process.argv.slice(2) as [string, string, string, string, string, string];
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });

const words = 'accreditation agenda stakeholder delegation document deadline synthesis paragraph civil society industry states transparency hybrid meeting online participation input'.split(' ');

async function seed(paragraphCount: number, inputCount: number): Promise<void> {
  const { migrateDatabase } = await import('../src/app/database/migrate.js');
  const { groups } = await import('../src/modules/groups/groups.tables.js');
  const { consultations, consultationParagraphs, consultationInputs, consultationDispositions } = await import('../src/modules/consultations/consultations.tables.js');
  await migrateDatabase(database);
  const db = database.db;
  const sentence = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(' ');
  const [group] = await db.insert(groups).values({ slug: 'bench-group', name: { en: 'Bench group', fr: 'Groupe de mesure' }, createdBy: 'system:bench' }).returning();
  const now = Date.now();
  const [consultation] = await db
    .insert(consultations)
    .values({
      groupId: group!.id,
      title: { en: 'A draft of 100 paragraphs', fr: 'Un projet de 100 paragraphes' },
      introduction: { en: 'Bench data.' },
      kind: 'draft',
      audience: 'public',
      language: 'en',
      state: 'concluded',
      opensAt: new Date(now - 30 * 86_400_000),
      closesAt: new Date(now - 2 * 86_400_000),
      timeZone: 'Europe/Paris',
      synthesis: { en: sentence(200, 1), fr: sentence(200, 2) },
      concludedAt: new Date(now - 86_400_000),
      createdBy: 'system:bench',
    })
    .returning();
  const id = consultation!.id;
  await db.insert(consultationParagraphs).values(Array.from({ length: paragraphCount }, (_, i) => ({ consultationId: id, text: 'original', number: i + 1, body: sentence(60, i) })));
  const inputIds: string[] = [];
  for (let start = 0; start < inputCount; start += 500) {
    const rows = Array.from({ length: Math.min(500, inputCount - start) }, (_, k) => {
      const n = start + k;
      return {
        consultationId: id,
        number: n + 1,
        paragraph: n % 20 === 0 ? null : 1 + (n % paragraphCount),
        authorId: `usr_bench${n % 300}`,
        authorName: `Contributor ${n % 300}`,
        supporterName: n % 3 === 0 ? `Organisation ${n % 50}` : null,
        language: n % 2 ? 'en' : 'fr',
        publication: n % 10 === 0 ? 'private' : n % 4 === 0 ? 'anonymous' : 'named',
        body: sentence(50, n),
      };
    });
    inputIds.push(...(await db.insert(consultationInputs).values(rows).returning({ id: consultationInputs.id })).map((r) => r.id));
  }
  const outcomes = ['accepted', 'merged', 'partly', 'not-retained'];
  for (let start = 0; start < inputIds.length; start += 500) {
    const rows = inputIds.slice(start, start + 500).flatMap((inputId, k) => {
      const n = start + k;
      const first = { inputId, consultationId: id, version: 1, outcome: outcomes[n % 4]!, reason: sentence(20, n + 3), published: true, decidedBy: 'system:bench' };
      return n % 10 === 5 ? [first, { ...first, version: 2, outcome: outcomes[(n + 1) % 4]!, reason: sentence(15, n + 4) }] : [first];
    });
    await db.insert(consultationDispositions).values(rows);
  }
  await db.insert(consultationParagraphs).values(Array.from({ length: paragraphCount }, (_, i) => ({ consultationId: id, text: 'revised', number: i + 1, body: sentence(60, i + 1), changedBy: inputIds.filter((_, n) => n % paragraphCount === i).slice(0, 5) })));
  console.log(JSON.stringify({ consultation: id, paragraphs: paragraphCount, inputs: inputIds.length }));
}

async function serve(id: string, renders: number, exportsCount: number, warmups: number): Promise<void> {
  const { createServer } = await import('../src/app/server.js');
  const config = loadConfig({}, { importOnEmpty: '', logLevel: 'silent' });
  const app = await createServer({ config, database, logger: false });
  await app.ready();
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const time = async (url: string) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const response = await app.inject({ url });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
    return { ms, bytes: response.rawPayload.length, body: response.body };
  };
  // The process's CPU time per request (PGlite's engine included, PostgreSQL's server not): what the request costs
  // apart from waiting for a core on a busy machine.
  let cpuMs: number[] = [];
  const page = `/en/consultations/${id}`;
  const csv = `/api/v1/consultations/${id}/dispositions.csv`;
  for (let i = 0; i < warmups; i++) {
    await time(page);
    await time(csv);
  }
  cpuMs = [];
  const pageMs: number[] = [];
  const csvMs: number[] = [];
  let pageBytes = 0;
  let csvBytes = 0;
  let csvRows = 0;
  let shownInputs = 0;
  for (let i = 0; i < renders; i++) {
    const r = await time(page);
    pageMs.push(r.ms);
    pageBytes = r.bytes;
    shownInputs = (r.body.match(/class="consultation-input"/g) ?? []).length;
  }
  const pageCpuMs = cpuMs;
  cpuMs = [];
  for (let i = 0; i < exportsCount; i++) {
    const r = await time(csv);
    csvMs.push(r.ms);
    csvBytes = r.bytes;
    csvRows = r.body.trimEnd().split('\n').length - 1;
  }
  await app.close();
  console.log(JSON.stringify({ pageMs, csvMs, pageCpuMs, csvCpuMs: cpuMs, pageBytes, csvBytes, csvRows, shownInputs, baselineRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

try {
  if (mode === 'seed') await seed(Number(paragraphsArg), Number(inputsArg));
  else await serve(paragraphsArg, Number(inputsArg), Number(rendersArg), Number(exportsArg));
} finally {
  await database.close();
}
