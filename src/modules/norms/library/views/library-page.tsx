/**
 * The practice library: a search box, filters with counts, the results page by page. A GET form, so it works without
 * JavaScript and every state has an address; on a phone the results come before the filters (the registry's layout).
 */
import { escapeHtml } from '@kitajs/html';
import { FieldError, describedBy } from '../../../../app/html/field.js';
import { Layout } from '../../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { supporterCategories } from '../../../supporters/supporters.constants.js';
import { implementationStatuses, practiceKinds } from '../../practices/practices.constants.js';
import { libraryPageSizes, librarySorts, normCodes, principleNumbers } from '../library.constants.js';
import { libraryMessages } from '../library.messages.js';
import type { LibraryQueryField } from '../library.schemas.js';
import type { FacetCount, FrameworkLabels, LibraryFacets, LibraryPage as Result } from '../library.usecases.js';
import { categoryLabel, countryName, kindLabel, normLabel, normOption, principleLabel, statusLabel } from './labels.js';
import { LibraryNav, libraryHref } from './library-nav.js';
import { Pagination } from './pagination.js';
import { PracticeFacts, PracticeTitle } from './practice-parts.js';
import { filtersOnly, libraryQuery, withoutFilter, type LibraryState } from './query.js';

export interface LibraryPageProps {
  locale: Locale;
  state: LibraryState;
  /** Null when a filter is invalid: the form comes back with its messages, and no results. */
  result: Result | null;
  facets: LibraryFacets | null;
  labels: FrameworkLabels;
  errors: Partial<Record<LibraryQueryField, string>>;
  path: string;
}

/** The `<link rel="alternate">` to the feed, for <head>. */
export function feedLink(locale: Locale): string {
  const title = libraryMessages(locale)('feed.title');
  return `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(title)}" href="${libraryHref.feed(locale)}">`;
}

