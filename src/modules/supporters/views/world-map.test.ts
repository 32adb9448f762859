import { describe, expect, it } from 'vitest';
import { CountryTable, WorldMap, worldMapSvg, type CountryCount, type WorldMapProps } from './world-map.js';

const counts: CountryCount[] = [
  { countryCode: 'FRA', count: 113, isState: true },
  { countryCode: 'USA', count: 155, isState: true },
  { countryCode: 'IND', count: 63, isState: false },
  { countryCode: 'SGP', count: 8, isState: false }, // not in the 110m topology
  { countryCode: 'MLT', count: 4, isState: true }, // not in the 110m topology either
  { countryCode: 'LUX', count: 11, isState: true }, // in it, but a couple of pixels wide
  { countryCode: 'BTN', count: 1, isState: false },
];

const props = (overrides: Partial<WorldMapProps> = {}): WorldMapProps => ({
  locale: 'en',
  counts,
  countryHref: '/en/supporters?country=',
  title: 'Where supporters come from',
  ...overrides,
});

/** The `<a>` element linking to a country, with its content. */
const linkTo = (svg: string, code: string): string | undefined =>
  svg.match(new RegExp(`<a href="/[a-z]{2}/supporters\\?country=${code}">.*?</a>`))?.[0];

describe('world map', () => {
  it('every country with supporters is one link to its supporters, and no other country is a link', () => {
    const svg = worldMapSvg(props());
    for (const { countryCode } of counts) expect(linkTo(svg, countryCode), countryCode).toBeDefined();
    expect(svg.match(/<a /g)).toHaveLength(counts.length);
  });

  it('each link is named by the country, its count and whether its State supports the Call', () => {
    const svg = worldMapSvg(props());
    expect(linkTo(svg, 'FRA')).toContain('<title>France: 113 supporters, State supports the Call</title>');
    expect(linkTo(svg, 'BTN')).toContain('<title>Bhutan: 1 supporter</title>');
  });

  it('a country whose State supports the Call carries the State mark, and others do not', () => {
    const svg = worldMapSvg(props());
    expect(svg).toContain('<use href="#world-map-FRA"></use>');
    expect(svg).toContain('<use href="#world-map-USA"></use>');
    expect(svg).not.toContain('#world-map-IND"');
    expect(svg).toContain('<pattern id="world-map-hatch"');
  });

  it('small countries missing from the topology are still drawn, as dots', () => {
    const svg = worldMapSvg(props());
    for (const code of ['SGP', 'MLT']) {
      const link = linkTo(svg, code) ?? '';
      expect(link, code).toContain('<circle');
      expect(link, code).not.toContain('<path');
    }
    // A State's dot gets the thick dark outline instead of the hatch, which would not show.
    expect(linkTo(svg, 'MLT')).toContain('stroke="#111"');
  });

  it('a country drawn a few pixels wide gets a dot as well as its outline', () => {
    const link = linkTo(worldMapSvg(props()), 'LUX') ?? '';
    expect(link).toContain('<path');
    expect(link).toContain('<circle');
  });

  it('Kosovo, which has no ISO numeric id in the topology, can still be shaded and linked', () => {
    const svg = worldMapSvg(props({ counts: [{ countryCode: 'XKX', count: 2, isState: false }] }));
    expect(linkTo(svg, 'XKX')).toContain('<path');
  });

  it('a country given twice is added up', () => {
    const svg = worldMapSvg(props({ counts: [{ countryCode: 'FRA', count: 2, isState: false }, { countryCode: 'FRA', count: 3, isState: true }] }));
    expect(linkTo(svg, 'FRA')).toContain('France: 5 supporters, State supports the Call');
  });

  it('titles, descriptions and numbers are in French on French pages', () => {
    const svg = worldMapSvg(props({ locale: 'fr', countryHref: '/fr/supporters?country=', counts: [...counts, { countryCode: 'DEU', count: 1234, isState: false }] }));
    expect(linkTo(svg, 'FRA')).toContain('<title>France : 113 soutiens, l’État soutient l’Appel</title>');
    expect(linkTo(svg, 'DEU')).toContain('Allemagne : 1\u202f234 soutiens</title>');
    expect(svg).toContain('Les soutiens viennent de 8 pays');
    const legend = WorldMap(props({ locale: 'fr' })) as string;
    expect(legend).toContain('Soutiens par pays');
    expect(legend).toContain('50 ou plus');
  });

  it('the legend lists every colour class and explains the State mark and the dots', () => {
    const html = WorldMap(props()) as string;
    for (const label of ['None', '>1<', '2–4', '5–9', '10–24', '25–49', '50 or more', 'The State supports the Call', 'too small']) {
      expect(html).toContain(label);
    }
  });

  it('markup in the title or in a country code is escaped, never injected', () => {
    const svg = worldMapSvg(
      props({ title: '<script>alert(1)</script>', counts: [{ countryCode: '"><script>x</script>', count: 1, isState: false }] }),
    );
    expect(svg.includes('<script')).toBe(false);
    expect(svg.includes('<title id="world-map-title">&lt;script>alert(1)&lt;/script></title>')).toBe(true);
  });

  it('with no supporters every country is grey and the description says so', () => {
    const svg = worldMapSvg(props({ counts: [] }));
    expect(svg).not.toContain('<a ');
    expect(svg).toContain('No supporter has a country yet');
  });

  it('stays small enough to inline in a page (under 120 KB) with real-sized data', () => {
    const svg = worldMapSvg(props());
    expect(svg.length).toBeLessThan(120_000);
  });

  it('renders the same map for the same counts (the projected world is computed once and never changes)', () => {
    expect(worldMapSvg(props())).toBe(worldMapSvg(props()));
    expect(worldMapSvg(props({ counts: counts.slice(0, 2) }))).not.toBe(worldMapSvg(props()));
  });
});

describe('country table', () => {
  const table = (locale: 'en' | 'fr' = 'en') =>
    CountryTable({ locale, counts, countryHref: `/${locale}/supporters?country=`, title: 'Supporters per country' }) as string;

  it('lists countries by number of supporters, then by name, each linked to its supporters', () => {
    const names = [...table().matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toEqual(['United States', 'France', 'India', 'Luxembourg', 'Singapore', 'Malta', 'Bhutan']);
    expect(table()).toContain('<caption>Supporters per country</caption>');
  });

  it('says in words whether the State supports the Call, in the page language', () => {
    expect(table()).toMatch(/France<\/a><\/th><td class="num">113<\/td><td>Yes<\/td>/);
    expect(table('fr')).toMatch(/Inde<\/a><\/th><td class="num">63<\/td><td>Non<\/td>/);
  });
});
