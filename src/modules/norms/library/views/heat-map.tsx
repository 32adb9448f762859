/**
 * A heat map of counts (norms in rows, principles, regions or categories in columns), server-rendered SVG with every
 * number written in its square, and the same figures as an HTML table. Colours are presentation attributes (the CSP
 * forbids inline styles): ColorBrewer's YlGnBu, colour-blind safe and ordered by lightness, without its palest step so
 * that 1 stays distinct from the grey of 0.
 */
import { scaleQuantize } from 'd3-scale';
import { escaping, formatNumber, type Locale } from '../../../../app/i18n/i18n.js';
import { libraryMessages } from '../library.messages.js';
import type { CountTable } from '../library.models.js';

const palette = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
const zeroFill = '#efefef';
/** Text on the three darkest steps is white, on the others near-black: both above 4.5:1. */
const darkFrom = 3;

export interface HeatMapProps<R extends string | number, C extends string | number> {
  locale: Locale;
  id: string;
  title: string;
  description: string;
  table: CountTable<R, C>;
  rowLabel: (row: R) => string;
  /** A column's label; split on spaces onto two lines when long. */
  columnLabel: (column: C) => string;
  columnWidth?: number;
}

function fillIndex(max: number) {
  const scale = scaleQuantize<number>().domain([1, Math.max(max, 1)]).range(palette.map((_, i) => i));
  return (value: number) => (value <= 0 ? -1 : max <= 1 ? 0 : scale(value));
}

/** Splits a label into at most two lines of about `width` characters. */
function lines(label: string, width: number): string[] {
  if (label.length <= width || !label.includes(' ')) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= width) first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  return [first, words.join(' ')].filter(Boolean);
}

export function HeatMap<R extends string | number, C extends string | number>(props: HeatMapProps<R, C>): JSX.Element {
  const { locale, table } = props;
  const t = libraryMessages(locale);
  const cell = props.columnWidth ?? 44;
  const rowHeight = 30;
  const labelWidth = 64;
  const headerHeight = 40;
  const columns = [...table.columns];
  const width = labelWidth + (columns.length + 1) * cell + 2;
  const height = headerHeight + (table.rows.length + 1) * rowHeight + 2;
  const index = fillIndex(table.max);
  const n = (value: number) => formatNumber(locale, value);
  const square = (x: number, y: number, value: number, total = false) => {
    const i = total ? -2 : index(value);
    const fill = i === -2 ? '#fff' : i === -1 ? zeroFill : palette[i]!;
    const ink = i >= darkFrom ? '#fff' : '#1a1f36';
    return (
      <g>
        <rect x={x + 1} y={y + 1} width={cell - 2} height={rowHeight - 2} fill={fill} stroke={total ? '#767c91' : 'none'} />
        <text x={x + cell / 2} y={y + rowHeight / 2 + 4} text-anchor="middle" font-size="12" fill={ink} font-weight={total ? '700' : undefined} safe>
          {n(value)}
        </text>
      </g>
    );
  };
  const header = (x: number, label: string) => {
    const parts = lines(label, Math.max(6, Math.floor(cell / 6.5)));
    return (
      <text x={x + cell / 2} y={parts.length > 1 ? headerHeight - 20 : headerHeight - 8} text-anchor="middle" font-size="11" fill="#1a1f36">
        {parts.map((part, i) => (
          <tspan x={x + cell / 2} dy={i ? '13' : '0'} safe>
            {part}
          </tspan>
        ))}
      </text>
    );
  };
  // Drawn at its own size (its 12-pixel numbers stay readable on a phone); the region scrolls when the screen is narrower.
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${props.id}-title`} tabindex="0">
      <svg xmlns="http://www.w3.org/2000/svg" class="heat-map" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
        <title id={`${props.id}-title`} safe>
          {props.title}
        </title>
        <desc id={`${props.id}-desc`} safe>
          {props.description}
        </desc>
        <g aria-hidden="true">
          {columns.map((c, i) => header(labelWidth + i * cell, props.columnLabel(c)))}
          {header(labelWidth + columns.length * cell, t('coverage.total'))}
          {table.rows.map((r, j) => {
            const y = headerHeight + j * rowHeight;
            return (
              <g>
                <text x={labelWidth - 6} y={y + rowHeight / 2 + 4} text-anchor="end" font-size="12" fill="#1a1f36" safe>
                  {props.rowLabel(r)}
                </text>
                {columns.map((c, i) => square(labelWidth + i * cell, y, table.cells.get(r)?.get(c) ?? 0))}
                {square(labelWidth + columns.length * cell, y, table.rowTotals.get(r) ?? 0, true)}
              </g>
            );
          })}
          <text x={labelWidth - 6} y={headerHeight + table.rows.length * rowHeight + rowHeight / 2 + 4} text-anchor="end" font-size="12" font-weight="700" fill="#1a1f36" safe>
            {t('coverage.total')}
          </text>
          {columns.map((c, i) => square(labelWidth + i * cell, headerHeight + table.rows.length * rowHeight, table.columnTotals.get(c) ?? 0, true))}
        </g>
      </svg>
    </div>
  );
}

/** The heat map's figures as a table: a row per norm, a column per principle, region or category, and the totals. */
export function CountTableView<R extends string | number, C extends string | number>(props: {
  locale: Locale;
  id: string;
  caption: string;
  table: CountTable<R, C>;
  corner: string;
  rowHead: (row: R) => JSX.Element;
  columnLabel: (column: C) => string;
}): JSX.Element {
  const { locale, table } = props;
  const safeT = escaping(libraryMessages(locale));
  const n = (value: number) => formatNumber(locale, value);
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.id} tabindex="0">
      <table class="chart-table sticky-first">
        <caption id={props.id} safe>
          {props.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {props.corner}
            </th>
            {table.columns.map((c) => (
              <th scope="col" class="num" safe>
                {props.columnLabel(c)}
              </th>
            ))}
            <th scope="col" class="num">
              {safeT('coverage.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr>
              <th scope="row">{props.rowHead(r)}</th>
              {table.columns.map((c) => (
                <td class="num" safe>
                  {n(table.cells.get(r)?.get(c) ?? 0)}
                </td>
              ))}
              <td class="num" safe>
                {n(table.rowTotals.get(r) ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{safeT('coverage.total')}</th>
            {table.columns.map((c) => (
              <td class="num" safe>
                {n(table.columnTotals.get(c) ?? 0)}
              </td>
            ))}
            <td></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