export function LibraryPage(props: LibraryPageProps): JSX.Element {
  const { locale, state, result, errors } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const problems = Object.entries(errors) as Array<[LibraryQueryField, string]>;
  return (
    <Layout locale={locale} title={t('library.title')} path={props.path} description={t('library.intro')} head={feedLink(locale)} current="practices">
      <h1>{safeT('library.title')}</h1>
      <p class="lead">{safeT('library.intro')}</p>
      <LibraryNav locale={locale} current="library" />
      {problems.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{safeT('filter.error.title')}</h2>
          <ul>
            {problems.map(([field, message]) => (
              // The page number has no control of its own (it comes from the pagination's links).
              <li>
                {field === 'page' ? (
                  <span safe>{message}</span>
                ) : (
                  <a href={`#${field}`} safe>
                    {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <form method="get" action={libraryHref.library(locale)} class="registry">
        <div class="search-row" role="search">
          <label for="q">{safeT('filter.q')}</label>
          <div class="search-box">
            <input type="search" id="q" name="q" value={state.q ?? ''} maxlength="200" aria-describedby={describedBy('q', true, !!errors.q)} aria-invalid={errors.q ? 'true' : undefined} />
            <button type="submit">{safeT('filter.submit')}</button>
          </div>
          <p id="q-hint" class="hint">
            {safeT('filter.q.hint')}
          </p>
          <FieldError name="q" message={errors.q} />
        </div>
        <div class="registry-body">
          <Results {...props} />
          <Filters {...props} />
        </div>
      </form>
    </Layout>
  );
}

interface Option {
  value: string;
  label: string;
  count?: number | undefined;
}

/** One filter as a select ("Any" first); values beyond the first (from a shared address) travel as hidden inputs. */
function FilterSelect(props: { locale: Locale; name: LibraryQueryField; label: string; options: Option[]; selected: Array<string | number>; error?: string | undefined }): JSX.Element {
  const safeT = escaping(libraryMessages(props.locale));
  const [current, ...others] = props.selected.map(String);
  return (
    <div class="field">
      <label for={props.name} safe>
        {props.label}
      </label>
      <select id={props.name} name={props.name} aria-describedby={describedBy(props.name, false, !!props.error)} aria-invalid={props.error ? 'true' : undefined}>
        <option value="">{safeT('filter.any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.count === undefined ? o.label : `${o.label} (${formatNumber(props.locale, o.count)})`}
          </option>
        ))}
      </select>
      {others.map((value) => (
        <input type="hidden" name={props.name} value={value} />
      ))}
      <FieldError name={props.name} message={props.error} />
    </div>
  );
}

/** Options of a closed list, each with its count when the counts are known. */
function counted(values: readonly (string | number)[], counts: FacetCount[] | undefined, label: (value: string) => string): Option[] {
  const byValue = new Map((counts ?? []).map((c) => [c.value, c.count]));
  return values.map((v) => ({ value: String(v), label: label(String(v)), count: counts ? (byValue.get(String(v)) ?? 0) : undefined }));
}

function Filters({ locale, state, facets, labels, errors }: LibraryPageProps): JSX.Element {
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const collator = new Intl.Collator(locale);
  // Countries and years are open lists: only those some practice has (and any already chosen) are offered.
  const countries = [...new Set([...(facets?.country ?? []).map((c) => c.value), ...state.country])];
  const years = [...new Set([...(facets?.year ?? []).map((y) => Number(y.value)), ...state.year])].sort((a, b) => b - a);
  return (
    <section class="filters" aria-labelledby="filters-title">
      <details class="filters-disclosure" open={Object.keys(errors).length ? true : undefined}>
        <summary>
          <h2 id="filters-title">{safeT('filter.title')}</h2>
        </summary>
        <FilterSelect locale={locale} name="principle" label={t('filter.principle')} selected={state.principle} error={errors.principle}
          options={counted(principleNumbers, facets?.principle, (v) => principleLabel(locale, labels, Number(v)))} />
        <FilterSelect locale={locale} name="norm" label={t('filter.norm')} selected={state.norm} error={errors.norm}
          options={counted(normCodes, facets?.norm, (v) => normOption(locale, labels, v, 45))} />
        <FilterSelect locale={locale} name="kind" label={t('filter.kind')} selected={state.kind} error={errors.kind}
          options={counted(practiceKinds, facets?.kind, (v) => kindLabel(locale, v))} />
        <FilterSelect locale={locale} name="status" label={t('filter.status')} selected={state.status} error={errors.status}
          options={counted(implementationStatuses, facets?.status, (v) => statusLabel(locale, v))} />
        <FilterSelect locale={locale} name="country" label={t('filter.country')} selected={state.country} error={errors.country}
          options={counted(countries, facets?.country, (v) => countryName(v, locale)).sort((a, b) => collator.compare(a.label, b.label))} />
        <p class="hint">{safeT('filter.country.hint')}</p>
        <FilterSelect locale={locale} name="category" label={t('filter.category')} selected={state.category} error={errors.category}
          options={counted(supporterCategories, facets?.category, (v) => categoryLabel(locale, v))} />
        <FilterSelect locale={locale} name="year" label={t('filter.year')} selected={state.year} error={errors.year}
          options={counted(years, facets?.year, (v) => v)} />
        {state.supporter.length || errors.supporter ? (
          <fieldset>
            <legend>{safeT('filter.supporter')}</legend>
            {state.supporter.map((slug, i) => (
              <div class="check">
                <input type="checkbox" id={i ? `supporter-${i}` : 'supporter'} name="supporter" value={slug} checked aria-describedby={describedBy('supporter', false, !!errors.supporter)} />
                <label for={i ? `supporter-${i}` : 'supporter'} safe>
                  {slug}
                </label>
              </div>
            ))}
            <FieldError name="supporter" message={errors.supporter} />
          </fieldset>
        ) : (
          ''
        )}
        <FilterSelect locale={locale} name="sort" label={t('filter.sort')} selected={[state.sort ?? 'newest']} error={errors.sort}
          options={librarySorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
        <FilterSelect locale={locale} name="pageSize" label={t('filter.pageSize')} selected={[state.pageSize]} error={errors.pageSize}
          options={libraryPageSizes.map((s) => ({ value: String(s), label: String(s) }))} />
        <button type="submit">{safeT('filter.apply')}</button>
      </details>
    </section>
  );
}

function Results({ locale, state, result, labels }: LibraryPageProps): JSX.Element {
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const base = libraryHref.library(locale);
  const chips: Array<{ label: string; href: string }> = [];
  if (state.q) chips.push({ label: t('chip.q', { q: state.q }), href: base + libraryQuery(withoutFilter(state, 'q')) });
  for (const v of state.principle) chips.push({ label: principleLabel(locale, labels, v), href: base + libraryQuery(withoutFilter(state, 'principle', v)) });
  for (const v of state.norm) chips.push({ label: t('norm.label', { paragraph: normLabel(v) }), href: base + libraryQuery(withoutFilter(state, 'norm', v)) });
  for (const v of state.kind) chips.push({ label: kindLabel(locale, v), href: base + libraryQuery(withoutFilter(state, 'kind', v)) });
  for (const v of state.status) chips.push({ label: statusLabel(locale, v), href: base + libraryQuery(withoutFilter(state, 'status', v)) });
  for (const v of state.country) chips.push({ label: countryName(v, locale), href: base + libraryQuery(withoutFilter(state, 'country', v)) });
  for (const v of state.category) chips.push({ label: categoryLabel(locale, v), href: base + libraryQuery(withoutFilter(state, 'category', v)) });
  for (const v of state.year) chips.push({ label: String(v), href: base + libraryQuery(withoutFilter(state, 'year', v)) });
  for (const v of state.supporter) chips.push({ label: v, href: base + libraryQuery(withoutFilter(state, 'supporter', v)) });
  const filters = libraryQuery(filtersOnly(state));
  return (
    <section class="results" aria-labelledby="results-title">
      <h2 id="results-title">{result ? safeT('results.count', { total: result.total }) : safeT('results.invalid')}</h2>
      {chips.length ? (
        <div class="chips">
          <span class="chips-label">{safeT('chip.active')}</span>
          <ul>
            {chips.map((chip) => (
              <li>
                <a class="chip" href={chip.href} aria-label={t('chip.remove', { label: chip.label })}>
                  <span safe>{chip.label}</span> <span aria-hidden="true">×</span>
                </a>
              </li>
            ))}
          </ul>
          <a href={base}>{safeT('chip.clear')}</a>
        </div>
      ) : (
        ''
      )}
      {!result ? (
        <p>{safeT('results.fix')}</p>
      ) : result.total === 0 ? (
        <p class="empty">{safeT('results.none')}</p>
      ) : result.items.length === 0 ? (
        <p class="empty">
          {safeT('results.outOfRange', { page: result.page, count: result.pageCount })}{' '}
          <a href={base + libraryQuery({ ...state, page: result.pageCount })}>{safeT('results.lastPage')}</a>
        </p>
      ) : (
        <>
          <p class="range">
            {safeT('results.range', {
              from: formatNumber(locale, (result.page - 1) * result.pageSize + 1),
              to: formatNumber(locale, Math.min(result.total, result.page * result.pageSize)),
              total: formatNumber(locale, result.total),
            })}
          </p>
          <ol class="practice-list">
            {result.items.map((practice) => (
              <li>
                <h3>
                  <PracticeTitle locale={locale} practice={practice} />
                </h3>
                <PracticeFacts locale={locale} practice={practice} />
              </li>
            ))}
          </ol>
          <Pagination locale={locale} state={state} result={result} />
        </>
      )}
      {result ? (
        <p class="note">
          {safeT('results.download')} <a href={libraryHref.csv(locale) + filters} type="text/csv">CSV</a> ·{' '}
          <a href={libraryHref.json(locale) + filters} type="application/json">
            JSON
          </a>{' '}
          · <a href={libraryHref.coverage(locale) + filters}>{safeT('results.coverage')}</a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
