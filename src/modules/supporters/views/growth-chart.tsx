/**
 * How the Call grew: a stacked area chart of the cumulative number of supporters, and its data table by year.
 *
 * A supporter is dated by its own signature date when the registry gives one, otherwise by the day it first appeared
 * in the official registry's repository. The two origins are stacked and told apart by pattern as well as colour,
 * and the day the repository begins is annotated: its first-seen date means "on or before".
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { formatDate, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { chartMessages } from './charts.locales.js';
import { milestoneCount, MilestoneLegend, MilestoneMarks, type GrowthMilestone } from './growth-milestones.js';

export interface GrowthPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Supporters who joined that month, dated by their own `date_signed`. */
  signed: number;
  /** Supporters who joined that month, dated by the registry's first-seen date. */
  firstSeen: number;
}

export interface GrowthChartProps {
  locale: Locale;
  points: GrowthPoint[];
  /** The first-seen date of the initial batch (`2019-09-16`), which means "on or before". */
  registryStart: string;
  title: string;
  /** Counts announced in dated public statements, drawn as points over the curve (reference bundle). */
  milestones?: GrowthMilestone[];
  /** Prefix of the SVG's element ids; only needed when a page shows two charts. */
  id?: string;
}

export type GrowthTableProps = Omit<GrowthChartProps, 'id' | 'milestones'>;

export interface CumulativeMonth extends GrowthPoint {
  cumulativeSigned: number;
  cumulativeFirstSeen: number;
  total: number;
}

export interface YearTotals {
  year: number;
  signed: number;
  firstSeen: number;
  /** Everyone who joined up to the end of that year. */
  cumulative: number;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthStart = (month: string): Date => new Date(`${month}-01T00:00:00Z`);
const nextMonth = (month: string): string => {
  const d = monthStart(month);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

/**
 * Month-by-month running totals from the first month with joins to the last, months without joins included.
 * Points may come in any order and repeat a month. Throws on a malformed month: that is a bug in the caller's query.
 */
export function cumulativeByMonth(points: GrowthPoint[]): CumulativeMonth[] {
  const byMonth = new Map<string, GrowthPoint>();
  for (const p of points) {
    if (!monthPattern.test(p.month)) throw new Error(`Invalid month "${p.month}": expected YYYY-MM`);
    if (p.signed + p.firstSeen <= 0) continue;
    const seen = byMonth.get(p.month) ?? { month: p.month, signed: 0, firstSeen: 0 };
    byMonth.set(p.month, { month: p.month, signed: seen.signed + p.signed, firstSeen: seen.firstSeen + p.firstSeen });
  }
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const result: CumulativeMonth[] = [];
  let signed = 0;
  let firstSeen = 0;
  for (let month = first; month <= last; month = nextMonth(month)) {
    const p = byMonth.get(month) ?? { month, signed: 0, firstSeen: 0 };
    signed += p.signed;
    firstSeen += p.firstSeen;
    result.push({ ...p, cumulativeSigned: signed, cumulativeFirstSeen: firstSeen, total: signed + firstSeen });
  }
  return result;
}

/** Joins per calendar year by origin, with the running total: the growth chart's data table. */
export function totalsByYear(points: GrowthPoint[]): YearTotals[] {
  const years = new Map<number, YearTotals>();
  for (const m of cumulativeByMonth(points)) {
    const year = Number(m.month.slice(0, 4));
    const y = years.get(year) ?? { year, signed: 0, firstSeen: 0, cumulative: 0 };
    years.set(year, { year, signed: y.signed + m.signed, firstSeen: y.firstSeen + m.firstSeen, cumulative: m.total });
  }
  return [...years.values()];
}

/**
 * How many supporters carry the registry's start date as their first-seen date. Data is monthly, so this counts the
 * first-seen joins of the start month: the repository's first commits all date from its first day.
 */
function datedByStart(months: CumulativeMonth[], registryStart: string): number | undefined {
  return months.find((m) => m.month === registryStart.slice(0, 7))?.firstSeen || undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing. An 860-unit-wide viewBox with 14-unit text: the CSS keeps it at least 40rem wide so labels stay legible.

const width = 860;
const height = 400;
const margin = { top: 76, right: 20, bottom: 48, left: 60 };
const textFill = '#333'; // 12.6:1 on white
const firstSeenFill = '#a6cbe3';
const firstSeenLine = '#3f6f94';
const signedFill = '#0d4a80';

/** A scale interpolator rounding to 0.1 unit: shorter SVG, no visible difference. */
const roundTo10th = (a: number, b: number) => (t: number) => Math.round((a * (1 - t) + b * t) * 10) / 10;

function monthFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): (d: Date) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (d) => format.format(d);
}

/** The stacked area chart, with its legend; `GrowthTable` gives the same figures as text. */
export function GrowthChart(props: GrowthChartProps): JSX.Element {
  const { locale, points, registryStart, title, id = 'growth-chart', milestones = [] } = props;
  const t = chartMessages(locale);
  const months = cumulativeByMonth(points);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) {
    return (
      <p class="chart-empty" safe>
        {t('growth.empty')}
      </p>
    );
  }

