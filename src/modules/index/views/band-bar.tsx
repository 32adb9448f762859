import { scaleLinear } from 'd3-scale';
import type { Locale } from '../../../app/i18n/i18n.js';
import { indexMessages } from '../index.messages.js';
import { formatBand, formatScore } from './format.js';

/**
 * A score and its 5–95 % band as a small server-rendered SVG: a line from the low to the high end and a dot at the
 * score. The numbers are in the table beside it; the label says them to screen readers.
 */
function BandBar(props: { value: number | null; low: number | null; high: number | null; domain: [number, number]; label: string }): JSX.Element {
  const width = 120;
  const height = 14;
  const x = scaleLinear().domain(props.domain).range([4, width - 4]).clamp(true);
  const has = (v: number | null): v is number => v !== null && Number.isFinite(v);
  return (
    <svg class="band-bar" width={String(width)} height={String(height)} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label}>
      <line x1="4" x2={String(width - 4)} y1="7" y2="7" class="band-bar__axis" />
      {has(props.low) && has(props.high) ? (
        <line x1={x(props.low).toFixed(1)} x2={x(props.high).toFixed(1)} y1="7" y2="7" class="band-bar__band" />
      ) : (
        ''
      )}
      {has(props.value) ? <circle cx={x(props.value).toFixed(1)} cy="7" r="3.5" class="band-bar__value" /> : ''}
    </svg>
  );
}

/** A score's band cell content: the band bar, named for screen readers, and its two ends as text beside it. */
export function ScoreBand(props: { locale: Locale; value: number | null; low: number | null; high: number | null; domain: [number, number] }): JSX.Element {
  const { locale, low, high } = props;
  const label = indexMessages(locale)('ranking.bandLabel', { low: formatScore(locale, low), high: formatScore(locale, high) });
  return (
    <>
      <BandBar value={props.value} low={low} high={high} domain={props.domain} label={label} />{' '}
      <span class="meta" safe>
        {formatBand(locale, low, high)}
      </span>
    </>
  );
}
