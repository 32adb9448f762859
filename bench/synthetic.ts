/**
 * 100,000 synthetic supporters for the search bench at scale. Names say what they are ("Synthetic Org 000123 Cyber
 * Labs"); category, country, sub-type, dates and the presence of a website or statement are copied from a real
 * supporter drawn at random (seeded), so facets and dates follow the real registry's distribution. They are written
 * only into a bench database (pariscall_bench_*) that the bench drops at the end: never shown as real data.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/app/database/database.js';
import { toRow } from '../src/modules/supporters/supporters.import.js';
import type { SupporterRecord } from '../src/modules/supporters/supporters.models.js';
import { readOfficialSupporters } from '../src/modules/supporters/supporters.source.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { officialDir } from './lib/paths.js';

export const syntheticCount = 100_000;

const firstWords = ['Cyber', 'Micro', 'Société', 'Global', 'Secure', 'Digital', 'Numérique', 'Open', 'Trust', 'Data', 'Cloud', 'Network', 'Civic', 'Nordic', 'Atlantic', 'Pacific', 'Sécurité', 'Quantum', 'Public', 'Resilience'];
const secondWords = ['Labs', 'Systems', 'Solutions', 'Institute', 'Foundation', 'Alliance', 'University', 'Université', 'Association', 'Centre', 'Group', 'Partners', 'Security', 'Research', 'Technologies', 'Fondation', 'Academy', 'Forum', 'Conseil', 'Network'];

/** mulberry32: a small seeded generator, so every run builds the same registry. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds `count` synthetic records from the real registry's records used as templates. */
export function generateSyntheticSupporters(templates: SupporterRecord[], count: number, seed = 20181112): SupporterRecord[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const template = pick(templates);
    const number = String(index + 1).padStart(6, '0');
    const name = `Synthetic Org ${number} ${pick(firstWords)} ${pick(secondWords)}`;
    const statement = template.statement
      ? `Synthetic statement ${number}: ${Array.from({ length: Math.max(3, Math.round(template.statement.length / 8)) }, () => pick([...firstWords, ...secondWords]).toLowerCase()).join(' ')}.`
      : '';
    return {
      ...template,
      slug: `synthetic-org-${number}-${template.category ?? 'none'}-${template.sourceCountryCode ?? 'XXX'}`,
      name,
      website: template.website ? `https://synthetic-org-${number}.example` : null,
      twitter: template.twitter ? `synthetic${number}` : null,
      linkedin: template.linkedin ? `https://www.linkedin.com/company/synthetic-org-${number}` : null,
      statement,
      source: `synthetic:${number}`,
    };
  });
}

/** Generates and bulk-inserts the synthetic registry (multi-row inserts in one transaction), then VACUUM ANALYZE. */
export async function insertSyntheticSupporters(handle: DatabaseHandle, count: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const { records: templates } = await readOfficialSupporters(officialDir);
  const rows = generateSyntheticSupporters(templates, count).map(toRow);
  // 24 columns × 1,000 rows stays under PostgreSQL's 65,535 bind parameters per statement.
  const batch = 1000;
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batch) await tx.insert(supporters).values(rows.slice(i, i + batch));
  });
  // The steady state autovacuum reaches after a bulk load: statistics and the visibility map (index-only scans).
  await handle.db.execute(sql`vacuum analyze supporters`);
  return { rows: rows.length, ms: performance.now() - started };
}
