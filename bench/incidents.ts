/**
 * Incidents goal: classifying 10,000 incident records in every frame at once (NCISS score and level, NCSC category,
 * RSIT class, EU Blueprint axes, and the crosswalk's agreement) takes under 1 s, with the process's peak memory.
 * Measured in a child process (bench/incidents-child.ts): the first round includes the JIT's warm-up, and it is the
 * figure held against the goal; the median of the following rounds is shown for context.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './lib/paths.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatMs, median } from './lib/stats.js';

const child = path.join(repoRoot, 'bench/incidents-child.ts');

export async function benchIncidents(options: { records: number; rounds: number }): Promise<GoalResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, String(options.records), String(options.rounds)], { cwd: repoRoot, timeout: 300_000 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { n: number; timesMs: number[]; levels: number[]; maxRssKb: number; heapUsedMb: number };
  const first = result.timesMs[0]!;
  const warm = median(result.timesMs.slice(1));
  const rssMb = result.maxRssKb / 1024;
  return {
    id: 'incidents',
    title: 'Classifying 10,000 incidents in every frame',
    figures: [
      figure(`${result.n.toLocaleString('en')} records, every frame, first (cold) round`, first, 'ms', formatMs(first), '< 1 s', first < 1000),
      figure('the same, median of the warm rounds', warm, 'ms', formatMs(warm), '', null),
      figure('peak memory of the process (RSS)', rssMb, 'MB', `${Math.round(rssMb)} MB`, '', null),
    ],
    notes: [`Priority levels of the random records (0–5): ${result.levels.join(', ')}.`],
    details: result,
  };
}
