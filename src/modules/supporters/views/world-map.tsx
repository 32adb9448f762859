/**
 * The supporters' world map (a choropleth on an Equal Earth projection) and its data table.
 *
 * Everything is server-rendered SVG: each country with supporters is a link to its supporters, and the map works
 * without JavaScript. The projected world comes from `shared/world-geometry.ts` (computed once); a render only picks a
 * colour and a link per country and concatenates the precomputed paths.
 */
import { scaleThreshold } from 'd3-scale';
import { formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { smallCountryMarker, worldGeometry, type CountryShape } from '../../../shared/world-geometry.js';
import { chartMessages } from './charts.locales.js';

export interface CountryCount {
  /** ISO 3166-1 alpha-3. */
  countryCode: string;
  count: number;
  /** The country itself (its State) supports the Call. */
  isState: boolean;
}

export interface WorldMapProps {
  locale: Locale;
  counts: CountryCount[];
  /** Base href for a country's link, e.g. `/en/supporters?country=`: the alpha-3 code is appended. */
  countryHref: string;
  title: string;
  /** Prefix of the SVG's element ids; only needed when a page shows two maps. */
  id?: string;
}

export interface CountryTableProps {
  locale: Locale;
  counts: CountryCount[];
  countryHref: string;
  /** The table's caption. */
  title: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Colours.

/**
 * Six classes on a 1-2-5 progression rather than quantiles: counts are very skewed (most countries have 1 to 4
 * supporters, two have over 100), and round breaks stay the same as the registry grows, so the legend reads at a
 * glance and maps from different dates compare. Colours are ColorBrewer's YlGnBu (colour-blind safe, ordered by
 * lightness too), without its palest step so that "1 supporter" stays distinct from the grey of "none".
 */
const breaks = [2, 5, 10, 25, 50] as const;
const palette = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
const fillFor = scaleThreshold<number, string>().domain([...breaks]).range([...palette]);
const noneFill = '#e1e1e1';
const stateStroke = '#111';

/** Adds up duplicate codes and drops zero counts, so callers may pass raw query rows. */
function normalise(counts: CountryCount[]): CountryCount[] {
  const byCode = new Map<string, CountryCount>();
  for (const c of counts) {
    if (c.count <= 0) continue;
    const seen = byCode.get(c.countryCode);
    const merged = seen ? { ...seen, count: seen.count + c.count, isState: seen.isState || c.isState } : { ...c };
    byCode.set(c.countryCode, merged);
  }
  return [...byCode.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Components.

interface MapRow extends CountryCount {
  name: string;
  shape: CountryShape | undefined;
  marker: readonly [number, number] | undefined;
}

/** One country with supporters: a link with its accessible name, wrapping its shape or dot. */
function CountryLink({ row, href, label, pathId }: { row: MapRow; href: string; label: string; pathId?: string }) {
  return (
    <a href={href}>
      <title safe>{label}</title>
      <g fill={fillFor(row.count)}>
        {row.shape ? <path id={pathId} d={row.shape.d} /> : ''}
        {row.marker ? (
          <circle
            cx={row.marker[0]}
            cy={row.marker[1]}
            r="3.2"
            stroke={row.isState ? stateStroke : '#4d4d4d'}
            stroke-width={row.isState ? '2' : '0.8'}
          />
        ) : (
          ''
        )}
      </g>
    </a>
  );
}

/**
 * The map as a standalone SVG string (with its xmlns), e.g. for an image route; `WorldMap` adds the legend.
 * Layers, bottom to top: countries without supporters; countries with supporters (links, alphabetical, which is
 * also their keyboard order); the State mark over them (decorative, not clickable); then small countries as dots,
 * so no neighbour covers them.
 */
export function worldMapSvg({ locale, counts, countryHref, title, id = 'world-map' }: WorldMapProps): string {
  const t = chartMessages(locale);
  const collator = new Intl.Collator(locale);
  const { shapes, width, height } = worldGeometry();
  const rows: MapRow[] = normalise(counts)
    .map((c) => {
      const shape = shapes.get(c.countryCode);
      const marker = shape ? shape.marker : smallCountryMarker(c.countryCode);
      return { ...c, name: countryName(c.countryCode, locale), shape, marker };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  const withData = new Set(rows.map((r) => r.countryCode));
  const areas = rows.filter((r) => r.shape && !r.marker);
  // A country in neither topology cannot be drawn; the data table still lists it.
  const dots = rows.filter((r) => r.marker);
  const states = rows.filter((r) => r.isState).length;
  const desc = rows.length ? t('map.desc', { countries: rows.length, states }) : t('map.descEmpty');
  const link = (r: MapRow) => (
    <CountryLink
      row={r}
      href={countryHref + encodeURIComponent(r.countryCode)}
      label={t(r.isState ? 'map.countryState' : 'map.country', { country: r.name, count: r.count })}
      pathId={r.isState && !r.marker ? `${id}-${r.countryCode}` : undefined}
    />
  );

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="world-map__svg"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {desc}
      </desc>
      <defs>
        <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
          <line x1="2.5" y1="0" x2="2.5" y2="5" stroke="#fff" stroke-width="1.1" />
          <line x1="2.5" y1="0" x2="2.5" y2="5" stroke={stateStroke} stroke-width="0.45" />
        </pattern>
      </defs>
      <g fill={noneFill} stroke="#fff" stroke-width="0.5" aria-hidden="true">
        {[...shapes].map(([code, shape]) => (withData.has(code) ? '' : <path d={shape.d} />))}
      </g>
      <g stroke="#fff" stroke-width="0.5">{areas.map(link)}</g>
      <g aria-hidden="true" pointer-events="none" fill={`url(#${id}-hatch)`} stroke={stateStroke} stroke-width="1">
        {areas.map((r) => (r.isState ? <use href={`#${id}-${r.countryCode}`} /> : ''))}
      </g>
      <g stroke="#fff" stroke-width="0.5">{dots.map(link)}</g>
    </svg>
  ) as string; // no async component inside, so the element is a string already
}

/** A legend swatch: a small decorative SVG (presentation attributes only: the CSP forbids inline styles). */
function Swatch(props: { fill: string; stroke?: string; hatch?: boolean; dot?: boolean }): JSX.Element {
  const stroke = props.stroke ?? '#767676';
  const w = props.hatch ? '1.5' : '1';
  const hatch = 'M-9.7 14 4.3 0M-4 14 10 0M1.7 14 15.7 0M7.3 14 21.3 0M13 14 27 0';
  return (
    <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
      {props.dot ? (
        <circle cx="10" cy="7" r="4" fill={props.fill} stroke={stroke} stroke-width="1" />
      ) : (
        <rect x="0.5" y="0.5" width="19" height="13" fill={props.fill} />
      )}
      {props.hatch ? <path d={hatch} stroke="#fff" stroke-width="1.6" /> : ''}
      {props.hatch ? <path d={hatch} stroke={stateStroke} stroke-width="0.7" /> : ''}
      {props.dot ? '' : <rect x="0.5" y="0.5" width="19" height="13" fill="none" stroke={stroke} stroke-width={w} />}
    </svg>
  );
}

/** The choropleth with its legend. Pair it with `CountryTable`, which gives the same figures as text. */
export function WorldMap(props: WorldMapProps): JSX.Element {
  const t = chartMessages(props.locale);
  const classes = palette.map((fill, i) => {
    const from = i === 0 ? 1 : breaks[i - 1]!;
    const next = breaks[i];
    const label =
      next === undefined
        ? t('map.legend.atLeast', { from })
        : next - 1 === from
          ? t('map.legend.single', { from })
          : t('map.legend.range', { from, to: next - 1 });
    return { fill, label };
  });
  const legendId = `${props.id ?? 'world-map'}-legend`;
  return (
    <div class="world-map">
      {worldMapSvg(props) as 'safe'}
      <div class="chart-legend">
        <p class="chart-legend__title" id={legendId} safe>
          {t('map.legend.title')}
        </p>
        <ul class="chart-legend__items" aria-labelledby={legendId}>
          <li>
            <Swatch fill={noneFill} />
            <span safe>{t('map.legend.none')}</span>
          </li>
          {classes.map((c) => (
            <li>
              <Swatch fill={c.fill} />
              <span safe>{c.label}</span>
            </li>
          ))}
        </ul>
        <ul class="chart-legend__items">
          <li>
            <Swatch fill={palette[2]} stroke={stateStroke} hatch />
            <span safe>{t('map.legend.state')}</span>
          </li>
          <li>
            <Swatch fill={palette[2]} stroke="#4d4d4d" dot />
            <span safe>{t('map.legend.small')}</span>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** The map's data table: every country with supporters, most supporters first, then by name. */
export function CountryTable({ locale, counts, countryHref, title }: CountryTableProps): JSX.Element {
  const t = chartMessages(locale);
  const collator = new Intl.Collator(locale);
  const rows = normalise(counts)
    .map((c) => ({ ...c, name: countryName(c.countryCode, locale) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  return (
    <table class="chart-table country-table">
      <caption safe>{title}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('countryTable.country')}
          </th>
          <th scope="col" class="num" safe>
            {t('countryTable.supporters')}
          </th>
          <th scope="col" safe>
            {t('countryTable.state')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={countryHref + encodeURIComponent(r.countryCode)} safe>
                {r.name}
              </a>
            </th>
            <td class="num" safe>
              {formatNumber(locale, r.count)}
            </td>
            <td safe>{t(r.isState ? 'countryTable.yes' : 'countryTable.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
