/**
 * Published editions as the public pages and the API read them. A published edition never changes (the database
 * refuses it), so each is read and parsed once per process and kept, for pages and API alike: the pilot's snapshot is
 * megabytes of JSON. A miss is not remembered: an edition published later, possibly by another process (the CLI), is
 * found on the next request. The list of editions grows, so it is read on every request.
 */
import { getPublishedEdition, listPublishedEditions, type IndexDeps } from './index.usecases.js';

export type PublishedEdition = Awaited<ReturnType<typeof getPublishedEdition>>;

export function createPublishedEditions(deps: IndexDeps) {
  const editions = new Map<string, Promise<PublishedEdition>>();
  return {
    /** The published edition, or the use case's 404. */
    get(slug: string): Promise<PublishedEdition> {
      let edition = editions.get(slug);
      if (!edition) {
        edition = getPublishedEdition(deps, slug);
        editions.set(slug, edition);
        edition.catch(() => editions.delete(slug));
      }
      return edition;
    },
    list: () => listPublishedEditions(deps),
  };
}

export type PublishedEditions = ReturnType<typeof createPublishedEditions>;
