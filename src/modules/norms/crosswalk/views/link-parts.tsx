/** Pieces every view of a crosswalk link shares: its rationale in the page's language (or marked as not translated), and where it comes from. */
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { crosswalkMessages } from '../crosswalk.messages.js';
import { rationaleIn, shortNameIn, type CrosswalkLink, type PrincipleName } from '../crosswalk.models.js';

export type { PrincipleName };

/** "Principle 6: Lifecycle security". */
export const principleLabel = (locale: Locale, principle: PrincipleName | undefined, number: number) =>
  crosswalkMessages(locale)('crosswalk.principle', { number, name: shortNameIn(principle, locale) });

export function Rationale({ locale, link }: { locale: Locale; link: Pick<CrosswalkLink, 'rationale'> }): JSX.Element {
  const rationale = rationaleIn(link.rationale, locale);
  return (
    <p class="rationale">
      <span lang={rationale.lang} safe>
        {rationale.text}
      </span>
      {rationale.translated ? (
        ''
      ) : (
        <span class="note" safe>
          {` (${crosswalkMessages(locale)('crosswalk.notTranslated')})`}
        </span>
      )}
    </p>
  );
}

/** "WG4 report, p. 18" or "Written by the secretariat", and whether the secretariat edited an imported link. */
export function LinkSource({ locale, link }: { locale: Locale; link: Pick<CrosswalkLink, 'source' | 'editedBy'> }): JSX.Element {
  const safeT = escaping(crosswalkMessages(locale));
  const safeFrom = link.source ? safeT('crosswalk.source.report', { page: link.source.page }) : safeT('crosswalk.source.platform');
  return (
    <span class="meta">
      {safeFrom}
      {link.source && link.editedBy ? ` (${safeT('crosswalk.edited')})` : ''}
    </span>
  );
}
