import { Layout } from '../../../app/html/layout.js';
import { escaping, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets } from '../toolkit.constants.js';
import type { Coverage } from '../toolkit.coverage.js';
import { toolkitMessages } from '../toolkit.messages.js';
import { BarChart } from '../../../app/html/bar-chart.js';
import { ActionTitle, ToolkitNav, toolkitHref, ActionCodeLink } from './toolkit-parts.js';

/**
 * Coverage analytics, computed from the cells: the least-covered actions first (the report's gap findings, A15 end of
 * life and A22 market incentives among them, come out of these numbers), then per action, per principle and per
 * category, each as an SVG bar chart with its data table, and the downloads.
 */
export function CoveragePage(props: { locale: Locale; coverage: Coverage }): JSX.Element {
  const { locale, coverage } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('coverage.title')} path="/toolkit/coverage">
      <ToolkitNav locale={locale} current="coverage" />
      <h1>{safeT('coverage.title')}</h1>
      {coverage.frameworks === 0 ? <p>{safeT('toolkit.empty')}</p> : <CoverageFigures locale={locale} coverage={coverage} />}
    </Layout>
  );
}

function CoverageFigures(props: { locale: Locale; coverage: Coverage }): JSX.Element {
  const { locale, coverage } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const n = (value: number) => formatNumber(locale, value);
  const counts = coverage.perAction.map((a) => a.quoted);
  return (
    <>
      <p class="lead">{safeT('coverage.intro', { frameworks: coverage.frameworks })}</p>
      <p>
        {safeT('coverage.totals', {
          quoted: n(coverage.quoted),
          absent: n(coverage.reviewedAbsent),
          unknown: n(coverage.notReviewed),
          pairs: n(coverage.frameworks * coverage.actions),
        })}
      </p>

      <h2>{safeT('coverage.least')}</h2>
      <p class="meta">{safeT('coverage.least.definition')}</p>
      <ol>
        {coverage.leastCovered.map((a) => (
          <li>
            <a href={toolkitHref.action(locale, a.code)}>
              {a.code as 'safe'}: <ActionTitle title={a.title} />
            </a>
            {' — '}
            <span safe>{t('coverage.least.item', { count: a.quoted })}</span>
          </li>
        ))}
      </ol>

      <h2>{safeT('coverage.perAction')}</h2>
      <figure class="chart">
        <BarChart
          locale={locale}
          id="coverage-actions"
          title={t('coverage.perAction')}
          description={t('coverage.perAction.chart', { actions: coverage.actions, min: Math.min(...counts, 0), max: Math.max(...counts, 0) })}
          bars={coverage.perAction.map((a) => ({ label: a.code, value: a.quoted }))}
        />
      </figure>
      <div class="table-scroll" role="region" aria-labelledby="coverage-actions-table" tabindex="0">
        <table class="chart-table">
          <caption id="coverage-actions-table">{safeT('coverage.perAction')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('coverage.col.action')}</th>
              <th scope="col">{safeT('coverage.col.quoted')}</th>
              <th scope="col">{safeT('coverage.col.absent')}</th>
              <th scope="col">{safeT('coverage.col.notReviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.perAction.map((a) => (
              <tr>
                <th scope="row">
                  <ActionCodeLink locale={locale} code={a.code} title={a.title} />
                </th>
                <td class="num" safe>{n(a.quoted)}</td>
                <td class="num" safe>{n(a.reviewedAbsent)}</td>
                <td class="num" safe>{n(a.notReviewed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{safeT('coverage.perPrinciple')}</h2>
      <figure class="chart">
        <BarChart
          locale={locale}
          id="coverage-principles"
          title={t('coverage.perPrinciple')}
          description={t('coverage.perPrinciple.chart')}
          labelWidth={300}
          bars={coverage.perPrinciple.map((p) => ({ label: t(`principle.${p.principle}`), value: p.meanPerAction }))}
        />
      </figure>
      <div class="table-scroll" role="region" aria-labelledby="coverage-principles-table" tabindex="0">
        <table class="chart-table">
          <caption id="coverage-principles-table">{safeT('coverage.perPrinciple')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('coverage.col.principle')}</th>
              <th scope="col">{safeT('coverage.col.actions')}</th>
              <th scope="col">{safeT('coverage.col.pairs')}</th>
              <th scope="col">{safeT('coverage.col.mean')}</th>
              <th scope="col">{safeT('coverage.col.addressing')}</th>
              <th scope="col">{safeT('coverage.col.without')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.perPrinciple.map((p) => (
              <tr>
                <th scope="row" safe>
                  {t(`principle.${p.principle}`)}
                </th>
                <td safe>{p.actions.length > 1 ? `${p.actions[0]}–${p.actions.at(-1)}` : (p.actions[0] ?? '')}</td>
                <td class="num" safe>{n(p.pairs)}</td>
                <td class="num" safe>{n(p.meanPerAction)}</td>
                <td class="num" safe>{n(p.frameworksAddressing)}</td>
                <td lang="en" safe>
                  {p.frameworksWithout.length ? p.frameworksWithout.join('; ') : t('coverage.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{safeT('coverage.perCategory')}</h2>
      <figure class="chart">
        <BarChart
          locale={locale}
          id="coverage-categories"
          title={t('coverage.perCategory')}
          description={t('coverage.perCategory.chart')}
          labelWidth={300}
          bars={coverage.perCategory.map((c) => ({ label: t(`category.${c.category}`), value: c.meanPerFramework }))}
        />
      </figure>
      <div class="table-scroll" role="region" aria-labelledby="coverage-categories-table" tabindex="0">
        <table class="chart-table">
          <caption id="coverage-categories-table">{safeT('coverage.perCategory')}</caption>
          <thead>
            <tr>
              <th scope="col">{safeT('coverage.col.category')}</th>
              <th scope="col">{safeT('coverage.col.frameworks')}</th>
              <th scope="col">{safeT('coverage.col.pairs')}</th>
              <th scope="col">{safeT('coverage.col.meanPerFramework')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.perCategory.map((c) => (
              <tr>
                <th scope="row" safe>
                  {t(`category.${c.category}`)}
                </th>
                <td class="num" safe>{n(c.frameworks)}</td>
                <td class="num" safe>{n(c.pairs)}</td>
                <td class="num" safe>{n(c.meanPerFramework)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="coverage-by-category">{safeT('coverage.byCategory')}</h2>
      <div class="table-scroll sticky-first" role="region" aria-labelledby="coverage-by-category" tabindex="0">
        <table class="chart-table" aria-labelledby="coverage-by-category">
          <thead>
            <tr>
              <th scope="col">{safeT('coverage.col.action')}</th>
              {frameworkSheets.map(({ category }) => (
                <th scope="col" safe>
                  {t(`category.${category}`)}
                </th>
              ))}
              <th scope="col">{safeT('coverage.col.total')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.perAction.map((a) => (
              <tr>
                <th scope="row" safe>
                  {a.code}
                </th>
                {frameworkSheets.map(({ category }) => (
                  <td class="num" safe>{n(a.byCategory[category])}</td>
                ))}
                <td class="num" safe>{n(a.quoted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <p>
        {safeT('coverage.download')} <a href={`/${locale}/toolkit/coverage.csv`}>{safeT('coverage.csv')}</a> ·{' '}
        <a href="/api/v1/toolkit/coverage">{safeT('coverage.json')}</a> · <a href={`/${locale}/toolkit/export/cells.csv`}>{safeT('coverage.cells')}</a>
      </p>
      <p class="meta">{safeT('toolkit.attribution')}</p>
    </>
  );
}
