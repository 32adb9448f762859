import { describe, expect, it } from 'vitest';
import { GrowthChart, GrowthTable, cumulativeByMonth, totalsByYear, type GrowthChartProps, type GrowthPoint } from './growth-chart.js';

const points: GrowthPoint[] = [
  { month: '2019-09', signed: 0, firstSeen: 735 },
  { month: '2019-11', signed: 41, firstSeen: 342 },
  { month: '2020-03', signed: 11, firstSeen: 11 },
  { month: '2021-01', signed: 12, firstSeen: 11 },
];

const props = (overrides: Partial<GrowthChartProps> = {}): GrowthChartProps => ({
  locale: 'en',
  points,
  registryStart: '2019-09-16',
  title: 'Growth of the Call',
  ...overrides,
});

describe('cumulative growth', () => {
  it('adds both origins month by month, months without joins included', () => {
    const months = cumulativeByMonth(points);
    expect(months).toHaveLength(17); // 2019-09 … 2021-01
    expect(months.slice(0, 3)).toEqual([
      { month: '2019-09', signed: 0, firstSeen: 735, cumulativeSigned: 0, cumulativeFirstSeen: 735, total: 735 },
      { month: '2019-10', signed: 0, firstSeen: 0, cumulativeSigned: 0, cumulativeFirstSeen: 735, total: 735 },
      { month: '2019-11', signed: 41, firstSeen: 342, cumulativeSigned: 41, cumulativeFirstSeen: 1077, total: 1118 },
    ]);
    expect(months.at(-1)).toMatchObject({ month: '2021-01', cumulativeSigned: 64, cumulativeFirstSeen: 1099, total: 1163 });
  });

  it('accepts months in any order and merges a repeated month', () => {
    const months = cumulativeByMonth([
      { month: '2020-01', signed: 1, firstSeen: 0 },
      { month: '2019-12', signed: 0, firstSeen: 2 },
      { month: '2020-01', signed: 3, firstSeen: 0 },
    ]);
    expect(months.map((m) => [m.month, m.total])).toEqual([
      ['2019-12', 2],
      ['2020-01', 6],
    ]);
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => cumulativeByMonth([{ month: '2019-9', signed: 1, firstSeen: 0 }])).toThrow(/Invalid month/);
  });

  it('sums joins per year with the running total at the end of each year', () => {
    expect(totalsByYear(points)).toEqual([
      { year: 2019, signed: 41, firstSeen: 1077, cumulative: 1118 },
      { year: 2020, signed: 11, firstSeen: 11, cumulative: 1140 },
      { year: 2021, signed: 12, firstSeen: 11, cumulative: 1163 },
    ]);
  });
});

describe('growth chart', () => {
  it('draws both origins as stacked areas told apart by pattern, with a legend and an accessible title', () => {
    const html = GrowthChart(props()) as string;
    expect(html).toContain('role="img"');
    expect(html).toContain('<title id="growth-chart-title">Growth of the Call</title>');
    expect(html).toContain('fill="url(#growth-chart-hatch)"');
    expect(html).toContain('Dated by first appearance in the official registry (hatched)');
    expect(html).toContain('Dated by signature date (solid)');
  });

  it('describes the totals and annotates the start of the registry with the number computed from the data', () => {
    const html = GrowthChart(props()) as string;
    expect(html).toContain('reaching 1,163 supporters: 1,099 dated by their first appearance');
    expect(html).toContain('September 16, 2019: the official registry begins');
    expect(html).toContain('735 supporters dated by this day: listed on or before it');
  });

  it('labels axes with localized months, years and numbers in French', () => {
    const html = GrowthChart(props({ locale: 'fr', title: 'Croissance de l’Appel' })) as string;
    expect(html).toContain('16 septembre 2019 : début du registre officiel');
    expect(html).toContain('735 soutiens datés de ce jour');
    expect(html).toContain('>1\u202f200</text>');
    expect(html).toMatch(/>janv\.<\/text>/);
    expect(html).toContain('Soutiens, en cumul');
  });

  it('leaves out the annotation when the registry start falls outside the data', () => {
    const html = GrowthChart(props({ points: [{ month: '2021-01', signed: 3, firstSeen: 0 }] })) as string;
    expect(html).toContain('<svg');
    expect(html).not.toContain('the official registry begins');
  });

  it('with no data says so honestly instead of drawing an empty chart', () => {
    for (const empty of [[], [{ month: '2020-01', signed: 0, firstSeen: 0 }]]) {
      const html = GrowthChart(props({ points: empty })) as string;
      expect(html).not.toContain('<svg');
      expect(html).toContain('No data yet');
    }
    expect(GrowthChart(props({ locale: 'fr', points: [] }))).toContain('Pas encore de données');
  });

  it('escapes markup in the title', () => {
    const html = GrowthChart(props({ title: '<script>alert(1)</script>' })) as string;
    expect(html.includes('<script')).toBe(false);
    expect(html.includes('<title id="growth-chart-title">&lt;script>alert(1)&lt;/script></title>')).toBe(true);
  });
});

describe('growth table', () => {
  it('gives joins per year by origin and the cumulative total, with a note on first-seen dates', () => {
    const html = GrowthTable(props()) as string;
    expect(html).toContain('<caption>Growth of the Call, by year</caption>');
    expect(html).toMatch(/<th scope="row">2019<\/th><td class="num">41<\/td><td class="num">1,077<\/td><td class="num">1,118<\/td>/);
    expect(html).toMatch(/<th scope="row">2021<\/th><td class="num">12<\/td><td class="num">11<\/td><td class="num">1,163<\/td>/);
    expect(html).toContain('aria-describedby="growth-table-note"');
    expect(html).toContain('means “on or before September 16, 2019”; 735 supporters have that date.');
  });

  it('is in French on French pages', () => {
    const html = GrowthTable(props({ locale: 'fr', title: 'Croissance de l’Appel' })) as string;
    expect(html).toContain('<caption>Croissance de l’Appel, par année</caption>');
    expect(html).toContain('Total cumulé');
    expect(html).toContain('1\u202f118');
    expect(html).toContain('«\u00a0le 16 septembre 2019 ou avant\u00a0» ; 735 soutiens ont cette date.');
  });

  it('explains first-seen dates even when no supporter carries the start date', () => {
    const html = GrowthTable(props({ points: [{ month: '2021-01', signed: 3, firstSeen: 1 }] })) as string;
    expect(html).toContain('means “on or before September 16, 2019”.</p>');
  });

  it('renders nothing without data (the chart carries the message)', () => {
    expect(GrowthTable(props({ points: [] }))).toBe('');
  });
});
