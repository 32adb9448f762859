/**
 * The pilot edition: the open data of ../shared/data/index mapped onto the WG5 framework, created as a draft and
 * published by `pariscall index publish --pilot`. Its settings live here; the import of the sources in sources/.
 */
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from './index.models.js';
import { buildPilotEdition, PILOT_PIPELINE, type PilotEdition } from './sources/index.pilot.js';
import type { IndexEditionRow } from './index.tables.js';
import { authorizeEditionActor, createDraftEdition, publishEdition, type CreateDraftInput, type EditionActor, type IndexDeps } from './index.usecases.js';

/** Runs of the published pilot's Monte Carlo: more than a preview, still a few seconds at most. */
export const PILOT_UNCERTAINTY: UncertaintySettings = { ...DEFAULT_UNCERTAINTY, runs: 2048 };

/** The pilot's draft input always names its source and its framework's gaps. */
export type PilotDraftInput = CreateDraftInput & Required<Pick<CreateDraftInput, 'source' | 'withoutData' | 'uncertainty'>>;

/** The pilot edition (open data mapped onto the WG5 framework) as a draft's input; its gaps become `withoutData`. */
export function pilotDraftInput(edition: PilotEdition, slug: string): PilotDraftInput {
  return {
    slug,
    titles: { en: 'Cyberstability Index — Pilot', fr: 'Indice de cyberstabilité — Pilote' },
    iData: edition.iData,
    iMeta: edition.iMeta,
    config: PILOT_PIPELINE,
    uncertainty: PILOT_UNCERTAINTY,
    source: edition.sources.map((s) => s.source).join('; '),
    isPilot: true,
    withoutData: {
      categories: edition.categories.filter((c) => c.status === 'no data yet').map((c) => ({ code: c.code, name: c.name })),
      indicators: edition.categories.flatMap((c) => c.indicatorsWithoutData.map((i) => ({ code: i.code, name: i.name, category: c.name, subDimension: i.subDimension, rationale: i.rationale }))),
    },
  };
}

/**
 * `pariscall index publish --pilot`: builds the pilot from the open data, creates it as a draft and publishes it.
 * Two steps, each audited; if publication fails the draft stays for inspection.
 */
export async function publishPilotEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: { sourcesDir: string; slug: string; changesNote?: { en?: string; fr?: string } },
): Promise<{ edition: IndexEditionRow }> {
  authorizeEditionActor(actor); // before the sources are read
  const pilot = await buildPilotEdition({ sourcesDir: input.sourcesDir });
  await createDraftEdition(deps, actor, pilotDraftInput(pilot, input.slug));
  return publishEdition(deps, actor, { slug: input.slug, changesNote: input.changesNote });
}
