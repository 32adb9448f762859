/**
 * `npm run bench`: measures the platform against the goals of the performance issue on this machine and writes the
 * figures to bench/README.md and bench/results.json. Sections run one after another (never two servers at once);
 * whatever a section starts or creates is undone at the end, also on failure or Ctrl-C.
 *
 *   npm run bench [-- --only http,search,import,startup,weight,join,index,uploads,outage,toolkit-import,toolkit-assessment,toolkit-pages,practices-search,practices-synthesis,consultations,digests,pings,contacts-search,disclosure-refresh,incidents,index-publish] [--no-synthetic] [--iterations N] [--seconds N]
 *                    [--cpu-prof DIR] [--no-write] [--report-only] [--quiet-load 1] [--quiet-wait 600]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchConsultations } from './consultations.js';
import { benchContactsSearch } from './contacts-search.js';
import { benchDigests } from './digests.js';
import { benchDisclosureRefresh } from './disclosure-refresh.js';
import { benchHttp } from './http.js';
import { benchImport } from './import.js';
import { benchIncidents } from './incidents.js';
import { benchIndex, indexDefaults } from './index.js';
import { benchIndexPublish } from './index-publish.js';
import { benchJoin, joinDefaults } from './join.js';
import { runCleanups } from './lib/cleanup.js';
import { machineNotes } from './lib/machine.js';
import { mergeResults, readPreviousResults, summaryTable, writeResults } from './lib/report.js';
import type { GoalId, GoalResult } from './lib/results.js';
import { benchOutage } from './outage.js';
import { benchPings } from './pings.js';
import { benchPracticesSearch } from './practices-search.js';
import { benchPracticesSynthesis } from './practices-synthesis.js';
import { benchSearch } from './search.js';
import { benchToolkitAssessment } from './toolkit-assessment.js';
import { benchToolkitImport } from './toolkit-import.js';
import { benchToolkitPages } from './toolkit-pages.js';
import { benchStartup } from './startup.js';
import { benchUploads } from './uploads.js';
import { benchWeight } from './weight.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'no-synthetic': { type: 'boolean', default: false },
    iterations: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    'cpu-prof': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    'quiet-load': { type: 'string', default: '1' },
    'quiet-wait': { type: 'string', default: '600' },
  },
});

/**
 * Other work on a 2-core machine (tests, browsers) skews every figure, so each section first waits, up to
 * --quiet-wait seconds, for the 1-minute load average to drop under --quiet-load; the load it started at is reported.
 */
async function waitForQuietMachine(): Promise<void> {
  const limit = Number(values['quiet-load']);
  const deadline = Date.now() + Number(values['quiet-wait']) * 1000;
  let told = false;
  while (os.loadavg()[0]! >= limit && Date.now() < deadline) {
    if (!told) console.log(`  waiting for the 1-minute load average (${os.loadavg()[0]!.toFixed(2)}) to drop under ${limit}…`);
    told = true;
    await new Promise((r) => setTimeout(r, 5000));
  }
}