  // Each month's total holds from the start of that month to the start of the next (a step, not a slope).
  const steps = months.map((m) => ({ x: monthStart(m.month), m }));
  steps.push({ x: monthStart(nextMonth(last.month)), m: last });
  // Milestones before the first join or after the last widen the time axis so that every one of them is drawn.
  const milestoneDates = milestones.map((m) => new Date(`${m.on}T00:00:00Z`));
  const domainStart = new Date(Math.min(steps[0]!.x.getTime(), ...milestoneDates.map((d) => monthStart(d.toISOString().slice(0, 7)).getTime())));
  const domainEnd = new Date(Math.max(steps.at(-1)!.x.getTime(), ...milestoneDates.map((d) => monthStart(nextMonth(d.toISOString().slice(0, 7))).getTime())));
  const x = scaleUtc()
    .domain([domainStart, domainEnd])
    .range([margin.left, width - margin.right])
    .interpolate(roundTo10th);
  const y = scaleLinear()
    .domain([0, Math.max(last.total, ...milestones.map(milestoneCount))])
    .nice(5)
    .range([height - margin.bottom, margin.top])
    .interpolate(roundTo10th);
  const firstSeenArea = area<(typeof steps)[number]>()
    .curve(curveStepAfter)
    .x((s) => x(s.x))
    .y0(y(0))
    .y1((s) => y(s.m.cumulativeFirstSeen));
  const signedArea = area<(typeof steps)[number]>()
    .curve(curveStepAfter)
    .x((s) => x(s.x))
    .y0((s) => y(s.m.cumulativeFirstSeen))
    .y1((s) => y(s.m.total));
  const totalLine = line<(typeof steps)[number]>()
    .curve(curveStepAfter)
    .x((s) => x(s.x))
    .y((s) => y(s.m.total));

  const xTicks = x.ticks(8);
  const yearsOnly = xTicks.every((d) => d.getUTCMonth() === 0);
  const monthLabel = monthFormatter(locale, { month: 'short' });
  const yearLabel = monthFormatter(locale, { year: 'numeric' });
  const monthYear = monthFormatter(locale, { month: 'long', year: 'numeric' });
  const start = new Date(`${registryStart}T00:00:00Z`);
  const datedAtStart = datedByStart(months, registryStart);
  const annotate = datedAtStart !== undefined && start >= x.domain()[0]! && start <= x.domain()[1]!;
  const ax = Math.round(x(start));
  const anchorEnd = ax > width / 2;
  const desc = t('growth.desc', {
    start: monthYear(monthStart(first.month)),
    end: monthYear(monthStart(last.month)),
    total: last.total,
    firstSeen: last.cumulativeFirstSeen,
    signed: last.cumulativeSigned,
  });

