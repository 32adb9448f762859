/**
 * Coverage of the library: practices per norm × principle, per norm × region and per norm × category as heat maps, and
 * per country on a world map, each with its data table. Takes the library's filters, so "coverage of these results"
 * links from a search.
 */
import { Layout } from '../../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { libraryMessages } from '../library.messages.js';
import type { PracticeFilters } from '../library.schemas.js';
import type { Coverage, FrameworkLabels } from '../library.usecases.js';
import { categoryLabel, countryName, normLabel, normOption, principleLabel, regionLabel } from './labels.js';
import { CountTableView, HeatMap } from './heat-map.js';
import { LibraryNav, libraryHref } from './library-nav.js';
import { feedLink } from './library-page.js';
import { PracticesMap } from './practices-map.js';
import { filtersOnly, libraryQuery } from './query.js';

export function CoveragePage(props: { locale: Locale; filters: PracticeFilters; coverage: Coverage; labels: FrameworkLabels; path: string }): JSX.Element {
  const { locale, coverage, labels } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const query = libraryQuery(filtersOnly(props.filters));
  const library = libraryHref.library(locale);
  // A country's practices in the library: the filters of this coverage, and that country.
  const countryHref = (code: string) => library + libraryQuery({ ...filtersOnly(props.filters), country: [code] });
  const normHead = (code: string) => (
    <a href={`/${locale}/norms/${code}`} title={normOption(locale, labels, code, 200)} safe>
      {normLabel(code)}
    </a>
  );
  const collator = new Intl.Collator(locale);
  const countries = [...coverage.perCountry].sort((a, b) => b.count - a.count || collator.compare(countryName(a.value, locale), countryName(b.value, locale)));
  return (
    <Layout locale={locale} title={t('coverage.title')} path={props.path} head={feedLink(locale)} current="practices">
      <h1>{safeT('coverage.title')}</h1>
      <p class="lead">{safeT('coverage.intro', { total: coverage.total })}</p>
      <LibraryNav locale={locale} current="coverage" />
      {query ? (
        <p class="notice">
          {safeT('coverage.filtered', { total: coverage.total })} <a href={library + query}>{safeT('coverage.filtered.results')}</a> ·{' '}
          <a href={libraryHref.coverage(locale)}>{safeT('coverage.filtered.all')}</a>
        </p>
      ) : (
        ''
      )}
      <p class="chart-note">{safeT('coverage.counting')}</p>

      <h2 id="norm-principle">{safeT('coverage.normPrinciple')}</h2>
      <figure class="heat">
        <HeatMap
          locale={locale}
          id="heat-norm-principle"
          title={t('coverage.normPrinciple')}
          description={t('coverage.heat.desc', { max: coverage.normPrinciple.max })}
          table={coverage.normPrinciple}
          rowLabel={normLabel}
          columnLabel={(n) => t('principle.short', { n })}
        />
      </figure>
      <details class="data-table">
        <summary>{safeT('coverage.dataTable')}</summary>
        <CountTableView locale={locale} id="table-norm-principle" caption={t('coverage.normPrinciple')} table={coverage.normPrinciple} corner={t('coverage.norm')} rowHead={normHead}
          columnLabel={(n) => principleLabel(locale, labels, n)} />
      </details>

      <h2 id="norm-region">{safeT('coverage.normRegion')}</h2>
      <p class="chart-note">{safeT('coverage.regions.note')}</p>
      <figure class="heat">
        <HeatMap
          locale={locale}
          id="heat-norm-region"
          title={t('coverage.normRegion')}
          description={t('coverage.heat.desc', { max: coverage.normRegion.max })}
          table={coverage.normRegion}
          rowLabel={normLabel}
          columnLabel={(r) => regionLabel(locale, r)}
          columnWidth={70}
        />
      </figure>
      <details class="data-table">
        <summary>{safeT('coverage.dataTable')}</summary>
        <CountTableView locale={locale} id="table-norm-region" caption={t('coverage.normRegion')} table={coverage.normRegion} corner={t('coverage.norm')} rowHead={normHead}
          columnLabel={(r) => regionLabel(locale, r)} />
      </details>

      <h2 id="norm-category">{safeT('coverage.normCategory')}</h2>
      <figure class="heat">
        <HeatMap
          locale={locale}
          id="heat-norm-category"
          title={t('coverage.normCategory')}
          description={t('coverage.heat.desc', { max: coverage.normCategory.max })}
          table={coverage.normCategory}
          rowLabel={normLabel}
          columnLabel={(c) => categoryLabel(locale, c)}
          columnWidth={76}
        />
      </figure>
      <details class="data-table">
        <summary>{safeT('coverage.dataTable')}</summary>
        <CountTableView locale={locale} id="table-norm-category" caption={t('coverage.normCategory')} table={coverage.normCategory} corner={t('coverage.norm')} rowHead={normHead}
          columnLabel={(c) => categoryLabel(locale, c)} />
      </details>

      <h2 id="countries">{safeT('coverage.countries')}</h2>
      <figure class="chart">
        <PracticesMap locale={locale} counts={coverage.perCountry} countryHref={countryHref} title={t('coverage.countries')} />
      </figure>
      <details class="data-table">
        <summary>{safeT('coverage.dataTable')}</summary>
        <table class="chart-table">
          <caption>{safeT('coverage.countries')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('coverage.country')}</th>
              <th scope="col" class="num">
                {safeT('coverage.practices')}
              </th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr>
                <th scope="row">
                  <a href={countryHref(c.value)} safe>
                    {countryName(c.value, locale)}
                  </a>
                </th>
                <td class="num" safe>
                  {formatNumber(locale, c.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p class="note">
        <a href={libraryHref.csv(locale) + query} type="text/csv">
          {safeT('coverage.download')}
        </a>
      </p>
    </Layout>
  );
}
