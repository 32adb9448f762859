/**
 * Counts of supporters that dated public statements announced (the launch, one year on, January 2022), drawn as
 * points over the registry's own curve and listed with their source. They come from the reference bundle and are
 * never mixed into the registry's numbers: the registry only knows the files it was given, the statements what was
 * announced on the day (the launch's 51 states signed before the official repository existed).
 */
import { formatDate, formatNumber, type Locale } from '../../../app/i18n/i18n.js';
import { chartMessages } from './charts.locales.js';

export interface GrowthMilestone {
  key: string;
  /** `YYYY-MM-DD`. */
  on: string;
  /** `month` when only the month is known (`on` is its first day). */
  onPrecision: string;
  total: number | null;
  byCategory: Partial<Record<string, number>>;
  /** The source says "more than". */
  atLeast: boolean;
  source: string;
  sourceUrl: string | null;
}

/** The count drawn for a milestone: its total, else the sum of the categories it gives (the launch gives three). */
export function milestoneCount(m: GrowthMilestone): number {
  return m.total ?? Object.values(m.byCategory).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

const categories = ['state', 'public-authority', 'private-sector', 'civil-society'] as const;
export const milestoneFill = '#b3541e'; // 5.1:1 on white
const markerRadius = 6;

/** The milestone points inside the growth chart's SVG, with short labels; x and y are the chart's scales. */
export function MilestoneMarks(props: { locale: Locale; milestones: GrowthMilestone[]; x: (d: Date) => number; y: (n: number) => number; right: number }): JSX.Element {
  const t = chartMessages(props.locale);
  return (
    <g class="growth-milestones">
      {props.milestones.map((m) => {
        const cx = Math.round(props.x(new Date(`${m.on}T00:00:00Z`)) * 10) / 10;
        const cy = Math.round(props.y(milestoneCount(m)) * 10) / 10;
        const label = t(m.atLeast ? 'milestone.label.atLeast' : 'milestone.label', { count: milestoneCount(m) });
        const end = cx > props.right - 140;
        return (
          <g>
            <path
              d={`M${cx} ${cy - markerRadius - 1}L${cx + markerRadius + 1} ${cy}L${cx} ${cy + markerRadius + 1}L${cx - markerRadius - 1} ${cy}Z`}
              fill={milestoneFill}
              stroke="#fff"
              stroke-width="1.5"
            />
            <text x={end ? cx - 10 : cx + 10} y={cy - 10} text-anchor={end ? 'end' : 'start'} fill={milestoneFill} font-weight="600" stroke="#fff" stroke-width="3" paint-order="stroke" safe>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The legend entry for the milestone points. */
export function MilestoneLegend({ locale }: { locale: Locale }): JSX.Element {
  return (
    <li>
      <svg class="chart-legend__swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">
        <path d="M10 0L17 7L10 14L3 7Z" fill={milestoneFill} />
      </svg>
      <span safe>{chartMessages(locale)('milestone.legend')}</span>
    </li>
  );
}

/** The milestones as a table: date, counts as announced, and the source of each. */
export function MilestoneTable({ locale, milestones }: { locale: Locale; milestones: GrowthMilestone[] }): JSX.Element {
  if (!milestones.length) return '';
  const t = chartMessages(locale);
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(locale, v));
  return (
    <table class="chart-table milestone-table">
      <caption safe>{t('milestoneTable.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('milestoneTable.date')}</th>
          <th scope="col" class="num" safe>{t('milestoneTable.total')}</th>
          {categories.map((c) => (
            <th scope="col" class="num" safe>{t(`milestoneTable.${c}`)}</th>
          ))}
          <th scope="col" safe>{t('milestoneTable.source')}</th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((m) => (
          <tr>
            <th scope="row" safe>
              {m.onPrecision === 'month' ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.on}T00:00:00Z`)) : formatDate(locale, m.on)}
            </th>
            <td class="num" safe>
              {m.total === null ? '—' : `${m.atLeast ? t('milestoneTable.moreThan') : ''}${n(m.total)}`}
            </td>
            {categories.map((c) => (
              <td class="num" safe>
                {m.byCategory[c] === undefined ? '—' : `${m.atLeast && m.total === null ? t('milestoneTable.moreThan') : ''}${n(m.byCategory[c])}`}
              </td>
            ))}
            <td>{m.sourceUrl ? <a href={m.sourceUrl} safe>{m.source}</a> : <span safe>{m.source}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
