/**
 * Published editions as the public pages and the API read them. A published edition's results never change (the
 * database refuses it), so each is read and parsed once per process and kept, for pages and API alike: the pilot's
 * snapshot is megabytes of JSON. Its state can change once: withdrawal, possibly by another process. So every `get`
 * re-reads the state (one small indexed query) and the list is read on every request: a withdrawn edition is never
 * served as current. A miss is not remembered: an edition published later (the CLI) is found on the next request.
 */
import { editionNotFound } from './index.errors.js';
import { getEditionState, getPublishedEdition, listPublishedEditions, type IndexDeps } from './index.usecases.js';

export type PublishedEdition = Awaited<ReturnType<typeof getPublishedEdition>>;

export function createPublishedEditions(deps: IndexDeps) {
  const editions = new Map<string, Promise<PublishedEdition>>();
  const load = (slug: string): Promise<PublishedEdition> => {
    const edition = getPublishedEdition(deps, slug);
    editions.set(slug, edition);
    edition.catch(() => editions.delete(slug));
    return edition;
  };
  return {
    /** The published (or withdrawn) edition with its current state, or the use case's 404. */
    async get(slug: string): Promise<PublishedEdition> {
      const state = await getEditionState(deps, slug);
      if (!state) {
        editions.delete(slug);
        throw editionNotFound();
      }
      let edition = await (editions.get(slug) ?? load(slug));
      if (edition.id !== state.id) edition = await load(slug);
      return { ...edition, status: state.status, withdrawnAt: state.withdrawnAt, withdrawalReason: state.withdrawalReason };
    },
    /** Published editions, newest first, withdrawn ones left out. */
    list: () => listPublishedEditions(deps),
  };
}

export type PublishedEditions = ReturnType<typeof createPublishedEditions>;
