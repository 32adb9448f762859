/** Writes bench/results.json and bench/README.md from the goals measured (keeping earlier goals not rerun). */
import fs from 'node:fs';
import path from 'node:path';
import type { MachineNotes } from './machine.js';
import { benchDir } from './paths.js';
import type { GoalId, GoalResult } from './results.js';

export interface Results {
  machine: MachineNotes;
  goals: GoalResult[];
}

const order: GoalId[] = ['http', 'search', 'import', 'startup', 'weight', 'join', 'index', 'uploads', 'outage', 'toolkit-import', 'toolkit-assessment', 'toolkit-pages', 'practices-search', 'practices-synthesis', 'consultations', 'digests', 'pings', 'contacts-search', 'disclosure-refresh', 'incidents', 'index-publish'];
const resultsPath = path.join(benchDir, 'results.json');
const readmePath = path.join(benchDir, 'README.md');

export function readPreviousResults(): Results | null {
  try {
    return JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as Results;
  } catch {
    return null;
  }
}

/** Goals just measured replace the same goals of the previous run; the others are kept with their own date. */
export function mergeResults(previous: Results | null, machine: MachineNotes, fresh: GoalResult[]): Results {
  const byId = new Map((previous?.goals ?? []).map((g) => [g.id, g]));
  for (const goal of fresh) byId.set(goal.id, { ...goal, machine: goal.machine ?? machine });
  return { machine, goals: order.filter((id) => byId.has(id)).map((id) => byId.get(id)!) };
}

const machineKey = (m: MachineNotes) => `${m.cpu}|${m.kernel}|${m.node}|${m.postgres}|${m.nginx}|${m.wrk}`;

/** One entry per machine the kept sections were measured on, naming those sections (goals without notes: the last run's). */
function machineLines(results: Results): string[] {
  const groups = new Map<string, { machine: MachineNotes; sections: number[] }>();
  results.goals.forEach((goal, i) => {
    const machine = goal.machine ?? results.machine;
    const key = machineKey(machine);
    const group = groups.get(key) ?? { machine, sections: [] };
    group.sections.push(i + 1);
    groups.set(key, group);
  });
  return [...groups.values()].flatMap(({ machine: m, sections }) => [
    `- Section${sections.length > 1 ? 's' : ''} ${sections.join(', ')}: ${m.cpu}, ${m.cores} cores available, ${m.memoryGb} GB RAM; ${m.os}, Linux ${m.kernel}; Node.js ${m.node};`,
    `  PostgreSQL ${m.postgres ?? 'not reachable'} (local, 127.0.0.1:5432); nginx ${m.nginx ?? 'not installed'}, wrk ${m.wrk ?? 'not installed'} (Debian packages, installed by the bench if missing)`,
  ]);
}

const verdict = (pass: boolean | null) => (pass === null ? '–' : pass ? '**pass**' : '**FAIL**');
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderReadme(results: Results): string {
  const lines = [
    '# Benchmarks',
    '',
    'Figures measured by `npm run bench` (`tsx bench/run.ts`); this file and `results.json` are written by it. Each goal comes from the',
    'performance issue; **FAIL** marks a goal missed on this machine.',
    '',
    '## Machine',
    '',
    ...machineLines(results),
    '- PGlite as installed in package-lock.json. Every process (server, nginx, wrk, the bench itself) shares the same 2 cores; loopback only.',
    '',
    '## Rerun',
    '',
    '```sh',
    'npm run bench                                   # everything, about 10 minutes on a quiet machine',
    'npm run bench -- --only http,weight             # some goals (http, search, import, startup, weight, join, index, uploads, outage); the others are kept',
    'npm run bench -- --only search --no-synthetic   # skip the 100,000-supporter database',
    'npm run bench -- --only http --cpu-prof /tmp/p  # CPU profiles of our server under load (figures not recorded)',
    'npx tsx bench/profile-summary.ts /tmp/p/pglite  # where those profiles spend their time',
    'npm run bench -- --only search --no-write       # print figures without recording them',
    'npm run bench -- --report-only                  # re-render this file from results.json',
    '```',
    '',
    'Before each goal the bench waits (up to `--quiet-wait 600` s) for the 1-minute load average to drop under `--quiet-load 1`:',
    'on 2 cores, a test suite or a browser running at the same time moves every figure. It exits with 1 when a goal is missed.',
    '',
    'Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user `postgres` (`BENCH_POSTGRES_URL` overrides), root for `apt-get`',
    '(nginx and wrk) when they are missing, and `../shared/data/pariscall.international`. It creates and drops its own',
    'databases (`pariscall_bench_*`), temp dirs and processes, also on failure or Ctrl-C.',
    '',
  ];
  for (const goal of results.goals) {
    lines.push(`## ${goal.title}`, '', `Measured ${goal.date ?? 'unknown date'}${goal.commit ? ` at commit ${goal.commit}` : ''}${goal.loadAverage !== undefined ? ` (1-minute load average at the start: ${goal.loadAverage})` : ''}.`, '');
    if (goal.error) lines.push(`**The run failed:** ${cell(goal.error)}`, '');
    if (goal.figures.length > 0) {
      lines.push('| figure | measured | goal | result |', '| --- | --- | --- | --- |');
      for (const f of goal.figures) lines.push(`| ${cell(f.figure)} | ${cell(f.display)} | ${cell(f.goal)} | ${verdict(f.pass)} |`);
      lines.push('');
    }
    for (const note of goal.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

const keepStart = '<!-- analysis: kept across runs -->';
const keepEnd = '<!-- /analysis -->';

/** The hand-written analysis at the end of README.md, between the markers, survives regeneration. */
function keptAnalysis(): string {
  try {
    const text = fs.readFileSync(readmePath, 'utf8');
    const start = text.indexOf(keepStart);
    const end = text.indexOf(keepEnd);
    return start >= 0 && end > start ? `${text.slice(start, end + keepEnd.length)}\n` : '';
  } catch {
    return '';
  }
}

export function writeResults(results: Results): void {
  const analysis = keptAnalysis();
  fs.writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(readmePath, renderReadme(results) + analysis);
}

/** The one-screen summary printed at the end of a run. */
export function summaryTable(goals: GoalResult[]): string {
  const rows = goals.flatMap((g) =>
    g.error ? [[g.title, 'ERROR', g.error.split('\n')[0] ?? '', '']] : g.figures.map((f) => [f.figure, f.display, f.goal, f.pass === null ? '-' : f.pass ? 'pass' : 'FAIL']),
  );
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return rows.map(([a, b, c, d]) => `${(d ?? '').padEnd(5)} ${clip(a ?? '', 70).padEnd(70)} ${clip(b ?? '', 60).padEnd(60)} ${c}`).join('\n');
}
