import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { QueueEntry } from '../practices.queries.js';
import { dateText, practicesT, titleOf } from './practice-parts.js';

/** The secretariat's queue of submitted practices, the longest waiting first. */
export function QueuePage(props: { locale: Locale; entries: QueueEntry[]; notice?: string | undefined }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = practicesT(locale);
  return (
    <Layout locale={locale} title={t('queue.title')} path="/secretariat/practices" current="secretariat">
      <h1>{safeT('queue.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <p class="lead">{safeT('queue.intro')}</p>
      {props.entries.length === 0 ? (
        <p>{safeT('queue.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{safeT('mine.practice')}</th>
                <th scope="col">{safeT('mine.organisation')}</th>
                <th scope="col">{safeT('queue.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map(({ practice, revision, organisation }) => (
                <tr>
                  <td>
                    <a href={`/${locale}/secretariat/practices/${practice.id}`} safe>
                      {titleOf(revision.content, locale) || practice.id}
                    </a>{' '}
                    <span class="meta" safe>
                      {`(${t('manage.version', { number: revision.number })}, ${practice.publishedRevision === null ? t('queue.first') : t('queue.update')})`}
                    </span>
                  </td>
                  <td safe>{organisation?.name ?? ''}</td>
                  <td safe>{dateText(locale, revision.submittedAt ?? revision.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
