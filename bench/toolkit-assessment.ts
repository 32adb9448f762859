/**
 * Toolkit goal: a self-assessment's gap report for 25 actions × 35 frameworks, set cover included, under 20 ms. The
 * report is computed as the report page computes it (buildGapReport: applicability from the stakeholder matrix,
 * priorities, recommendations, the exact minimum set cover, the change since the previous version), from the
 * published data set as the reference bundle ships it, in this process. Cases: everything at level 0 for a company
 * that buys and develops (the most gaps), the same with every framework declared as applied (the tie-break explores
 * every cover of the minimum size), and seeded random assessments of every kind of organisation.
 */
import { buildGapReport } from '../src/modules/toolkit/assessment/assessment.report.js';
import { bundleReference, buildAssessment } from '../src/modules/toolkit/assessment/assessment.test-support.js';
import type { Assessment } from '../src/modules/toolkit/assessment/assessment.schemas.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatMs, median, percentile } from './lib/stats.js';

const goalMs = 20;

function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export async function benchToolkitAssessment(options: { randomCases: number; rounds: number }): Promise<GoalResult> {
  const { data, marks } = await bundleReference();
  const allKeys = data.frameworks.map((f) => f.key);
  const worst = buildAssessment({ level: 0 });
  const allApplied = buildAssessment({ level: 0, context: { frameworksApplied: allKeys } });
  const random = seeded(2021);
  const kinds = ['public-sector', 'international-organization', 'private-organization'] as const;
  const randomCases: Assessment[] = Array.from({ length: options.randomCases }, () => {
    const answers = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`A${i + 1}`, { level: Math.floor(random() * 6) }]));
    const current = buildAssessment({
      answers,
      context: { organisationKind: kinds[Math.floor(random() * 3)]!, customer: random() < 0.7, developer: random() < 0.5, frameworksApplied: allKeys.filter(() => random() < 0.2) },
    });
    // Half of them re-assessments, so the comparison with the previous version is timed too.
    return random() < 0.5 ? { ...current, previous: [buildAssessment({ level: 1 }).current] } : current;
  });

  const time = (assessment: Assessment): number => {
    const started = performance.now();
    buildGapReport(assessment, data, marks);
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) time(worst); // warm-up (JIT)
  // Each case is timed `rounds` times and its median kept: on a shared 2-core machine a single timing also measures the
  // scheduler and the garbage collector (the raw timings are reported beside, for context).
  const raw: number[] = [];
  const perCase = (assessment: Assessment): number => {
    const runs = Array.from({ length: options.rounds }, () => time(assessment));
    raw.push(...runs);
    return median(runs);
  };
  const samples = { worst: [perCase(worst)], allApplied: [perCase(allApplied)], random: randomCases.map(perCase) };
  const all = [...samples.worst, ...samples.allApplied, ...samples.random];
  const worstReport = buildGapReport(allApplied, data, marks);
  const max = Math.max(...all);
  const p99 = percentile(all, 99);
  const describe = (s: number[]) => (s.length === 1 ? formatMs(s[0]!) : `p50 ${formatMs(median(s))}, p99 ${formatMs(percentile(s, 99))}, max ${formatMs(Math.max(...s))}`);
  const rawNote = `p50 ${formatMs(median(raw))}, p99 ${formatMs(percentile(raw, 99))}, max ${formatMs(Math.max(...raw))}`;
  console.log(`  level 0: ${describe(samples.worst)}; level 0 and every framework applied: ${describe(samples.allApplied)}; random: ${describe(samples.random)}; raw timings: ${rawNote}`);
  return {
    id: 'toolkit-assessment',
    title: '11. Toolkit self-assessment: gap report',
    figures: [
      figure('Gap report, 25 actions × 35 frameworks, set cover included: slowest case', max, 'ms', `${formatMs(max)} (p50 ${formatMs(median(all))}, p99 ${formatMs(p99)}; ${all.length} cases, median of ${options.rounds} runs each)`, `< ${goalMs} ms`, max < goalMs),
      figure('Every action at 0, every framework applied', samples.allApplied[0]!, 'ms', `${formatMs(samples.allApplied[0]!)} (${worstReport.gaps.length} gaps, cover of ${worstReport.cover.chosen.length} frameworks, ${worstReport.cover.explored} search nodes)`, `< ${goalMs} ms`, samples.allApplied[0]! < goalMs),
      figure('Raw timings, every run', percentile(raw, 99), 'ms', `p99 ${formatMs(percentile(raw, 99))} (${rawNote}; ${raw.length} runs)`, 'context', null),
    ],
    notes: [
      `In-process computation (buildGapReport), the published data set from reference/toolkit: level 0 for a company that buys and develops ICT, the same with all 35 frameworks applied, and ${options.randomCases} seeded random assessments (kinds, roles, levels, applied frameworks; half with a previous version), each run ${options.rounds} times after a warm-up, its median kept. The raw p99 and max are single runs hit by the scheduler or the garbage collector on a shared machine (the slowest runs are not the cases whose search explores the most nodes).`,
      `Per case: level 0 ${describe(samples.worst)}; every framework applied ${describe(samples.allApplied)}; random ${describe(samples.random)}. Reading the data set from the database (4 queries) and rendering the page come on top; they do not depend on the answers.`,
    ],
    details: { cases: all.length, runs: raw.length, cover: worstReport.cover.chosen },
  };
}
