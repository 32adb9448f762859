import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { PublishedReport } from '../reports.queries.js';
import { dateText, reportsT } from './report-parts.js';

export interface ReportsListProps {
  locale: Locale;
  items: PublishedReport[];
  total: number;
  page: number;
  pageSize: number;
  /** The subject the list is narrowed to (`norm:13a`), with its label. */
  subject?: { value: string; label: string } | undefined;
}

/** The published reports, newest first, with their public sections counted; links to the open data. */
export function ReportsListPage(props: ReportsListProps): JSX.Element {
  const { locale } = props;
  const { t, safeT } = reportsT(locale);
  const query = (page: number) => `?${new URLSearchParams({ ...(props.subject ? { subject: props.subject.value } : {}), page: String(page) }).toString()}`;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const filter = props.subject ? `&subject=${encodeURIComponent(props.subject.value)}` : '';
  return (
    <Layout locale={locale} title={t('reports.title')} path={`/reports${props.subject ? `?subject=${encodeURIComponent(props.subject.value)}` : ''}`}>
      <h1>{safeT('reports.title')}</h1>
      <p class="lead">{safeT('reports.public.lead')}</p>
      {props.subject ? (
        <p class="chips">
          <span safe>{t('reports.public.filtered', { subject: props.subject.label })}</span> <a href={`/${locale}/reports`}>{safeT('reports.public.all')}</a>
        </p>
      ) : (
        ''
      )}
      {props.items.length === 0 ? (
        <p>{safeT('reports.public.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('reports.column.organisation')}</th>
                <th scope="col">{safeT('reports.column.year')}</th>
                <th scope="col">{safeT('reports.column.published')}</th>
                <th scope="col" class="num">{safeT('reports.column.sections')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map(({ report, supporter, sections }) => (
                <tr>
                  <th scope="row">
                    <a href={`/${locale}/reports/${supporter.slug}/${report.year}`} safe>
                      {supporter.name}
                    </a>
                  </th>
                  <td safe>{String(report.year)}</td>
                  <td>{report.publishedAt ? dateText(locale, report.publishedAt) : ''}</td>
                  <td class="num" safe>{String(sections.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('reports.title')}>
          <ul>
            {Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
              <li>{page === props.page ? <span aria-current="page" safe>{String(page)}</span> : <a href={query(page)} safe>{String(page)}</a>}</li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      <h2>{safeT('reports.public.dataHeading')}</h2>
      <p>{safeT('reports.public.data')}</p>
      <ul>
        <li>
          <a href={`/api/v1/reports?pageSize=100${filter}`}>{safeT('reports.public.api')}</a>
        </li>
        <li>
          <a href={`/api/v1/reports/sections.json${filter ? `?${filter.slice(1)}` : ''}`}>{safeT('reports.public.json')}</a>
        </li>
        <li>
          <a href={`/api/v1/reports/sections.csv${filter ? `?${filter.slice(1)}` : ''}`}>{safeT('reports.public.csv')}</a>
        </li>
      </ul>
    </Layout>
  );
}
