import { Layout } from '../../../../app/html/layout.js';
import { escaping, formatDate, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { toolkitMessages } from '../../toolkit.messages.js';
import type { Download } from '../toolkit.exports.downloads.js';
import type { PublishedToolkit } from '../toolkit.exports.queries.js';

export interface ListedDownload {
  download: Download;
  /** The file's size in bytes, measured by building it. */
  bytes: number;
}

/** The downloads page: every export with its format, contents and size, how to filter, the API, the attribution. */
export function DownloadsPage(props: { locale: Locale; toolkit: PublishedToolkit; downloads: ListedDownload[] }): JSX.Element {
  const { locale, toolkit } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const base = `/${locale}/toolkit/export`;
  const counts = { frameworks: toolkit.frameworks.length, actions: toolkit.actions.length, cells: formatNumber(locale, toolkit.cells.length) };
  const example = `${base}/cells.csv?category=public-private&status=quoted`;
  return (
    <Layout locale={locale} title={t('export.page.title')} path="/toolkit/downloads">
      <h1>{safeT('export.page.title')}</h1>
      <p class="lead">{safeT('export.page.intro', { name: t('dataset.published'), date: formatDate(locale, toolkit.dataset.version) })}</p>
      <div class="table-scroll" role="region" aria-labelledby="toolkit-downloads-caption" tabindex="0">
        <table>
          <caption id="toolkit-downloads-caption">{safeT('export.page.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('export.page.file')}</th>
              <th scope="col">{safeT('export.page.format')}</th>
              <th scope="col">{safeT('export.page.contents')}</th>
              <th scope="col" class="num">
                {safeT('export.page.size')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.downloads.map(({ download, bytes }) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/${download.file}`} download="">
                    <code safe>{download.file}</code>
                  </a>
                </th>
                <td>{safeT(`export.format.${download.format}`)}</td>
                <td>{safeT(`export.file.${download.file}` as Parameters<typeof t>[0], counts)}</td>
                <td class="num">{safeT('export.page.kilobytes', { size: formatNumber(locale, Math.max(1, Math.round(bytes / 1024))) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{safeT('export.page.filters.title')}</h2>
      <p>{safeT('export.page.filters')}</p>
      <p>
        <a href={example}>
          <code safe>{example}</code>
        </a>
      </p>
      <h2>{safeT('export.page.api.title')}</h2>
      <p>{safeT('export.page.api')}</p>
      <p>
        <a href="/api/docs">{safeT('export.page.api.docs')}</a>
      </p>
      <p class="meta">{safeT('toolkit.attribution')}</p>
      <p class="meta">{safeT('export.page.licence')}</p>
      <p>
        <a href={`/${locale}/toolkit`}>{safeT('export.page.back')}</a>
      </p>
    </Layout>
  );
}