  return (
    <div class="growth-chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="growth-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        font-size="14"
      >
        <title id={`${id}-title`} safe>
          {title}
        </title>
        <desc id={`${id}-desc`} safe>
          {desc}
        </desc>
        <defs>
          <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={firstSeenFill} />
            <line x1="3" y1="0" x2="3" y2="6" stroke={firstSeenLine} stroke-width="1.2" />
          </pattern>
        </defs>
        <g stroke="#d9d9d9" stroke-width="1">
          {y.ticks(5).map((v) => (
            <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} />
          ))}
        </g>
        <path d={firstSeenArea(steps) ?? ''} fill={`url(#${id}-hatch)`} />
        <path d={signedArea(steps) ?? ''} fill={signedFill} />
        <path d={totalLine(steps) ?? ''} fill="none" stroke="#061f3a" stroke-width="1.5" />
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke={textFill} />
        <g fill={textFill} text-anchor="end">
          {y.ticks(5).map((v) => (
            <text x={margin.left - 8} y={y(v)} dy="0.32em" safe>
              {formatNumber(locale, v)}
            </text>
          ))}
        </g>
        <text x="0" y="16" fill={textFill} font-weight="600" safe>
          {t('growth.axis')}
        </text>
        <g fill={textFill} text-anchor="middle">
          {xTicks.map((d, i) => (
            <g>
              <line x1={x(d)} x2={x(d)} y1={y(0)} y2={y(0) + 5} stroke={textFill} />
              <text x={x(d)} y={y(0) + 21} safe>
                {yearsOnly ? yearLabel(d) : monthLabel(d)}
              </text>
              {!yearsOnly && (i === 0 || d.getUTCMonth() === 0) ? (
                <text x={x(d)} y={y(0) + 39} font-weight="600" safe>
                  {yearLabel(d)}
                </text>
              ) : (
                ''
              )}
            </g>
          ))}
        </g>
        <MilestoneMarks locale={locale} milestones={milestones} x={x} y={y} right={width - margin.right} />
        {annotate ? (
          <g fill="#1a1a1a" text-anchor={anchorEnd ? 'end' : 'start'}>
            <line x1={ax} x2={ax} y1={margin.top - 46} y2={y(0)} stroke="#1a1a1a" stroke-dasharray="4 3" />
            <text x={anchorEnd ? ax - 6 : ax + 6} y={margin.top - 34} font-weight="600" safe>
              {t('growth.annotation.date', { date: formatDate(locale, registryStart) })}
            </text>
            <text x={anchorEnd ? ax - 6 : ax + 6} y={margin.top - 16} safe>
              {t('growth.annotation.count', { count: datedAtStart })}
            </text>
          </g>
        ) : (
          ''
        )}
      </svg>
      <ul class="chart-legend chart-legend__items">
        <li>
          <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
            <rect x="0.5" y="0.5" width="19" height="13" fill={firstSeenFill} stroke={firstSeenLine} />
            <path d="M-4 14 10 0M2 14 16 0M8 14 22 0M14 14 28 0" stroke={firstSeenLine} stroke-width="1.2" />
          </svg>
          <span safe>{t('growth.legend.firstSeen')}</span>
        </li>
        <li>
          <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
            <rect x="0.5" y="0.5" width="19" height="13" fill={signedFill} stroke="#061f3a" />
          </svg>
          <span safe>{t('growth.legend.signed')}</span>
        </li>
        {milestones.length ? <MilestoneLegend locale={locale} /> : ''}
      </ul>
    </div>
  );
}

/** The chart's data table, by year, with a note on what first-seen dates mean. Renders nothing without data. */
export function GrowthTable({ locale, points, registryStart, title }: GrowthTableProps): JSX.Element {
  const t = chartMessages(locale);
  const years = totalsByYear(points);
  if (!years.length) return '';
  const noteId = 'growth-table-note';
  const datedAtStart = datedByStart(cumulativeByMonth(points), registryStart) ?? 0;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <>
      <table class="chart-table growth-table" aria-describedby={noteId}>
        <caption safe>{t('growthTable.caption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('growthTable.year')}
            </th>
            <th scope="col" class="num" safe>
              {t('growthTable.signed')}
            </th>
            <th scope="col" class="num" safe>
              {t('growthTable.firstSeen')}
            </th>
            <th scope="col" class="num" safe>
              {t('growthTable.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr>
              <th scope="row" safe>
                {String(y.year)}
              </th>
              <td class="num" safe>
                {n(y.signed)}
              </td>
              <td class="num" safe>
                {n(y.firstSeen)}
              </td>
              <td class="num" safe>
                {n(y.cumulative)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="chart-note" id={noteId} safe>
        {t('growthTable.note', { date: formatDate(locale, registryStart), count: datedAtStart })}
      </p>
    </>
  );
}
