/**
 * The index on a world map: a server-rendered choropleth of the top score per country (Equal Earth projection),
 * with the same figures in a table beside it and the list of the edition's indicators. Projecting the world is done
 * once, when this module is first loaded; a render only picks a colour and a title per country.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { scaleLinear, scaleQuantize, scaleSequential } from 'd3-scale';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { alpha3FromNumeric, isCountryCode } from '../../../shared/countries.js';
import type { EditionSnapshot } from '../index.models.js';
import { formatRank, formatScore, scoreDomain, unitName } from './format.js';
import { indexChartMessages } from './index-charts.locales.js';
import { rankedRows, type EditionView } from './ranking-page.js';

type Country = Feature<Polygon | MultiPolygon, { name: string }>;
type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const width = 960;
/** Natural Earth features without an ISO numeric id, drawn as the ISO country they belong to (or Kosovo's XKX). */
const unidentified: Readonly<Record<string, string>> = { 'N. Cyprus': 'CYP', Somaliland: 'SOM', Kosovo: 'XKX' };

function projectWorld(): { shapes: ReadonlyMap<string, string>; height: number } {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as CountriesTopology;
  // Antarctica (010) would take a sixth of the height and is never scored.
  const countries = (feature(topology, topology.objects.countries).features as Country[]).filter((f) => f.id !== '010');
  const collection = { type: 'FeatureCollection' as const, features: countries };
  const projection = geoEqualEarth().fitWidth(width, collection);
  const path = geoPath(projection).digits(1);
  const shapes = new Map<string, string>();
  for (const f of countries) {
    const code = f.id === undefined ? unidentified[f.properties.name] : alpha3FromNumeric(String(f.id));
    const d = path(f);
    if (code && d) shapes.set(code, (shapes.get(code) ?? '') + d);
  }
  return { shapes, height: Math.ceil(path.bounds(collection)[1][1]) };
}

let world: ReturnType<typeof projectWorld> | undefined;
const getWorld = () => (world ??= projectWorld());

/** YlGnBu-like ramp (colour-blind safe, ordered by lightness), without the palest step so it stays distinct from grey. */
const ramp = scaleLinear<string>().domain([0, 0.5, 1]).range(['#c7e9b4', '#41b6c4', '#0c2c84']);
const noneFill = '#e1e1e1';
const bins = 5;

/** Links to every indicator of an edition, in framework order. */
export function IndicatorList(props: { locale: Locale; slug: string; snapshot: EditionSnapshot; time: number | null }): JSX.Element {
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
  const { shapes, height } = getWorld();
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
      {snapshot.times.length > 1 ? (
        <nav aria-label={t('map.time')}>
          <ul class="links">
            {snapshot.times.map((y) => (
              <li>
                <a href={`${base}/map?time=${y ?? ''}`} aria-current={y === time ? 'page' : undefined} safe>
                  {String(y ?? '—')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
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
                <path d={shapes.get(code) ?? ''} fill={score === null ? `url(#${id}-none)` : colour(score)}>
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
          <thead>
            <tr>
              <th scope="col">{safeT('map.col.country')}</th>
              <th scope="col" class="num">
                {safeT('map.col.score')}
              </th>
              <th scope="col">{safeT('map.col.band')}</th>
              <th scope="col" class="num">
                {safeT('map.col.rank')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const score = row.scores[top] ?? null;
              const band = row.bands[top];
              return (
                <tr>
                  <th scope="row">
                    <a href={`${base}/units/${encodeURIComponent(row.unit)}?time=${row.time ?? ''}`} safe>
                      {unitName(locale, snapshot, row.unit)}
                    </a>
                  </th>
                  <td class="num" safe>
                    {score === null ? t('map.missing') : formatScore(locale, score)}
                  </td>
                  <td>{band && score !== null ? `${formatScore(locale, band.score.p5)}–${formatScore(locale, band.score.p95)}` : '—'}</td>
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
