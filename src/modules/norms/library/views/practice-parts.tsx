/** How one published practice reads in the library's lists: its title in the page's language and a line of facts. */
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { libraryMessages } from '../library.messages.js';
import { attributionOf, shownText } from '../library.models.js';
import type { LibraryPractice } from '../library.usecases.js';
import { kindLabel, normLabel, statusLabel } from './labels.js';

/** The practice's public page (the practices' own pages serve it). */
export const practiceHref = (locale: Locale, id: string) => `/${locale}/practices/${encodeURIComponent(id)}`;

/**
 * The title as a link, in the page's language when it has one; otherwise the original, in its language, marked "not
 * translated". A translation is marked as one too.
 */
export function PracticeTitle({ locale, practice }: { locale: Locale; practice: Pick<LibraryPractice, 'id' | 'title' | 'original'> }): JSX.Element {
  const safeT = escaping(libraryMessages(locale));
  const shown = shownText(practice.title, locale, practice.original);
  return (
    <>
      <a href={practiceHref(locale, practice.id)} lang={shown && shown.lang !== locale ? shown.lang : undefined} safe>
        {shown?.text ?? practice.id}
      </a>
      {shown?.state === 'not-translated' ? <> <span class="badge">{safeT('text.notTranslated')}</span></> : ''}
      {shown?.state === 'translation' ? <> <span class="badge">{safeT('text.translation')}</span></> : ''}
    </>
  );
}

/** Attribution · kind · status · year, then the norms and principles it implements. */
export function PracticeFacts({ locale, practice }: { locale: Locale; practice: LibraryPractice }): JSX.Element {
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const by = attributionOf(locale, practice);
  const facts = [kindLabel(locale, practice.kind), statusLabel(locale, practice.implementationStatus), practice.year === null ? null : String(practice.year)].filter(
    (fact): fact is string => fact !== null,
  );
  return (
    <>
      <p class="meta">
        {by ? (
          practice.supporter ? (
            <a href={`/${locale}/supporters/${encodeURIComponent(practice.supporter.slug)}`} safe>
              {by}
            </a>
          ) : (
            <span safe>{by}</span>
          )
        ) : (
          safeT('value.noAttribution')
        )}
        {' · '}
        <span safe>{facts.join(' · ')}</span>
      </p>
      <p class="meta">
        {practice.norms.length ? (
          <span>
            {safeT('facts.norms')}{' '}
            {practice.norms.map((code, i) => (
              <>
                {i ? ', ' : ''}
                <a href={`/${locale}/norms/${code}`} safe>
                  {normLabel(code)}
                </a>
              </>
            ))}
          </span>
        ) : (
          ''
        )}
        {practice.norms.length && practice.principles.length ? ' · ' : ''}
        {practice.principles.length ? (
          <span>
            {safeT('facts.principles')}{' '}
            {practice.principles.map((n, i) => (
              <>
                {i ? ', ' : ''}
                <a href={`/${locale}/principles/${n}`} aria-label={t('principle.number', { n })}>
                  {String(n) as 'safe'}
                </a>
              </>
            ))}
          </span>
        ) : (
          ''
        )}
      </p>
    </>
  );
}
