import { escapeHtml } from '@kitajs/html';
import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { categoryFacets, pageSizes, sortOrders, verificationLevels } from '../supporters.constants.js';
import { supporterMessages } from '../supporters.messages.js';
import type { SearchResult } from '../supporters.queries.js';
import type { FacetValue } from '../supporters.facets.js';
import { categoryLabel, countryLabel, joinedLabel, joinedShort, natureLabel, verificationLabel } from './labels.js';
import { listQuery, without, type ListState } from './query.js';

export interface ListPageProps {
  locale: Locale;
  state: ListState;
  result: SearchResult;
  path: string;
}

/** The registry: search box, combinable filters with counts, sortable paginated results. A GET form: works without JS. */
export function ListPage({ locale, state, result, path }: ListPageProps): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const base = `/${locale}/supporters`;
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  return (
    <Layout locale={locale} title={t('list.title')} path={path} current="supporters" scripts={['registry']} description={t('list.intro')}>
      <h1>{safeT('list.title')}</h1>
      <p class="lead">{safeT('list.intro')}</p>
      <form method="get" action={base} class="registry" id="registry-form" data-enhance="registry">
        <div class="search-row" role="search">
          <label for="q">{safeT('list.search.label')}</label>
          <div class="search-box">
            <input type="search" id="q" name="q" value={state.q ?? ''} aria-describedby="q-hint" maxlength="200" autocomplete="off" />
            <button type="submit">{safeT('list.search.submit')}</button>
          </div>
          <p id="q-hint" class="hint">
            {safeT('list.search.hint')}
          </p>
        </div>
        {/* Live updates replace the results below; this region stays in place so screen readers announce the new count. */}
        <p id="results-status" class="visually-hidden" role="status" aria-atomic="true"></p>
        <div class="registry-body">
          {/* Results first: on a phone they come before the filters, which wait behind a disclosure (open on wide screens). */}
          <Results locale={locale} state={state} result={result} base={base} first={first} last={last} />
          <section class="filters" aria-labelledby="filters-title">
            <details class="filters-disclosure">
              <summary>
                <h2 id="filters-title">{safeT('list.filters')}</h2>
              </summary>
              <fieldset>
                <legend>{safeT('list.filter.category')}</legend>
                {categoryFacets.map((category) => {
                  const count = result.facets.category.find((f) => f.value === category)?.count ?? 0;
                  if (count === 0 && !state.category.includes(category)) return '';
                  return (
                    <div class="check">
                      <input type="checkbox" id={`category-${category}`} name="category" value={category} checked={state.category.includes(category)} />
                      <label for={`category-${category}`}>
                        {categoryLabel(locale, category) as 'safe'} <span class="count">({formatNumber(locale, count) as 'safe'})</span>
                      </label>
                    </div>
                  );
                })}
              </fieldset>
              <FacetSelect
                locale={locale}
                id="country"
                label={t('list.filter.country')}
                values={result.facets.country}
                selected={state.country}
                labelOf={(v) => countryLabel(locale, v.value)}
                sortByLabel
              />
              <FacetSelect
                locale={locale}
                id="nature"
                label={t('list.filter.nature')}
                values={result.facets.nature}
                selected={state.nature}
                labelOf={(v) => natureLabel(v.value, v.label ?? null, locale) ?? v.value}
              />
              <fieldset>
                <legend>{safeT('list.filter.year')}</legend>
                {result.facets.year.map((v) => (
                  <div class="check">
                    <input type="checkbox" id={`year-${v.value}`} name="year" value={v.value} checked={state.year.includes(Number(v.value))} />
                    <label for={`year-${v.value}`}>
                      {v.value as 'safe'} <span class="count">({formatNumber(locale, v.count) as 'safe'})</span>
                    </label>
                  </div>
                ))}
              </fieldset>
              <fieldset>
                <legend>{safeT('list.filter.verification')}</legend>
                {verificationLevels.map((level) => {
                  const count = result.facets.verification.find((f) => f.value === level)?.count ?? 0;
                  if (count === 0 && !state.verification.includes(level)) return '';
                  return (
                    <div class="check">
                      <input type="checkbox" id={`verification-${level}`} name="verification" value={level} checked={state.verification.includes(level)} />
                      <label for={`verification-${level}`}>
                        {verificationLabel(locale, level) as 'safe'} <span class="count">({formatNumber(locale, count) as 'safe'})</span>
                      </label>
                    </div>
                  );
                })}
              </fieldset>
              <div class="field">
                <label for="sort">{safeT('list.sort.label')}</label>
                {/* The client script leaves the default order out of the URL; it depends on whether a search is set. */}
                <select id="sort" name="sort" data-default={state.q ? 'relevance' : 'name'}>
                  {sortOrders
                    .filter((s) => s !== 'relevance' || state.q)
                    .map((s) => (
                      <option value={s} selected={(state.sort ?? (state.q ? 'relevance' : 'name')) === s}>
                        {safeT(`list.sort.${s}`)}
                      </option>
                    ))}
                </select>
              </div>
              <div class="field">
                <label for="pageSize">{safeT('list.pageSize')}</label>
                <select id="pageSize" name="pageSize">
                  {pageSizes.map((size) => (
                    <option value={String(size)} selected={state.pageSize === size}>
                      {String(size) as 'safe'}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="apply">
                {safeT('list.filter.apply')}
              </button>
            </details>
          </section>
        </div>
      </form>
    </Layout>
  );
}

interface FacetSelectProps {
  locale: Locale;
  id: 'country' | 'nature';
  label: string;
  values: FacetValue[];
  selected: string[];
  labelOf: (value: FacetValue) => string;
  sortByLabel?: boolean;
}

/** A facet with many values: one select to add a value; values already chosen travel as hidden inputs. */
function FacetSelect(props: FacetSelectProps): JSX.Element {
  const t = supporterMessages(props.locale);
  const safeT = escaping(t);
  const options = props.values
    .filter((v) => v.count > 0 || props.selected.includes(v.value))
    .map((v) => ({ value: v.value, label: props.labelOf(v), count: v.count }));
  if (props.sortByLabel) options.sort((a, b) => a.label.localeCompare(b.label, props.locale));
  const [current, ...others] = props.selected;
  return (
    <div class="field">
      <label for={props.id} safe>
        {props.label}
      </label>
      <select id={props.id} name={props.id}>
        <option value="">{safeT('list.filter.any')}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {`${o.label} (${formatNumber(props.locale, o.count)})`}
          </option>
        ))}
      </select>
      {others.map((value) => (
        <input type="hidden" name={props.id} value={value} />
      ))}
    </div>
  );
}

