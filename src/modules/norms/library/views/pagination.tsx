/** The library's page links: previous, first, the pages around the current one, last, next. */
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { libraryMessages } from '../library.messages.js';
import type { LibraryPage as Result } from '../library.usecases.js';
import { libraryHref } from './library-nav.js';
import { libraryQuery, type LibraryState } from './query.js';

export function Pagination({ locale, state, result }: { locale: Locale; state: LibraryState; result: Result }): JSX.Element {
  if (result.pageCount <= 1) return '';
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const page = result.page;
  const pages = new Set<number>([1, result.pageCount]);
  for (let p = Math.max(1, page - 2); p <= Math.min(result.pageCount, page + 2); p++) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const href = (p: number) => libraryHref.library(locale) + libraryQuery({ ...state, page: p });
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {safeT('pagination.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {sorted.map((p, i) => (
          <>
            {i > 0 && p - (sorted[i - 1] ?? p) > 1 ? <li aria-hidden="true">…</li> : ''}
            <li>
              {p === page ? (
                <span aria-current="page">{safeT('pagination.page', { page: p })}</span>
              ) : (
                <a href={href(p)} aria-label={t('pagination.pageOf', { page: p, count: result.pageCount })}>
                  {String(p) as 'safe'}
                </a>
              )}
            </li>
          </>
        ))}
        {page < result.pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {safeT('pagination.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
