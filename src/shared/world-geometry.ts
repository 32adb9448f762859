/**
 * The world's countries projected once for server-rendered maps (Equal Earth, 960 units wide, Antarctica left out):
 * one compact SVG path per ISO alpha-3 code, plus a dot marker for countries too small to see. Projecting takes tens
 * of milliseconds, so it is done once, on the first map drawn (not at start-up), and shared by every map (the
 * supporters' map, the index's map).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { alpha3FromNumeric } from './countries.js';

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Country = Feature<Polygon | MultiPolygon, { name: string }>;

const require = createRequire(import.meta.url);
const loadCountries = (file: string): Country[] => {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as CountriesTopology;
  return feature(topology, topology.objects.countries).features as Country[];
};

/** The maps' viewBox width; their height is `worldHeight`. */
export const worldWidth = 960;
/** Antarctica (010) would take a sixth of the height and has no data on any of our maps. */
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

export interface CountryShape {
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
  const projection = geoEqualEarth().fitWidth(worldWidth, { type: 'FeatureCollection', features: countries });
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

export interface WorldGeometry {
  /** Every country drawn at the 110m scale, by alpha-3 code. */
  shapes: ReadonlyMap<string, CountryShape>;
  /** The maps' viewBox width and height. */
  width: number;
  height: number;
}

let projected: ReturnType<typeof projectShapes> | undefined;
/** The projected world, computed on first use and kept. */
export function worldGeometry(): WorldGeometry {
  projected ??= projectShapes();
  return { shapes: projected.shapes, width: worldWidth, height: projected.height };
}

let smallCountries: ReadonlyMap<string, readonly [number, number]> | undefined;
/**
 * Markers for countries the 110m topology leaves out (Singapore, Malta, Andorra, Monaco…), placed from the 50m
 * topology. Loaded on first need only (it is 750 KB), then kept.
 */
export function smallCountryMarker(code: string): readonly [number, number] | undefined {
  if (!smallCountries) {
    const markers = new Map<string, readonly [number, number]>();
    for (const f of loadCountries('countries-50m.json')) {
      const c = codeOf(f);
      const { shapes } = worldGeometry();
      const marker = c && !shapes.has(c) ? markerAt(projected!.projection, f) : undefined;
      if (c && marker) markers.set(c, marker);
    }
    smallCountries = markers;
  }
  return smallCountries.get(code);
}