interface ResultsProps {
  locale: Locale;
  state: ListState;
  result: SearchResult;
  base: string;
  first: number;
  last: number;
}

function Results({ locale, state, result, base, first, last }: ResultsProps): JSX.Element {
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const chips: Array<{ label: string; href: string }> = [];
  if (state.q) chips.push({ label: locale === 'fr' ? `« ${state.q} »` : `“${state.q}”`, href: base + listQuery(without(state, 'q')) });
  for (const v of state.category) chips.push({ label: categoryLabel(locale, v), href: base + listQuery(without(state, 'category', v)) });
  for (const v of state.country) chips.push({ label: countryLabel(locale, v), href: base + listQuery(without(state, 'country', v)) });
  for (const v of state.nature) {
    const facet = result.facets.nature.find((f) => f.value === v);
    chips.push({ label: natureLabel(v, facet?.label ?? null, locale) ?? v, href: base + listQuery(without(state, 'nature', v)) });
  }
  for (const v of state.year) chips.push({ label: String(v), href: base + listQuery(without(state, 'year', v)) });
  for (const v of state.verification) chips.push({ label: verificationLabel(locale, v), href: base + listQuery(without(state, 'verification', v)) });
  const csvHref = `/supporters.csv${listQuery({ ...state, page: 1, pageSize: 50, sort: undefined })}`;
  return (
    <section class="results" id="results" aria-labelledby="results-title">
      <h2 id="results-title">
        {safeT('list.results', { total: result.total })}
      </h2>
      {chips.length ? (
        <div class="chips">
          <span class="chips-label">{safeT('list.filter.active')}</span>
          <ul>
            {chips.map((chip) => (
              <li>
                <a class="chip" href={chip.href} aria-label={t('list.filter.remove', { label: chip.label })}>
                  <span safe>{chip.label}</span> <span aria-hidden="true">×</span>
                </a>
              </li>
            ))}
          </ul>
          <a href={base}>{safeT('list.filter.clear')}</a>
        </div>
      ) : (
        ''
      )}
      {result.total === 0 ? (
        <p class="empty">{safeT('list.noResults')}</p>
      ) : result.items.length === 0 ? (
        <p class="empty">
          {safeT('list.pageOutOfRange', { page: result.page, count: result.pageCount })}{' '}
          <a href={base + listQuery({ ...state, page: result.pageCount })}>{safeT('list.lastPage')}</a>
        </p>
      ) : (
        <>
          <p class="range">
            {safeT('list.resultsRange', { from: formatNumber(locale, first), to: formatNumber(locale, last), total: formatNumber(locale, result.total) })}
            {' · '}
            <a href={csvHref}>{safeT('list.downloadFiltered', { total: result.total })}</a>
          </p>
          <div class="table-scroll">
            <table class="supporters">
              <caption class="visually-hidden">{safeT('list.results', { total: result.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{safeT('list.column.name')}</th>
                  <th scope="col">{safeT('list.column.category')}</th>
                  <th scope="col">{safeT('list.column.country')}</th>
                  <th scope="col">{safeT('list.column.nature')}</th>
                  <th scope="col">{safeT('list.column.joined')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr>
                    <th scope="row">
                      <a href={`${base}/${encodeURIComponent(item.slug)}`} safe>
                        {item.name}
                      </a>
                    </th>
                    <td safe>{categoryLabel(locale, item.category)}</td>
                    <td>{item.country ? escapeHtml(item.country.name[locale]) : '—'}</td>
                    <td safe>{natureLabel(item.natureKey, item.nature, locale) ?? '—'}</td>
                    <JoinedCell locale={locale} joinedOn={item.joinedOn} source={item.joinedOnSource} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="note">{safeT('list.joinedLegend')}</p>
          <Pagination locale={locale} state={state} result={result} base={base} />
        </>
      )}
      {/* After the results, so the search box stays the first stop after the skip link. */}
      <p class="note">
        <a href={`/${locale}/supporters/withdrawn`}>{safeT('withdrawn.link')}</a>
      </p>
    </section>
  );
}

function Pagination({ locale, state, result, base }: Omit<ResultsProps, 'first' | 'last'>): JSX.Element {
  if (result.pageCount <= 1) return '';
  const t = supporterMessages(locale);
  const safeT = escaping(t);
  const page = result.page;
  const pages = new Set<number>([1, result.pageCount]);
  for (let p = Math.max(1, page - 2); p <= Math.min(result.pageCount, page + 2); p++) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const href = (p: number) => base + listQuery({ ...state, page: p });
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {safeT('list.previous')}
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
                <span aria-current="page">{safeT('list.page', { page: p })}</span>
              ) : (
                <a href={href(p)} aria-label={t('list.pageOf', { page: p, count: result.pageCount })}>
                  {String(p) as 'safe'}
                </a>
              )}
            </li>
          </>
        ))}
        {page < result.pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {safeT('list.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** Short date; the title and a hidden phrase carry the full meaning (signature date, first listing, upper bound). */
function JoinedCell({ locale, joinedOn, source }: { locale: Locale; joinedOn: string | null; source: SearchResult['items'][number]['joinedOnSource'] }): JSX.Element {
  const short = joinedShort(locale, joinedOn, source);
  const full = joinedLabel(locale, joinedOn, source);
  return (
    <td class="joined">
      <span aria-hidden="true" title={full}>
        {short.onOrBefore ? '≤ ' : ''}
        <span safe>{short.text}</span>
        {source === 'signed' ? ' ✓' : ''}
      </span>
      <span class="visually-hidden" safe>
        {full}
      </span>
    </td>
  );
}
