import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { ColumnHeads, EditionNotices, RunsNote } from './page-parts.js';
import { indexMessages } from '../index.messages.js';
import { isWithheld, withheldSourcesText } from '../index.withheld.js';
import { formatScore } from './format.js';
import { MethodologySteps } from './methodology-steps.js';
import type { EditionView } from './ranking-page.js';
import type { Estimate } from '../index.models.js';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * A Sobol index as a share, never a negative one or one above 1: the estimate and its interval are shown within
 * 0–1, and a first-order index whose interval reaches 0 (or, in an edition without intervals, whose estimate is not
 * above 0) is said to be indistinguishable from 0. The JSON keeps the estimate and interval as computed.
 */
export function sobolText(locale: Locale, e: Estimate, firstOrder: boolean): string {
  const t = indexMessages(locale);
  const share = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(clamp01(v));
  if (e.estimate === null) return '—';
  const hasInterval = e.low !== null && e.high !== null;
  const noise = firstOrder && (hasInterval ? (e.low as number) <= 0 : e.estimate <= 0);
  if (!hasInterval) return noise ? t('method.sensitivity.noiseOnly') : share(e.estimate);
  const ends = { low: share(e.low as number), high: share(e.high as number) };
  return noise ? t('method.sensitivity.noise', ends) : t('method.sensitivity.value', { estimate: share(e.estimate), ...ends });
}

/**
 * The methodology as run: the framework with weights, directions and sources, every pipeline step with its settings,
 * the uncertain choices and how much each matters, and what is not measured yet. Generated, never written by hand.
 * A node whose figures are withheld for licence reasons says so in its source column, naming the sources.
 */
export function MethodologyPage(props: { locale: Locale; edition: EditionView; path: string }): JSX.Element {
  const { locale, edition } = props;
  const { snapshot } = edition;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const topName = snapshot.nodes.find((n) => n.code === snapshot.top)?.name ?? snapshot.top;
  const sensitivity = snapshot.uncertainty.sensitivity[snapshot.top] ?? [];
  const interval = snapshot.uncertainty.interval;
  return (
    <Layout locale={locale} title={t('method.title', { edition: edition.title })} path={props.path} current="index">
      <p class="breadcrumb">
        <a href={`/${locale}/index/${edition.slug}`}>{safeT('unit.back')}</a>
      </p>
      <h1>{safeT('method.title', { edition: edition.title })}</h1>
      <EditionNotices locale={locale} edition={edition} />
      <p class="lead">{safeT('method.intro')}</p>
      <h2>{safeT('method.framework')}</h2>
      <div class="table-scroll">
        <table>
          <ColumnHeads columns={[{ label: t('method.col.node') }, { label: t('method.col.level'), num: true }, { label: t('method.col.weight'), num: true }, { label: t('method.col.direction') }, { label: t('method.col.source') }]} />
          <tbody>
            {snapshot.nodes.map((n) => (
              <tr>
                <th scope="row" safe>
                  {`${n.name} (${n.code})${n.parent ? ` ← ${n.parent}` : ''}`}
                </th>
                <td class="num" safe>
                  {String(n.level)}
                </td>
                <td class="num" safe>
                  {n.weight === null ? t('method.weight.equal') : formatScore(locale, n.weight)}
                </td>
                <td>{n.kind === 'indicator' ? safeT(n.direction === 1 ? 'method.direction.up' : 'method.direction.down') : ''}</td>
                <td safe>
                  {[n.source, n.licence, n.note, isWithheld(n) ? t('method.withheld', { sources: withheldSourcesText(snapshot, n.code) }) : null].filter(Boolean).join(' — ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{safeT('method.steps')}</h2>
      <MethodologySteps locale={locale} config={snapshot.config} />
      <h2>{safeT('method.uncertainty')}</h2>
      <p>{safeT('method.uncertainty.body', { runs: snapshot.uncertainty.runs, seed: snapshot.uncertainty.seed })}</p>
      <RunsNote locale={locale} snapshot={snapshot} />
      <ul>
        {snapshot.uncertainty.factors.map((f) => (
          <li safe>{`${f.name}${f.perturbation !== null ? ` (±${Math.round(f.perturbation * 100)} %)` : ''}${f.alternatives !== null ? ` (${f.alternatives})` : ''}`}</li>
        ))}
      </ul>
      {sensitivity.length && interval ? (
        <p>
          {safeT('method.sensitivity.intro', { level: Math.round(interval.level * 100), n: snapshot.uncertainty.design?.baseSample ?? '—', resamples: interval.resamples })}
        </p>
      ) : (
        ''
      )}
      {sensitivity.length ? (
        <div class="table-scroll">
          <table>
            <caption>{safeT('method.sensitivity', { index: topName })}</caption>
            <ColumnHeads columns={[{ label: t('method.col.factor') }, { label: t('method.col.first'), num: true }, { label: t('method.col.total'), num: true }]} />
            <tbody>
              {sensitivity.map((s) => (
                <tr>
                  <th scope="row" safe>
                    {s.factor}
                  </th>
                  <td class="num" safe>
                    {sobolText(locale, s.firstInterval ?? { estimate: s.first, low: null, high: null }, true)}
                  </td>
                  <td class="num" safe>
                    {sobolText(locale, s.totalInterval ?? { estimate: s.total, low: null, high: null }, false)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <h2>{safeT('method.coverage')}</h2>
      <div class="table-scroll">
        <table>
          <ColumnHeads columns={[{ label: t('method.col.indicator') }, { label: t('method.col.units') }]} />
          <tbody>
            {snapshot.coverage.indicators.map((c) => (
              <tr>
                <th scope="row" safe>
                  {c.name}
                </th>
                <td safe>
                  {Object.entries(c.unitsWithData)
                    .map(([time, n]) => `${time}: ${n}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{safeT('method.withoutData')}</h3>
      {snapshot.coverage.withoutData.categories.length + snapshot.coverage.withoutData.indicators.length === 0 ? (
        <p>{safeT('method.withoutData.none')}</p>
      ) : (
        <ul>
          {snapshot.coverage.withoutData.categories.map((c) => (
            <li>
              <strong safe>{c.name}</strong>
            </li>
          ))}
          {snapshot.coverage.withoutData.indicators.map((i) => (
            <li safe>{`${i.name} (${i.category}${i.subDimension ? ` › ${i.subDimension}` : ''}): ${i.rationale}`}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
