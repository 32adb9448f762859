/**
 * The index on a world map: a server-rendered choropleth of the top score per country (Equal Earth projection),
 * with the same figures in a table beside it and the list of the edition's indicators. The projected world is shared
 * with the supporters' map (`shared/world-geometry.ts`); a render only picks a colour and a title per country.
 */
import { scaleLinear, scaleQuantize, scaleSequential } from 'd3-scale';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { isCountryCode } from '../../../shared/countries.js';
import { worldGeometry } from '../../../shared/world-geometry.js';
import type { EditionSnapshot } from '../index.models.js';
import { formatBand, formatRank, formatScore, scoreDomain, unitName } from './format.js';
import { indexChartMessages } from './index-charts.locales.js';
import { ColumnHeads, EditionNotices, TimeNav, UnitCell } from './page-parts.js';
import { rankedRows, type EditionView } from './ranking-page.js';

/** YlGnBu-like ramp (colour-blind safe, ordered by lightness), without the palest step so it stays distinct from grey. */
const ramp = scaleLinear<string>().domain([0, 0.5, 1]).range(['#c7e9b4', '#41b6c4', '#0c2c84']);
const noneFill = '#e1e1e1';
const bins = 5;

/** Links to every indicator of an edition, in framework order. */
function IndicatorList(props: { locale: Locale; slug: string; snapshot: EditionSnapshot; time: number | null }): JSX.Element {
  const indicators = props.snapshot.nodes.filter((n) => n.kind === 'indicator');
  return (
    <ul>
      {indicators.map((n) => (
        <li>
          <a href={`/${props.locale}/index/${props.slug}/indicators/${encodeURIComponent(n.code)}?time=${props.time ?? ''}`} safe>
            {n.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The choropleth of the index score per country and its data table. */
export function MapPage(props: { locale: Locale; edition: EditionView; time: number | null; path: string }): JSX.Element {
  const { locale, edition, time } = props;
  const { snapshot } = edition;
  const t = indexChartMessages(locale);
  const safeT = escaping(t);
  const top = snapshot.top;
  const topName = snapshot.nodes.find((n) => n.code === top)?.name ?? top;
  const timeText = String(time ?? '—');
  const rows = rankedRows(snapshot, time);
  const { shapes, width, height } = worldGeometry();
  const domain = scoreDomain(snapshot, top);
  const colour = scaleSequential((v: number) => ramp(v)).domain(domain);
  const legend = scaleQuantize().domain(domain).range(Array.from({ length: bins }, (_, i) => i));
  const scored = rows.filter((r) => r.scores[top] !== null && r.scores[top] !== undefined);
  const byCode = new Map(rows.map((r) => [r.unit, r]));
  const values = scored.map((r) => r.scores[top] as number);
  const offMap = rows.filter((r) => !shapes.has(r.unit)).length;
  const base = `/${locale}/index/${edition.slug}`;
  const collator = new Intl.Collator(locale);
  const drawn = [...shapes.keys()]
    .map((code) => ({ code, name: isCountryCode(code) ? unitName(locale, snapshot, code) : code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const id = 'index-map';
  return (
    <Layout locale={locale} title={t('map.title', { edition: edition.title })} path={props.path} current="index">
      <p class="breadcrumb">
        <a href={`${base}?time=${time ?? ''}`}>{safeT('map.back')}</a>
      </p>
      <h1>{safeT('map.title', { edition: edition.title })}</h1>
      <EditionNotices locale={locale} edition={edition} />
      <TimeNav times={snapshot.times} current={time} label={t('map.time')} href={(y) => `${base}/map?time=${y ?? ''}`} />
      <figure class="chart index-map">
        <svg
          xmlns="http://www.w3.org/2000/svg"
          class="world-map__svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={t('map.svgLabel', { index: topName, time: timeText })}
          aria-describedby={`${id}-desc`}
        >
          <defs>
            <pattern id={`${id}-none`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
              <rect width="5" height="5" fill={noneFill} />
              <line x1="2.5" y1="0" x2="2.5" y2="5" stroke="#9a9a9a" stroke-width="0.8" />
            </pattern>
          </defs>
          <g stroke="#fff" stroke-width="0.5">
            {drawn.map(({ code, name }) => {
              const row = byCode.get(code);
              const score = row?.scores[top] ?? null;
              const label =
                score === null
                  ? t('map.countryNone', { country: name })
                  : t('map.country', { country: name, score: formatScore(locale, score), rank: formatRank(locale, row?.ranks[top]) });
              return (
                <path d={shapes.get(code)?.d ?? ''} fill={score === null ? `url(#${id}-none)` : colour(score)}>
                  <title safe>{label}</title>
                </path>
              );
            })}
          </g>
        </svg>
        <figcaption>
          <p id={`${id}-desc`}>
            {safeT('map.desc', {
              count: values.length,
              time: timeText,
              min: formatScore(locale, values.length ? Math.min(...values) : null),
              max: formatScore(locale, values.length ? Math.max(...values) : null),
            })}
          </p>
          <div class="chart-legend">
            <p class="chart-legend__title">{safeT('map.legend.title', { index: topName })}</p>
            <ul class="chart-legend__items">
              {Array.from({ length: bins }, (_, i) => {
                const [from, to] = legend.invertExtent(i);
                return (
                  <li>
                    <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
                      <rect x="0.5" y="0.5" width="19" height="13" fill={colour((from + to) / 2)} stroke="#767676" />
                    </svg>
                    <span>{safeT('map.legend.range', { from: formatScore(locale, from), to: formatScore(locale, to) })}</span>
                  </li>
                );
              })}
              <li>
                <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
                  <rect x="0.5" y="0.5" width="19" height="13" fill={noneFill} stroke="#767676" />
                  <path d="M-9.7 14 4.3 0M-4 14 10 0M1.7 14 15.7 0M7.3 14 21.3 0M13 14 27 0" stroke="#9a9a9a" stroke-width="0.8" />
                </svg>
                <span>{safeT('map.legend.none')}</span>
              </li>
            </ul>
          </div>
          {offMap ? <p class="meta">{safeT('map.offMap', { count: offMap })}</p> : ''}
        </figcaption>
      </figure>
      <div class="table-scroll">
        <table>
          <caption>{safeT('map.caption', { index: topName, time: timeText })}</caption>
          <ColumnHeads columns={[{ label: t('map.col.country') }, { label: t('map.col.score'), num: true }, { label: t('map.col.band') }, { label: t('map.col.rank'), num: true }]} />
          <tbody>
            {rows.map((row) => {
              const score = row.scores[top] ?? null;
              const band = row.bands[top];
              return (
                <tr>
                  <UnitCell locale={locale} base={base} snapshot={snapshot} unit={row.unit} time={row.time} />
                  <td class="num" safe>
                    {score === null ? t('map.missing') : formatScore(locale, score)}
                  </td>
                  <td>{band && score !== null ? formatBand(locale, band.score.p5, band.score.p95) : '—'}</td>
                  <td class="num" safe>
                    {formatRank(locale, row.ranks[top])}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{safeT('map.indicators')}</h2>
      <IndicatorList locale={locale} slug={edition.slug} snapshot={snapshot} time={time} />
    </Layout>
  );
}
