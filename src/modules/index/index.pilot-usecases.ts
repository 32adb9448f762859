/**
 * The pilot edition: the open data of ../shared/data/index mapped onto the WG5 framework, created as a draft and
 * published by `pariscall index publish --pilot`. Its settings live here; the import of the sources in sources/.
 */
import { computeSnapshot, editionConfigOf, type EditionInputs } from './index.compute.js';
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from './index.models.js';
import { buildPilotEdition, PILOT_PIPELINE, type PilotEdition } from './sources/index.pilot.js';
import type { IndexEditionRow } from './index.tables.js';
import {
  authorizeEditionActor, createDraftEdition, publishEdition, type CreateDraftInput, type EditionActor, type IndexDeps, type PrecomputedSnapshot,
} from './index.usecases.js';

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

/** The pilot's draft input, and its snapshot when the engine computed one (a failure is left for publication to report). */
export interface PreparedPilot {
  input: PilotDraftInput;
  computed?: PrecomputedSnapshot;
}

/**
 * Builds the pilot from the open data and computes its snapshot, with no database needed: the command does this before
 * opening one, so the Monte Carlo's arrays (about 100 MB) are freed before the embedded database takes its 140 MB.
 */
export async function preparePilotEdition(actor: EditionActor, input: { sourcesDir: string; slug: string }): Promise<PreparedPilot> {
  authorizeEditionActor(actor); // before the sources are read
  const draft = pilotDraftInput(await buildPilotEdition({ sourcesDir: input.sourcesDir }), input.slug);
  const inputs: EditionInputs = { iData: draft.iData, iMeta: draft.iMeta, source: draft.source, config: editionConfigOf(draft), withoutData: draft.withoutData };
  try {
    return { input: draft, computed: { inputs, snapshot: computeSnapshot(inputs) } };
  } catch {
    // Publication computes it again and reports the problem, the draft kept for inspection.
    return { input: draft };
  }
}

/**
 * `pariscall index publish --pilot`: builds the pilot from the open data (or takes it `prepared`), creates it as a
 * draft and publishes it. Two steps, each audited; if publication fails the draft stays for inspection.
 */
export async function publishPilotEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: { sourcesDir: string; slug: string; changesNote?: { en?: string; fr?: string }; prepared?: PreparedPilot },
): Promise<{ edition: IndexEditionRow }> {
  const prepared = input.prepared ?? (await preparePilotEdition(actor, input));
  await createDraftEdition(deps, actor, prepared.input, { computed: prepared.computed });
  return publishEdition(deps, actor, { slug: input.slug, changesNote: input.changesNote, computed: prepared.computed });
}
