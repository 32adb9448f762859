/**
 * The supporters' world map (a choropleth on an Equal Earth projection) and its data table.
 *
 * Everything is server-rendered SVG: each country with supporters is a link to its supporters, and the map works
 * without JavaScript. Projecting the world takes ~30 ms, so it is done once when this module loads; a render only
 * picks a colour and a link per country and concatenates the precomputed paths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import { scaleThreshold } from 'd3-scale';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { alpha3FromNumeric, countryName } from '../../../shared/countries.js';
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
// Geometry, computed once.

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Country = Feature<Polygon | MultiPolygon, { name: string }>;

const require = createRequire(import.meta.url);
const loadCountries = (file: string): Country[] => {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as CountriesTopology;
  return feature(topology, topology.objects.countries).features as Country[];
};

const width = 960;
/** Antarctica (010) would take a sixth of the height and has no supporters to show. */
const antarctica = '010';
/**
 * Natural Earth features without an ISO numeric id. Northern Cyprus and Somaliland are drawn as part of the ISO
 * country whose territory they are (Cyprus, Somalia); Kosovo gets the user-assigned code XKX in case the data uses it.
 */
const unidentified: Readonly<Record<string, string>> = { 'N. Cyprus': 'CYP', Somaliland: 'SOM', Kosovo: 'XKX' };
/** Below this projected area (in viewBox units²) a country is a few pixels wide: it also gets a dot marker. */
const tinyArea = 12;

/**
 * A d3-geo path context writing relative moves rounded to 0.1 unit, dropping points that round to the previous one:
 * a third smaller than d3's absolute coordinates, which keeps the whole map under 100 KB.
 */
class CompactPath implements GeoContext {
  private d = '';
  private x = 0;
  private y = 0;
  private drawing = false;
  moveTo(x: number, y: number): void {
    this.x = Math.round(x * 10);
    this.y = Math.round(y * 10);
    this.d += `M${num(this.x)} ${num(this.y)}`;
    this.drawing = false;
  }
  lineTo(x: number, y: number): void {
    const nx = Math.round(x * 10);
    const ny = Math.round(y * 10);
    if (nx === this.x && ny === this.y) return;
    const dx = num(nx - this.x);
    const dy = num(ny - this.y);
    this.d += `${this.drawing ? sep(dx) : 'l'}${dx}${sep(dy)}${dy}`;
    this.drawing = true;
    this.x = nx;
    this.y = ny;
  }
  closePath(): void {
    this.d += 'z';
    this.drawing = false;
  }
  beginPath(): void {}
  arc(): void {} // only drawn for point geometries, which country outlines are not
  take(): string {
    const d = this.d;
    this.d = '';
    return d;
  }
}

/** Tenths of a unit as the shortest decimal text: 0.5 → `.5`, -0.5 → `-.5`. */
const num = (tenths: number): string => String(tenths / 10).replace(/^(-?)0\./, '$1.');
/** A number needs a separator from the previous one unless its minus sign is one. */
const sep = (n: string): string => (n.startsWith('-') ? '' : ' ');

interface CountryShape {
  /** Path data (see CompactPath). */
  d: string;
  /** Centre of a dot marker, for countries too small to see (or missing from the 110m topology). */
  marker?: readonly [number, number];
}

function codeOf(f: Country): string | undefined {
  return f.id === undefined ? unidentified[f.properties.name] : alpha3FromNumeric(String(f.id));
}

/** The largest polygon of a feature: where a marker goes (Mauritius's main island, not the middle of the ocean). */
function mainPolygon(f: Country): Polygon {
  if (f.geometry.type === 'Polygon') return f.geometry;
  const polygons = f.geometry.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  return polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

function projectShapes(): { shapes: ReadonlyMap<string, CountryShape>; height: number; projection: GeoProjection } {
  const countries = loadCountries('countries-110m.json').filter((f) => f.id !== antarctica);
  const projection = geoEqualEarth().fitWidth(width, { type: 'FeatureCollection', features: countries });
  const path = geoPath(projection);
  const compact = new CompactPath();
  const draw = geoPath(projection, compact);
  const byCode = new Map<string, Country[]>();
  for (const f of countries) {
    const code = codeOf(f);
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }
  const shapes = new Map<string, CountryShape>();
  for (const [code, parts] of byCode) {
    for (const f of parts) draw(f);
    const areas = parts.map((f) => path.area(f));
    const largest = parts[areas.indexOf(Math.max(...areas))]!;
    const tiny = areas.reduce((sum, a) => sum + a, 0) < tinyArea;
    shapes.set(code, { d: compact.take(), marker: tiny ? markerAt(projection, largest) : undefined });
  }
  const bottom = path.bounds({ type: 'FeatureCollection', features: countries })[1][1];
  return { shapes, height: Math.ceil(bottom), projection };
}

function markerAt(projection: GeoProjection, f: Country): readonly [number, number] | undefined {
  const centre = projection(geoCentroid(mainPolygon(f)));
  return centre ? [round(centre[0]), round(centre[1])] : undefined;
}

const round = (n: number): number => Math.round(n * 10) / 10;
const { shapes, height, projection } = projectShapes();

let smallCountries: ReadonlyMap<string, readonly [number, number]> | undefined;
/**
 * Markers for countries the 110m topology leaves out (Singapore, Malta, Andorra, Monaco…), placed from the 50m
 * topology. Loaded on first need only (it is 750 KB), then kept.
 */
function smallCountryMarker(code: string): readonly [number, number] | undefined {
  if (!smallCountries) {
    const markers = new Map<string, readonly [number, number]>();
    for (const f of loadCountries('countries-50m.json')) {
      const c = codeOf(f);
      const marker = c && !shapes.has(c) ? markerAt(projection, f) : undefined;
      if (c && marker) markers.set(c, marker);
    }
    smallCountries = markers;
  }
  return smallCountries.get(code);
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
