import { Layout } from '../../../../app/html/layout.js';
import type { Locale } from '../../../../app/i18n/i18n.js';
import type { OrganisationReports } from '../reports.queries.js';
import { dateText, reportsT } from './report-parts.js';

/** The organisations the person represents, each with its reports by year and, if they may, a link to start one. */
export function MyReportsPage(props: { locale: Locale; organisations: OrganisationReports[] }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = reportsT(locale);
  return (
    <Layout locale={locale} title={t('reports.account.title')} path="/account/reports" current="account">
      <p class="breadcrumb">
        <a href={`/${locale}/account`}>{safeT('reports.account.home')}</a>
      </p>
      <h1>{safeT('reports.account.title')}</h1>
      <p class="lead">{safeT('reports.lead')}</p>
      {props.organisations.length === 0 ? <p>{safeT('reports.account.none')}</p> : ''}
      {props.organisations.map(({ supporter, reports, canWrite, refusal }) => (
        <section aria-labelledby={`org-${supporter.id}`}>
          <h2 id={`org-${supporter.id}`} safe>
            {supporter.name}
          </h2>
          {reports.length === 0 ? (
            <p>{safeT('reports.account.noReports')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{safeT('reports.column.year')}</th>
                    <th scope="col">{safeT('reports.column.state')}</th>
                    <th scope="col">{safeT('reports.column.published')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.map((report) => (
                    <tr>
                      <th scope="row">
                        <a href={`/${locale}/account/organisations/${supporter.id}/reports/${report.year}`} aria-label={t('reports.account.open', { year: report.year })} safe>
                          {String(report.year)}
                        </a>
                      </th>
                      <td safe>{t(report.state === 'published' ? 'reports.state.published' : 'reports.state.draft')}</td>
                      <td>{report.publishedAt ? dateText(locale, report.publishedAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canWrite ? (
            <p>
              <a class="button" href={`/${locale}/account/organisations/${supporter.id}/reports/new`}>
                {safeT('reports.account.start')}
              </a>
            </p>
          ) : (
            <p class="note" safe>
              {refusal?.localize(locale) ?? ''}
            </p>
          )}
        </section>
      ))}
      <p>
        <a href={`/${locale}/reports`}>{safeT('reports.account.publicList')}</a>
      </p>
    </Layout>
  );
}
