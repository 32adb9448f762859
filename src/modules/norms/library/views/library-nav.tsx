import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { libraryMessages } from '../library.messages.js';

/** The library's addresses. */
export const libraryHref = {
  library: (locale: Locale) => `/${locale}/practices`,
  compare: (locale: Locale) => `/${locale}/practices/compare`,
  coverage: (locale: Locale) => `/${locale}/practices/coverage`,
  feed: (locale: Locale) => `/${locale}/practices/feed.atom`,
  csv: (locale: Locale) => `/${locale}/practices.csv`,
  json: (locale: Locale) => `/${locale}/practices.json`,
};

/** The library's own pages, the current one marked. */
export function LibraryNav({ locale, current }: { locale: Locale; current: 'library' | 'compare' | 'coverage' }): JSX.Element {
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const link = (page: 'library' | 'compare' | 'coverage', label: string) => (
    <li>
      <a href={libraryHref[page](locale)} aria-current={current === page ? 'page' : undefined} safe>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('nav.label')} class="library-nav">
      <ul class="links">
        {link('library', t('nav.library'))}
        {link('compare', t('nav.compare'))}
        {link('coverage', t('nav.coverage'))}
        <li>
          <a href={`/${locale}/norms`} safe>
            {t('nav.norms')}
          </a>
        </li>
        <li>
          <a href={`/${locale}/norms/crosswalk`} safe>
            {t('nav.crosswalk')}
          </a>
        </li>
        <li>
          <a href={libraryHref.feed(locale)} type="application/atom+xml">
            {safeT('nav.feed')}
          </a>
        </li>
        <li>
          <a href="/api/docs">{safeT('nav.api')}</a>
        </li>
      </ul>
    </nav>
  );
}
