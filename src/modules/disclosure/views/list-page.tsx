import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { freshnessFilters } from '../disclosure.constants.js';
import type { PublicList } from '../disclosure.queries.js';
import type { PolicyJson } from '../disclosure.schemas.js';
import { dateText, dateTimeText, disclosureT, FreshnessBadges } from './parts.js';

export interface ListFilters {
  q?: string | undefined;
  policy?: 'yes' | 'no' | undefined;
  freshness?: (typeof freshnessFilters)[number] | undefined;
  country?: string | undefined;
  category?: string | undefined;
}

export interface ListPageProps {
  locale: Locale;
  items: PolicyJson[];
  total: number;
  counts: PublicList['counts'];
  facets: PublicList['facets'];
  filters: ListFilters;
  page: number;
  pageSize: number;
}

const countryText = (code: string | null, locale: Locale): string => (code ? countryName(code, locale) : '—');

const categories = ['state', 'public-authority', 'private-sector', 'civil-society'] as const;

/** The public registry: search and filters (a plain GET form), counts, a table, paging, open data links. */
export function ListPage(props: ListPageProps): JSX.Element {
  const { locale, filters } = props;
  const { t, safeT } = disclosureT(locale);
  const params = (extra: Record<string, string>) => {
    const entries = Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
    return new URLSearchParams(entries).toString();
  };
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const selected = (value: string | undefined, option: string) => (value === option ? { selected: true } : {});
  return (
    <Layout locale={locale} title={t('disclosure.title')} path="/disclosure">
      <h1>{safeT('disclosure.title')}</h1>
      <p class="lead">{safeT('disclosure.lead')}</p>
      <form method="get" action={`/${locale}/disclosure`} class="form filters" role="search">
        <div class="field">
          <label for="q">{safeT('disclosure.filter.q')}</label>
          <input type="search" id="q" name="q" value={filters.q ?? ''} />
        </div>
        <div class="field">
          <label for="policy">{safeT('disclosure.filter.policy')}</label>
          <select id="policy" name="policy">
            <option value="">{safeT('disclosure.filter.any')}</option>
            <option value="yes" {...selected(filters.policy, 'yes')}>{safeT('disclosure.filter.policy.yes')}</option>
            <option value="no" {...selected(filters.policy, 'no')}>{safeT('disclosure.filter.policy.no')}</option>
          </select>
        </div>
        <div class="field">
          <label for="freshness">{safeT('disclosure.filter.freshness')}</label>
          <select id="freshness" name="freshness">
            <option value="">{safeT('disclosure.filter.any')}</option>
            {freshnessFilters.map((f) => (
              <option value={f} {...selected(filters.freshness, f)} safe>
                {t(`disclosure.filter.freshness.${f}`, { count: props.counts[f] })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="country">{safeT('disclosure.filter.country')}</label>
          <select id="country" name="country">
            <option value="">{safeT('disclosure.filter.any')}</option>
            {props.facets.countries.map((code) => (
              <option value={code} {...selected(filters.country, code)} safe>
                {countryName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="category">{safeT('disclosure.filter.category')}</label>
          <select id="category" name="category">
            <option value="">{safeT('disclosure.filter.any')}</option>
            {categories.map((c) => (
              <option value={c} {...selected(filters.category, c)} safe>
                {t(`disclosure.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{safeT('disclosure.filter.submit')}</button>
      </form>
      <p role="status" safe>{t('disclosure.count', { count: props.total })}</p>
      {props.items.length === 0 ? (
        <p>{safeT('disclosure.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('disclosure.column.organisation')}</th>
                <th scope="col">{safeT('disclosure.column.country')}</th>
                <th scope="col">{safeT('disclosure.column.status')}</th>
                <th scope="col">{safeT('disclosure.column.expires')}</th>
                <th scope="col">{safeT('disclosure.column.fetched')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={`/${locale}${item.path}`} safe>
                      {item.supporter.name}
                    </a>
                  </th>
                  <td safe>{countryText(item.supporter.country, locale)}</td>
                  <td>
                    <FreshnessBadges locale={locale} freshness={item.freshness} />
                  </td>
                  <td safe>{dateText(locale, item.freshness.expiresAt)}</td>
                  <td safe>{dateTimeText(locale, item.freshness.lastFetchedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('disclosure.paging')}>
          <ul>
            {Array.from({ length: pages }, (_, i) => i + 1).map((page) => (
              <li>{page === props.page ? <span aria-current="page" safe>{String(page)}</span> : <a href={`?${params({ page: String(page) })}`} safe>{String(page)}</a>}</li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      <h2>{safeT('disclosure.data')}</h2>
      <ul>
        <li>
          <a href={`/api/v1/disclosure-policies?${params({})}`}>{safeT('disclosure.data.api')}</a>
        </li>
        <li>
          <a href={`/api/v1/disclosure-policies.csv?${params({})}`}>{safeT('disclosure.data.csv')}</a>
        </li>
      </ul>
    </Layout>
  );
}
