import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { applicationMessages } from '../applications.messages.js';
import { kindLabel } from '../applications.models.js';
import { queuePageSize } from '../applications.repository.js';
import { applicationStatuses, type QueueFilters } from '../applications.schemas.js';
import type { ApplicationRow } from '../applications.tables.js';

export interface QueuePageProps {
  locale: Locale;
  filters: QueueFilters;
  rows: ApplicationRow[];
  total: number;
  path: string;
}

function queueHref(locale: Locale, filters: QueueFilters, page: number): string {
  const params = new URLSearchParams();
  params.set('status', filters.status);
  params.set('kind', filters.kind);
  if (filters.category) params.set('category', filters.category);
  if (filters.q) params.set('q', filters.q);
  params.set('page', String(page));
  return `/${locale}/secretariat/applications?${params.toString()}`;
}

/** The secretariat's moderation queue: filterable, newest activity first, with the checks summarised per row. */
export function QueuePage(props: QueuePageProps): JSX.Element {
  const { locale, filters } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const s = supporterMessages(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const lastPage = Math.max(1, Math.ceil(props.total / queuePageSize));
  return (
    <Layout locale={locale} title={t('queue.title')} path={props.path} current="secretariat">
      <h1>{safeT('queue.title')}</h1>
      <p class="lead">{safeT('queue.intro')}</p>
      <p>
        <a href={`/${locale}/secretariat/supporters`}>{safeT('find.link')}</a> ·{' '}
        <a href={`/${locale}/secretariat/deliveries`}>{safeT('deliveries.link')}</a> ·{' '}
        <a href={`/${locale}/secretariat/jobs`}>{safeT('jobs.link')}</a>
      </p>
      <form class="filters-inline" method="get" action={`/${locale}/secretariat/applications`}>
        <div class="actions">
          <div class="field">
            <label for="status">{safeT('queue.filter.status')}</label>
            <select id="status" name="status">
              <option value="open" selected={filters.status === 'open'}>
                {safeT('queue.filter.status.open')}
              </option>
              {applicationStatuses.map((status) => (
                <option value={status} selected={filters.status === status}>
                  {safeT(`status.${status}`)}
                </option>
              ))}
              <option value="all" selected={filters.status === 'all'}>
                {safeT('queue.filter.status.all')}
              </option>
            </select>
          </div>
          <div class="field">
            <label for="kind">{safeT('queue.filter.kind')}</label>
            <select id="kind" name="kind">
              <option value="all" selected={filters.kind === 'all'}>
                {safeT('queue.filter.kind.all')}
              </option>
              <option value="join" selected={filters.kind === 'join'}>
                {safeT('kind.join')}
              </option>
              <option value="edit" selected={filters.kind === 'edit'}>
                {safeT('kind.edit')}
              </option>
              <option value="claim" selected={filters.kind === 'claim'}>
                {safeT('kind.claim')}
              </option>
            </select>
          </div>
          <div class="field">
            <label for="category">{safeT('queue.filter.category')}</label>
            <select id="category" name="category">
              <option value="">{safeT('queue.filter.category.all')}</option>
              {supporterCategories.map((c) => (
                <option value={c} selected={filters.category === c} safe>
                  {s(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="q">{safeT('queue.filter.q')}</label>
            <input type="search" id="q" name="q" value={filters.q ?? ''} />
          </div>
          <button type="submit">{safeT('queue.filter.submit')}</button>
        </div>
      </form>
      <p role="status">{safeT('queue.count', { count: props.total })}</p>
      {props.rows.length ? (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('queue.col.organisation')}</th>
                <th scope="col">{safeT('queue.col.kind')}</th>
                <th scope="col">{safeT('queue.col.status')}</th>
                <th scope="col">{safeT('queue.col.signals')}</th>
                <th scope="col">{safeT('queue.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => {
                const pass = row.signals.filter((x) => x.status === 'pass').length;
                const fail = row.signals.filter((x) => x.status === 'fail').length;
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/${locale}/secretariat/applications/${row.id}`} safe>
                        {row.name}
                      </a>
                      <br />
                      <span class="meta" safe>
                        {`${s(`category.${row.category as (typeof supporterCategories)[number]}`)} · ${row.countryCode ? countryName(row.countryCode, locale) : '—'}`}
                      </span>
                    </th>
                    <td>{safeT(kindLabel(row.kind))}</td>
                    <td>{safeT(`status.${row.status as (typeof applicationStatuses)[number]}`)}</td>
                    <td>
                      {safeT('queue.signals.summary', { pass, fail })}
                      {row.duplicates.length ? (
                        <>
                          <br />
                          <span class="badge fail">{safeT('queue.duplicates', { count: row.duplicates.length })}</span>
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                    <td safe>{dateTime.format(row.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      {lastPage > 1 ? (
        <nav class="pagination" aria-label={t('queue.title')}>
          <ul>
            {filters.page > 1 ? (
              <li>
                <a href={queueHref(locale, filters, filters.page - 1)}>{safeT('queue.previous')}</a>
              </li>
            ) : (
              ''
            )}
            <li>
              <span aria-current="page" safe>{`${formatNumber(locale, filters.page)} / ${formatNumber(locale, lastPage)}`}</span>
            </li>
            {filters.page < lastPage ? (
              <li>
                <a href={queueHref(locale, filters, filters.page + 1)}>{safeT('queue.next')}</a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </Layout>
  );
}
