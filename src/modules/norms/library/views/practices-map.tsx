/**
 * Practices per country on a world map. The projected world is the registry's (`shared/world-geometry.ts`, computed
 * once and shared by every map); the registry's own map component lives in the supporters module's views, which
 * another module may not import, and its labels speak of supporters, so this draws the same choropleth with the same
 * colour classes (1-2-5 breaks, YlGnBu) and practice labels. Each country with practices links to them.
 */
import { scaleThreshold } from 'd3-scale';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { countryName } from '../../../../shared/countries.js';
import { smallCountryMarker, worldGeometry } from '../../../../shared/world-geometry.js';
import { libraryMessages } from '../library.messages.js';
import type { FacetCount } from '../library.usecases.js';

const breaks = [2, 5, 10, 25, 50] as const;
const palette = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
const fillFor = scaleThreshold<number, string>().domain([...breaks]).range([...palette]);
const noneFill = '#e1e1e1';

export function PracticesMap(props: { locale: Locale; counts: FacetCount[]; countryHref: (code: string) => string; title: string }): JSX.Element {
  const { locale } = props;
  const t = libraryMessages(locale);
  const safeT = escaping(t);
  const collator = new Intl.Collator(locale);
  const { shapes, width, height } = worldGeometry();
  const rows = props.counts
    .filter((c) => c.count > 0)
    .map((c) => ({ code: c.value, count: c.count, name: countryName(c.value, locale), shape: shapes.get(c.value) }))
    .map((r) => ({ ...r, marker: r.shape ? r.shape.marker : smallCountryMarker(r.code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const withData = new Set(rows.map((r) => r.code));
  const link = (r: (typeof rows)[number]) => (
    <a href={props.countryHref(r.code)}>
      <title safe>{t('map.country', { country: r.name, count: r.count })}</title>
      <g fill={fillFor(r.count)}>
        {r.shape ? <path d={r.shape.d} /> : ''}
        {r.marker ? <circle cx={r.marker[0]} cy={r.marker[1]} r="3.2" stroke="#4d4d4d" stroke-width="0.8" /> : ''}
      </g>
    </a>
  );
  const legend = palette.map((fill, i) => {
    const from = i === 0 ? 1 : breaks[i - 1]!;
    const next = breaks[i];
    const label = next === undefined ? t('map.legend.atLeast', { from }) : next - 1 === from ? formatNumber(locale, from) : t('map.legend.range', { from, to: next - 1 });
    return { fill, label };
  });
  return (
    <div class="world-map">
      <svg xmlns="http://www.w3.org/2000/svg" class="world-map__svg" viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby="practices-map-title" aria-describedby="practices-map-desc">
        <title id="practices-map-title" safe>
          {props.title}
        </title>
        <desc id="practices-map-desc" safe>
          {rows.length ? t('map.desc', { countries: rows.length }) : t('map.descEmpty')}
        </desc>
        <g fill={noneFill} stroke="#fff" stroke-width="0.5" aria-hidden="true">
          {[...shapes].map(([code, shape]) => (withData.has(code) ? '' : <path d={shape.d} />))}
        </g>
        <g stroke="#fff" stroke-width="0.5">{rows.filter((r) => r.shape && !r.marker).map(link)}</g>
        <g stroke="#fff" stroke-width="0.5">{rows.filter((r) => r.marker).map(link)}</g>
      </svg>
      <div class="chart-legend">
        <p class="chart-legend__title" id="practices-map-legend">
          {safeT('map.legend.title')}
        </p>
        <ul class="chart-legend__items" aria-labelledby="practices-map-legend">
          {[{ fill: noneFill, label: t('map.legend.none') }, ...legend].map((item) => (
            <li>
              <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
                <rect x="0.5" y="0.5" width="19" height="13" fill={item.fill} stroke="#767676" stroke-width="1" />
              </svg>
              <span safe>{item.label}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
