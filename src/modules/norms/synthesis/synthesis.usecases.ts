/**
 * Generating a synthesis of the published practices for a chosen set: public, since it shows only published data.
 * Reads the norms, the Call's principles, the set's practices and their supporters' registry entries, then builds the
 * document with the pure rules of synthesis.models.ts.
 */
import type { Executor } from '../../../app/database/database.js';
import { listPrinciples } from '../../call/call.usecases.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { listNorms } from '../norms.usecases.js';
import { buildSynthesis, type Synthesis, type SynthesisSupporter } from './synthesis.models.js';
import { sourcePassages } from './synthesis.passages.js';
import { createSynthesisRepository } from './synthesis.repository.js';
import type { SynthesisFilters } from './synthesis.schemas.js';

export async function generateSynthesis(input: { db: Executor; filters: SynthesisFilters }): Promise<Synthesis> {
  const { db, filters } = input;
  const [practices, norms, principles, passages] = await Promise.all([
    createSynthesisRepository(db).listPublished({ origin: filters.origin, year: filters.year, principle: filters.principle, norm: filters.norm }),
    listNorms({ db }),
    listPrinciples({ db }),
    sourcePassages(),
  ]);
  const ids = [...new Set(practices.map((p) => p.supporterId).filter((id): id is string => Boolean(id)))];
  const supporters = new Map<string, SynthesisSupporter>();
  // A withdrawn entry is not linked: its practices keep the name their source gives.
  for (const row of await listSupportersByIds(db, ids)) {
    if (row.status === 'published') supporters.set(row.id, { name: row.name, slug: row.slug, category: row.category, countryCode: row.countryCode });
  }
  return buildSynthesis({ filters, practices, supporters, norms: norms.items, principles, passages });
}

export interface SynthesisFormOptions {
  norms: Array<{ code: string; paragraph: string }>;
  principles: Array<{ number: number; shortName: { en?: string; fr?: string } }>;
}

/** The norms and principles the form offers. */
export async function synthesisFormOptions(input: { db: Executor }): Promise<SynthesisFormOptions> {
  const [norms, principles] = await Promise.all([listNorms({ db: input.db }), listPrinciples({ db: input.db })]);
  return { norms: norms.items.map(({ code, paragraph }) => ({ code, paragraph })), principles: principles.map(({ number, shortName }) => ({ number, shortName })) };
}
