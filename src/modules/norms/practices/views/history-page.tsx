import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import { diffContents } from '../practices.presenters.js';
import type { PublicPractice } from '../practices.queries.js';
import type { RevisionRow } from '../practices.repository.js';
import { DiffTable } from './diff-table.js';
import { dateText, practicesT, titleOf } from './practice-parts.js';

/** Every published version of a practice, newest first, each with its word-level changes from the one before. */
export function HistoryPage(props: { locale: Locale; found: PublicPractice; versions: RevisionRow[] }): JSX.Element {
  const { locale, versions } = props;
  const { practice, content, framework } = props.found;
  const { t, safeT } = practicesT(locale);
  const title = t('history.title', { title: titleOf(content, locale) });
  const newestFirst = versions.map((version, index) => ({ version, previous: versions[index - 1] ?? null })).reverse();
  return (
    <Layout locale={locale} title={title} path={`/practices/${practice.id}/history`}>
      <p class="breadcrumb">
        <a href={`/${locale}/practices/${practice.id}`}>{safeT('history.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      {versions.length === 0 ? (
        <p>{safeT('history.none')}</p>
      ) : (
        <>
          <p class="lead">{safeT('history.intro')}</p>
          {newestFirst.map(({ version, previous }) => (
            <section aria-labelledby={`version-${version.number}`}>
              <h2 id={`version-${version.number}`}>
                <span safe>{t('history.version', { number: version.number, date: dateText(locale, version.decidedAt ?? version.updatedAt) })}</span>
                {version.number === practice.publishedRevision ? <span class="badge">{safeT('history.current')}</span> : ''}
              </h2>
              {previous ? '' : <p>{safeT('history.first')}</p>}
              <DiffTable locale={locale} diffs={diffContents(previous?.content ?? null, version.content, locale, framework)} />
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