const sections: Record<GoalId, { title: string; run: () => Promise<GoalResult> }> = {
  http: {
    title: '1. HTTP against nginx, and no stale cache',
    run: () => benchHttp({ seconds: Number(values.seconds), warmupSeconds: 3, cpuProfDir: values['cpu-prof'] }),
  },
  search: { title: '2. Search with filters', run: () => benchSearch({ iterations: Number(values.iterations), synthetic: !values['no-synthetic'] }) },
  import: { title: '3. Import of the official registry', run: () => benchImport({ runs: 3 }) },
  startup: { title: '4. First page after npm start', run: () => benchStartup({ runs: 3 }) },
  weight: { title: '5. Page weight', run: () => benchWeight() },
  join: { title: '6. Joining under load, and moderation', run: () => benchJoin(joinDefaults) },
  index: { title: '7. Cyberstability Index engine: pipeline and uncertainty analysis', run: () => benchIndex(indexDefaults) },
  uploads: { title: '8. Hostile uploads to the index secretariat', run: () => benchUploads({ cpuProfDir: values['cpu-prof'] }) },
  outage: { title: '9. Losing PostgreSQL under load', run: () => benchOutage() },
  'toolkit-import': { title: '10. Import of the WG6 toolkit workbook and report', run: () => benchToolkitImport({ runs: 3 }) },
  'toolkit-assessment': { title: '11. Toolkit self-assessment: gap report', run: () => benchToolkitAssessment({ randomCases: 200, rounds: 15 }) },
  'toolkit-pages': { title: '12. The toolkit’s matrix page: weight and server time', run: () => benchToolkitPages({ requests: Number(values.iterations) }) },
  'practices-search': { title: '13. Practice search at 50,000 synthetic practices', run: () => benchPracticesSearch({ iterations: Number(values.iterations) }) },
  'practices-synthesis': { title: '14. Synthesis of 1,000 practices: time and memory', run: () => benchPracticesSynthesis({ practices: 1000, renders: 10 }) },
  consultations: { title: '15. A consultation with 2,000 inputs: page and disposition export', run: () => benchConsultations({ paragraphs: 100, inputs: 2000, renders: 100, exports: 20, warmups: 5 }) },
  digests: { title: '16. Weekly digests for 10,000 subscribers, worker apart', run: () => benchDigests({ subscribers: 10_000 }) },
  pings: { title: '17. A ping exercise over 1,000 contacts: outbox and statistics', run: () => benchPings({ contacts: 1000 }) },
  'contacts-search': { title: '18. Points-of-contact directory search at 10,000 contacts', run: () => benchContactsSearch({ iterations: Number(values.iterations) }) },
  'disclosure-refresh': { title: '19. Refreshing 1,000 security.txt files through the outbox', run: () => benchDisclosureRefresh({ entries: 1000 }) },
  incidents: { title: '20. Classifying 10,000 incidents in every frame', run: () => benchIncidents({ records: 10_000, rounds: 20 }) },
  'index-publish': { title: '21. Publishing the pilot edition of the Cyberstability Index', run: () => benchIndexPublish({ runs: 3 }) },
};

const selected = (values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(sections)) as GoalId[];
for (const id of selected) if (!(id in sections)) throw new Error(`unknown section "${id}"; known: ${Object.keys(sections).join(', ')}`);

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  if (values['report-only']) {
    // Re-renders README.md from results.json (after editing the report's layout), measuring nothing.
    const previous = readPreviousResults();
    if (!previous) throw new Error('no bench/results.json yet');
    writeResults(previous);
    return 0;
  }
  const started = performance.now();
  const { commit } = await machineNotes();
  const goals: GoalResult[] = [];
  for (const id of selected) {
    const section = sections[id];
    console.log(`\n== ${section.title}`);
    await waitForQuietMachine();
    const date = new Date().toISOString();
    const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
    console.log(`  (1-minute load average: ${loadAverage})`);
    try {
      goals.push({ ...(await section.run()), date, loadAverage, commit });
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      console.error(`  ${id} failed: ${message}`);
      goals.push({ id, title: section.title, figures: [], notes: [], date, loadAverage, commit, error: message.split('\n').slice(0, 3).join(' ') });
    } finally {
      await runCleanups();
    }
  }
  // Profiling slows the server down: such a run's figures are printed, not recorded (nor with --no-write).
  const record = !values['cpu-prof'] && !values['no-write'];
  if (record) writeResults(mergeResults(readPreviousResults(), await machineNotes(), goals));
  const written = record ? 'bench/README.md and bench/results.json written' : `figures not recorded${values['cpu-prof'] ? `; profiles in ${values['cpu-prof']}` : ''}`;
  console.log(`\n== Summary (${Math.round((performance.now() - started) / 1000)} s; ${written})\n`);
  console.log(summaryTable(goals));
  const failed = goals.some((g) => g.error || g.figures.some((f) => f.pass === false));
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await runCleanups();
    process.exitCode = 2;
  });
