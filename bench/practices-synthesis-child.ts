/**
 * The practice synthesis bench, in processes of its own so a render's peak memory is the render's:
 *
 *   seed:   migrates a new bench database (DATABASE_URL, or a PGlite DATA_DIR), loads the registry, the principles and
 *           the norms from the reference bundle, and writes N synthetic practices (published, each with its revision):
 *           bench data only, never a real database.
 *   once:   opens that database and renders the synthesis of the whole synthetic set (`origin=platform`) as the web
 *           page, once: the process's peak memory is then what one synthesis needs, above what was there before.
 *   render: W unrecorded renders (JIT, the database's caches), then R recorded ones of the web page, each followed by
 *           the print version and the Markdown from the same read.
 * `once` and `render` print one JSON line with the times and maxRSS.
 */
import { openDatabase } from '../src/app/database/database.js';
import type { PracticeContent } from '../src/modules/norms/practices/practices.tables.js';
import { synthesisMarkdown } from '../src/modules/norms/synthesis/synthesis.markdown.js';
import { presentSynthesis } from '../src/modules/norms/synthesis/synthesis.presenters.js';
import { synthesisQuerySchema } from '../src/modules/norms/synthesis/synthesis.schemas.js';
import { generateSynthesis, synthesisFormOptions } from '../src/modules/norms/synthesis/synthesis.usecases.js';
import { SynthesisPage, SynthesisPrintPage } from '../src/modules/norms/synthesis/views/synthesis-page.js';

const [mode, countArg, rendersArg, warmupsArg] = process.argv.slice(2) as ['seed' | 'once' | 'render', string, string, string | undefined];
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });

