/**
 * 50,000 synthetic practices for the practice-search bench. Titles and descriptions say what they are ("Synthetic
 * practice 000123 …"), drawn from a bilingual vocabulary with accents (so folded search has work to do), drawn as words are in real text; norms,
 * principles, kinds, statuses, years, countries and categories are drawn at random (seeded), with more practices for
 * a few countries, as a G7 synthesis gives. One row in ten is a draft or withdrawn, which no search may return. They
 * are written only into a bench database (pariscall_bench_*) that the bench drops at the end: never shown as real data.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/app/database/database.js';
import { createLibraryRepository } from '../src/modules/norms/library/library.repository.js';
import { practiceSearchText } from '../src/modules/norms/practices/practices.content.js';
import { implementationStatuses, practiceKinds } from '../src/modules/norms/practices/practices.constants.js';
import type { practices } from '../src/modules/norms/practices/practices.tables.js';
import { supporterCategories } from '../src/modules/supporters/supporters.constants.js';

export const syntheticPracticeCount = 50_000;

/**
 * The vocabulary: domain words (one per language at each rank, so English and French texts hold the same words) among
 * 400 made-up filler words per language ("valomir"). Words are drawn with Zipf's law (weight 1/rank), as in real text:
 * "security"/"sécurité" is in most practices, "élections" in one in a hundred.
 */
const domainWords: Array<[string, string]> = [
  ['security', 'sécurité'], ['cyber', 'cyber'], ['national', 'nationale'], ['cooperation', 'coopération'], ['strategy', 'stratégie'],
  ['infrastructure', 'infrastructures'], ['incident', 'incidents'], ['critical', 'critiques'], ['resilience', 'résilience'], ['response', 'réponse'],
  ['capacity', 'capacités'], ['training', 'formation'], ['agency', 'agence'], ['framework', 'cadre'], ['awareness', 'sensibilisation'],
  ['vulnerability', 'vulnérabilités'], ['disclosure', 'divulgation'], ['supply', 'approvisionnement'], ['chain', 'chaîne'], ['exercise', 'exercice'],
  ['certification', 'certification'], ['protection', 'protection'], ['ecosystem', 'écosystème'], ['election', 'élections'],
];
const syllables = ['va', 'lo', 'mir', 'ta', 'ne', 'ri', 'ko', 'sa', 'lu', 'pe', 'do', 'ga', 'fi', 'ro', 'mu', 'zel', 'bri', 'ten'];
function fillerWords(seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: 400 }, () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
}
/** Domain words at ranks 0, 2, 5, 9, 14… (k(k+3)/2): filler words take the ranks between, as function words do in real text. */
function interleave(domain: string[], filler: string[]): string[] {
  const words = [...filler];
  domain.forEach((word, k) => words.splice((k * (k + 3)) / 2, 0, word));
  return words;
}
const vocabulary = { en: interleave(domainWords.map(([en]) => en), fillerWords(1)), fr: interleave(domainWords.map(([, fr]) => fr), fillerWords(2)) };
/** Cumulative Zipf weights over the vocabulary's ranks. */
const zipf = (() => {
  const weights = vocabulary.en.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

/** Countries drawn more often first (G7 and frequent supporters), then a long tail. */
const frequentCountries = ['FRA', 'USA', 'DEU', 'GBR', 'JPN', 'CAN', 'ITA'];
const otherCountries = ['AUS', 'AUT', 'BEL', 'BRA', 'CHE', 'CHL', 'COL', 'CZE', 'DNK', 'ESP', 'EST', 'FIN', 'GHA', 'GRC', 'IND', 'IRL', 'ISR', 'KEN', 'KOR', 'LTU', 'LUX', 'LVA', 'MAR', 'MEX', 'NGA', 'NLD', 'NOR', 'NZL', 'POL', 'PRT', 'ROU', 'SEN', 'SGP', 'SVK', 'SVN', 'SWE', 'TUN', 'UKR', 'URY', 'ZAF'];
const norms = ['13a', '13b', '13c', '13d', '13e', '13f', '13g', '13h', '13i', '13j', '13k'];

/** mulberry32: a small seeded generator, so every run builds the same library. */
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

export function generateSyntheticPractices(count: number, seed = 20191112): Array<typeof practices.$inferInsert> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(items)))];
  const word = (language: 'en' | 'fr') => {
    const r = next();
    let rank = zipf.findIndex((cumulative) => r <= cumulative);
    if (rank < 0) rank = zipf.length - 1;
    return vocabulary[language][rank]!;
  };
  const phrase = (language: 'en' | 'fr', length: number) => Array.from({ length }, () => word(language)).join(' ');
  const start = Date.UTC(2019, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(6, '0');
    const original = next() < 0.6 ? 'en' : 'fr';
    const translated = next() < 0.5;
    const title = { [original]: `Synthetic practice ${number} ${phrase(original, 3 + Math.floor(next() * 5))}`, ...(translated ? { [original === 'en' ? 'fr' : 'en']: `Synthetic practice ${number} ${phrase(original === 'en' ? 'fr' : 'en', 3 + Math.floor(next() * 5))}` } : {}) };
    const description = { [original]: `${phrase(original, 20 + Math.floor(next() * 41))}.` };
    const attribution = { en: `Synthetic actor ${String(Math.floor(next() * 2000)).padStart(4, '0')}` };
    const roll = next();
    const state = roll < 0.05 ? 'draft' : roll < 0.1 ? 'withdrawn' : 'published';
    return {
      origin: 'platform',
      state,
      title,
      description,
      original,
      attribution,
      category: next() < 0.1 ? null : pick(supporterCategories),
      kind: pick(practiceKinds),
      implementationStatus: pick(implementationStatuses),
      year: 2015 + Math.floor(next() * 11),
      principles: some([1, 2, 3, 4, 5, 6, 7, 8, 9], 3).sort(),
      norms: some(norms, 3).sort(),
      sectors: ['all'],
      countries: next() < 0.05 ? [] : some(next() < 0.5 ? frequentCountries : otherCountries, 3),
      searchText: practiceSearchText({ title, description }, attribution),
      publishedRevision: state === 'draft' ? null : 1,
      publishedAt: state === 'draft' ? null : new Date(start + Math.floor(next() * 6 * 365 * 86_400_000)),
      createdBy: 'bench:synthetic',
    };
  });
}

/** Generates and bulk-inserts the synthetic library in one transaction, then VACUUM ANALYZE (what autovacuum reaches). */
export async function insertSyntheticPractices(handle: DatabaseHandle, count: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const rows = generateSyntheticPractices(count);
  await handle.db.transaction((tx) => createLibraryRepository(tx).insertMany(rows));
  await handle.db.execute(sql`vacuum analyze practices`);
  return { rows: rows.length, ms: performance.now() - started };
}
