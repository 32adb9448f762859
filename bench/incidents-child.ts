/**
 * Child of bench/incidents.ts (its own process, so its peak memory is the classification's alone): builds N random
 * incident records as the use cases hold them (objects with option keys), then classifies all of them in every frame
 * at once `rounds` times, each time from the objects (encoding included) with the shipped crosswalk and the default
 * NCISS configuration. Prints one JSON line.
 */
import { compileCrosswalk } from '../src/modules/incidents/incidents.crosswalk.js';
import { allocateFacts, allocateResults, classifyBatch, compileNciss, encodeFacts, type IncidentFacts } from '../src/modules/incidents/incidents.models.js';
import { defaultNcissConfig, ncissCategoryByKey } from '../src/modules/incidents/incidents.nciss.js';
import { ncscEffects, ncscVictims } from '../src/modules/incidents/incidents.ncsc.js';
import { nisRootCauses } from '../src/modules/incidents/incidents.nis.js';
import { rsitTypeKeys } from '../src/modules/incidents/incidents.rsit.js';
import { shippedCrosswalk } from '../src/modules/incidents/incidents.test-support.js';

const n = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 20);

// A small deterministic generator (mulberry32), so every run classifies the same records.
let seed = 0x9e3779b9;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const keys = (category: keyof typeof ncissCategoryByKey) => ncissCategoryByKey[category].options.map((o) => o.key);

const records: IncidentFacts[] = Array.from({ length: n }, () => ({
  functionalImpact: pick(keys('functionalImpact')), observedActivity: pick(keys('observedActivity')), location: pick(keys('location')), actor: pick(keys('actor')),
  informationImpact: [pick(keys('informationImpact')), pick(keys('informationImpact'))], recoverability: pick(keys('recoverability')),
  crossSectorDependency: [pick(keys('crossSectorDependency'))], potentialImpact: pick(keys('potentialImpact')),
  victim: pick(ncscVictims), effect: pick(ncscEffects), rsitType: pick(rsitTypeKeys), rootCause: pick(nisRootCauses), crossBorder: random() < 0.2,
}));

const nciss = compileNciss(defaultNcissConfig);
const crosswalk = compileCrosswalk(shippedCrosswalk());
const facts = allocateFacts(n);
const out = allocateResults(n);
const timesMs: number[] = [];
let checksum = 0;
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  for (let i = 0; i < n; i++) encodeFacts(records[i]!, facts, i);
  classifyBatch(facts, nciss, crosswalk, out);
  timesMs.push(performance.now() - start);
  checksum = out.score.reduce((a, b) => a + b, 0) + out.agreement.reduce((a, b) => a + b, 0);
}
const levels = [0, 0, 0, 0, 0, 0];
for (const level of out.level) levels[level]!++;
console.log(JSON.stringify({ n, rounds, timesMs, checksum, levels, maxRssKb: process.resourceUsage().maxRSS, heapUsedMb: process.memoryUsage().heapUsed / 1048576 }));
