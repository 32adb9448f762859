import { formatNumber, type Locale } from '../i18n/i18n.js';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart, server-rendered SVG: one bar per row with its label on the left and its value at its end.
 * `role="img"` with a `<title>` and a `<desc>` (the text alternative); the figures are also in the table the page puts
 * beside it. Colours are attributes: the site's policy admits no inline style.
 */
export function BarChart(props: { locale: Locale; id: string; title: string; description: string; bars: Bar[]; labelWidth?: number }): JSX.Element {
  const labelWidth = props.labelWidth ?? 48;
  const rowHeight = 22;
  const width = 640;
  const barSpace = width - labelWidth - 56;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const height = props.bars.length * rowHeight + 8;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={String(width)}
      height={String(height)}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
    >
      <title id={`${props.id}-title`} safe>
        {props.title}
      </title>
      <desc id={`${props.id}-desc`} safe>
        {props.description}
      </desc>
      {props.bars.map((bar, i) => {
        const y = 4 + i * rowHeight;
        const length = (bar.value / max) * barSpace;
        return (
          <g>
            <text x={String(labelWidth - 6)} y={String(y + 15)} text-anchor="end" font-size="13" fill="#1a1f36" safe>
              {bar.label}
            </text>
            <rect x={String(labelWidth)} y={String(y + 3)} width={length.toFixed(1)} height="15" fill="#1d4e89" />
            <text x={(labelWidth + length + 6).toFixed(1)} y={String(y + 15)} font-size="13" fill="#1a1f36" safe>
              {formatNumber(props.locale, bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