/** A small deterministic generator, so every run seeds the same practices. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const words = 'national cybersecurity agency incident response supply chain vulnerability disclosure capacity training exercise cooperation regulation critical infrastructure election integrity awareness programme standard certification'.split(' ');
const mots = 'agence nationale cybersécurité réponse incident chaîne approvisionnement vulnérabilité divulgation capacités formation exercice coopération réglementation infrastructures essentielles intégrité électorale sensibilisation programme norme certification'.split(' ');

async function seed(count: number): Promise<void> {
  // Loaded here only, so the render process holds what a synthesis needs, not every module and the importers.
  const { migrateDatabase } = await import('../src/app/database/migrate.js');
  const { referenceParts } = await import('../src/app/modules.js');
  const { loadReferenceBundle } = await import('../src/app/reference/load.js');
  const { referenceDir } = await import('../src/app/reference/reference.js');
  const { practiceKinds, implementationStatuses } = await import('../src/modules/norms/practices/practices.constants.js');
  const { practiceSearchText } = await import('../src/modules/norms/practices/practices.content.js');
  const { practiceRevisions, practices } = await import('../src/modules/norms/practices/practices.tables.js');
  const { supporters } = await import('../src/modules/supporters/supporters.tables.js');
  await migrateDatabase(database);
  const parts = referenceParts().filter((part) => ['registry', 'call', 'norms'].includes(part.name));
  await loadReferenceBundle({ db: database.db, parts, bundleDir: referenceDir, actor: 'system:bench' });
  const entries = await database.db.select({ id: supporters.id, category: supporters.category, country: supporters.countryCode }).from(supporters);
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = (list: string[], n: number) => Array.from({ length: n }, () => pick(list)).join(' ');
  const actor = 'system:bench';
  const at = new Date('2025-06-01T00:00:00Z');
  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, (_, i) => {
      const n = start + i;
      const supporter = pick(entries);
      const norms = [...new Set(Array.from({ length: 1 + Math.floor(next() * 2) }, () => `13${pick('abcdefghijk'.split(''))}`))];
      const translated = n % 2 === 0;
      const content: PracticeContent = {
        title: translated ? { en: `Synthetic practice ${n}: ${sentence(words, 6)}`, fr: `Pratique synthétique ${n} : ${sentence(mots, 6)}` } : { en: `Synthetic practice ${n}: ${sentence(words, 6)}` },
        description: translated ? { en: sentence(words, 90), fr: sentence(mots, 90) } : { en: sentence(words, 90) },
        original: 'en',
        kind: pick(practiceKinds),
        implementationStatus: pick(implementationStatuses),
        startedOn: null,
        endedOn: null,
        year: 2019 + Math.floor(next() * 7),
        principles: [1 + Math.floor(next() * 9)],
        norms,
        sectors: [],
        countries: supporter.country ? [supporter.country] : [],
        links: [],
        attachments: [],
      };
      return { n, supporter, content };
    });
    await database.db.transaction(async (tx) => {
      const rows = await tx
        .insert(practices)
        .values(
          batch.map(({ n, supporter, content }) => ({
            origin: 'platform',
            sourceKey: `bench/${n}`,
            supporterId: supporter.id,
            category: supporter.category,
            state: 'published',
            ...content,
            searchText: practiceSearchText(content),
            publishedRevision: 1,
            publishedAt: at,
            createdBy: actor,
          })),
        )
        .returning({ id: practices.id, sourceKey: practices.sourceKey });
      const byKey = new Map(batch.map((b) => [`bench/${b.n}`, b.content]));
      await tx.insert(practiceRevisions).values(rows.map((row) => ({ practiceId: row.id, number: 1, content: byKey.get(row.sourceKey!)!, state: 'published', authoredBy: actor })));
    });
  }
  console.log(JSON.stringify({ seeded: count, supporters: entries.length }));
}

async function render(renders: number, warmups: number, all: boolean): Promise<void> {
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const filters = synthesisQuerySchema.parse({ origin: 'platform' });
  for (let i = 0; i < warmups; i++) {
    const shown = presentSynthesis(await generateSynthesis({ db: database.db, filters }), 'en');
    String(SynthesisPage({ locale: 'en', state: { values: { origin: 'platform', country: [] }, errors: {} }, options: await synthesisFormOptions({ db: database.db }), result: { shown, query: '?origin=platform' } }));
  }
  const samples: Array<{ ms: number; readMs: number; printMs: number; markdownMs: number; maxRssMb: number; htmlBytes: number; printBytes: number; markdownBytes: number; practices: number; items: number }> = [];
  const since = (start: number) => performance.now() - start;
  for (let i = 0; i < renders; i++) {
    // What the page's request does: read the set, present it, render the page with its form.
    const started = performance.now();
    const synthesis = await generateSynthesis({ db: database.db, filters });
    const readMs = since(started);
    const shown = presentSynthesis(synthesis, 'en');
    const options = await synthesisFormOptions({ db: database.db });
    const html = String(SynthesisPage({ locale: 'en', state: { values: { origin: 'platform', country: [] }, errors: {} }, options, result: { shown, query: '?origin=platform' } }));
    const ms = since(started);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    // The print version and the Markdown from the same presented synthesis (their requests read it again: add readMs).
    let start = performance.now();
    const print = all ? String(SynthesisPrintPage({ locale: 'en', shown, query: '?origin=platform', publicUrl: 'http://localhost:3000' })) : '';
    const printMs = since(start);
    start = performance.now();
    const markdown = all ? synthesisMarkdown(shown, { front: '', norms: 'Practices by norm', principles: '', principlesIntro: '', other: '' }, 'http://localhost:3000') : '';
    const markdownMs = since(start);
    const items = shown.norms.reduce((n, s) => n + s.items.length, 0) + shown.principles.reduce((n, s) => n + s.items.length, 0) + shown.other.length;
    samples.push({ ms, readMs, printMs, markdownMs, maxRssMb, htmlBytes: Buffer.byteLength(html), printBytes: Buffer.byteLength(print), markdownBytes: Buffer.byteLength(markdown), practices: synthesis.total, items });
  }
  // maxRSS is in kilobytes: the process's peak (the database engine included when it is PGlite, in the process).
  console.log(JSON.stringify({ samples, baselineRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

try {
  if (mode === 'seed') await seed(Number(countArg));
  else if (mode === 'once') await render(1, 0, false);
  else await render(Number(rendersArg), Number(warmupsArg ?? 0), true);
} finally {
  await database.close();
}
