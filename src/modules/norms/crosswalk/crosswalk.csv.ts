/** The crosswalk as CSV (see norms.csv.ts): one row per link, the principle's short name in the page's language. */
import type { Locale } from '../../../app/i18n/i18n.js';
import { writeCsv } from '../norms.csv.js';
import { crosswalkMessages } from './crosswalk.messages.js';
import { paragraphOf, shortNameIn, type CrosswalkLink, type PrincipleName } from './crosswalk.models.js';

export function crosswalkCsv(locale: Locale, links: readonly CrosswalkLink[], principles: readonly PrincipleName[]): string {
  const t = crosswalkMessages(locale);
  const headers = (['principle', 'principleName', 'norm', 'rationaleEn', 'rationaleFr', 'document', 'page', 'edited'] as const).map((key) => t(`crosswalk.csv.${key}`));
  const name = (number: number) => shortNameIn(principles.find((p) => p.number === number), locale);
  return writeCsv(headers, links, (link) => [
    link.principleNumber,
    name(link.principleNumber),
    paragraphOf(link.normCode),
    link.rationale.en,
    link.rationale.fr,
    link.source?.document,
    link.source?.page,
    link.editedBy !== null,
  ]);
}
