import { scaleLinear } from 'd3-scale';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { indicatorNotFound } from '../index.errors.js';
import { indexMessages } from '../index.messages.js';
import type { EditionSnapshot, SnapshotNode, SnapshotRow } from '../index.models.js';
import { isWithheld } from '../index.withheld.js';
import { formatRank, formatRaw, formatRawWithUnit, formatScore, unitText } from './format.js';
import { indexChartMessages } from './index-charts.locales.js';
import { ColumnHeads, EditionNotices, TimeNav, UnitCell } from './page-parts.js';
import type { EditionView } from './ranking-page.js';

/** The indicator node of an edition, or a 404. */
export function findIndicator(snapshot: EditionSnapshot, code: string): SnapshotNode {
  const node = snapshot.nodes.find((n) => n.kind === 'indicator' && n.code === code);
  if (!node) throw indicatorNotFound();
  return node;
}

/** Rows of one time point by the indicator's rank (best first); units without a value last, by code. */
function indicatorRows(snapshot: EditionSnapshot, code: string, time: number | null): SnapshotRow[] {
  return snapshot.rows
    .filter((r) => r.time === time)
    .sort((a, b) => (a.ranks[code] ?? Infinity) - (b.ranks[code] ?? Infinity) || a.unit.localeCompare(b.unit));
}

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A strip plot of raw values: one dot per unit on a linear axis, stacked where values coincide. */
function StripPlot(props: { locale: Locale; values: number[]; label: string }): JSX.Element {
  const w = 640;
  const h = 90;
  const axisY = 60;
  const lo = props.values.length ? Math.min(...props.values) : 0;
  const hi = props.values.length ? Math.max(...props.values) : 1;
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .nice()
    .range([24, w - 24]);
  const seen = new Map<string, number>();
  const dots = props.values.map((v) => {
    const cx = x(v).toFixed(1);
    const stack = seen.get(cx) ?? 0;
    seen.set(cx, stack + 1);
    return { cx, cy: (axisY - 10 - stack * 9).toFixed(1) };
  });
  return (
    <svg class="strip-plot" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.label}>
      <line x1="24" x2={String(w - 24)} y1={String(axisY)} y2={String(axisY)} stroke="#767676" />
      {x.ticks(6).map((tick) => (
        <g>
          <line x1={x(tick).toFixed(1)} x2={x(tick).toFixed(1)} y1={String(axisY)} y2={String(axisY + 5)} stroke="#767676" />
          <text x={x(tick).toFixed(1)} y={String(axisY + 18)} text-anchor="middle" font-size="11" fill="#1a1f36" safe>
            {formatRaw(props.locale, tick)}
          </text>
        </g>
      ))}
      {dots.map((d) => (
        <circle cx={d.cx} cy={d.cy} r="4" fill="#1d91c0" fill-opacity="0.8" stroke="#0c2c84" stroke-width="0.8" />
      ))}
    </svg>
  );
}

/** One indicator of an edition: what it measures and where from, its coverage, distribution and every unit's value. */
export function IndicatorPage(props: { locale: Locale; edition: EditionView; indicator: SnapshotNode; time: number | null; path: string }): JSX.Element {
  const { locale, edition, indicator: node, time } = props;
  const { snapshot } = edition;
  const t = indexChartMessages(locale);
  const safeT = escaping(t);
  const timeText = String(time ?? '—');
  const base = `/${locale}/index/${edition.slug}`;
  const rows = indicatorRows(snapshot, node.code, time);
  const values = rows.map((r) => r.raw[node.code]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const summary = t('indicator.summary', {
    count: values.length,
    time: timeText,
    min: formatRaw(locale, values[0]),
    median: formatRaw(locale, median(values)),
    max: formatRaw(locale, values[values.length - 1]),
  });
  const parent = snapshot.nodes.find((n) => n.code === node.parent);
  const coverage = snapshot.coverage.indicators.find((c) => c.code === node.code);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const title = t('indicator.title', { name: node.name });
  const tIndex = indexMessages(locale);
  const rawCell = (value: number | null | undefined) =>
    node.rawWithheld ? tIndex('raw.withheld') : formatRawWithUnit(locale, value, node.unit);
  // Scores and ranks withheld with the raw values (a rescaling of them): said in each cell, the source named above.
  const withheld = isWithheld(node);
  const withheldNote = { source: node.source ?? node.code, licence: node.licence ?? '—' };
  const detail = (label: string, value: string | null) => (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value ?? t('indicator.none')}</dd>
    </>
  );
  return (
    <Layout locale={locale} title={`${title} — ${edition.title}`} path={props.path} current="index">
      <p class="breadcrumb">
        <a href={`${base}/map?time=${time ?? ''}`}>{safeT('indicator.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="meta" safe>
        {edition.title}
      </p>
      <EditionNotices locale={locale} edition={edition} />
      {withheld || node.rawWithheld ? (
        <p class="notice" safe>
          {tIndex(withheld ? 'scores.withheld.note' : 'raw.withheld.note', withheldNote)}
        </p>
      ) : (
        ''
      )}
      <dl>
        {detail(t('indicator.code'), node.code)}
        {detail(t('indicator.unit'), unitText(node.unit))}
        {detail(t('indicator.direction'), t(node.direction === 1 ? 'indicator.higher' : 'indicator.lower'))}
        {detail(t('indicator.category'), parent ? parent.name : null)}
        {detail(t('indicator.weight'), node.weight === null ? t('indicator.equal') : formatRaw(locale, node.weight))}
        {detail(t('indicator.source'), node.source)}
        {detail(t('indicator.licence'), node.licence)}
        {node.note ? detail(t('indicator.note'), node.note) : ''}
      </dl>
      <TimeNav times={snapshot.times} current={time} label={t('indicator.col.time')} href={(y) => `${base}/indicators/${encodeURIComponent(node.code)}?time=${y ?? ''}`} />
      <h2>{safeT('indicator.coverage')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{safeT('indicator.coverageCaption')}</caption>
          <ColumnHeads columns={[{ label: t('indicator.col.time') }, { label: t('indicator.col.withData'), num: true }, { label: t('indicator.col.total'), num: true }, { label: t('indicator.col.share'), num: true }]} />
          <tbody>
            {snapshot.times.map((y) => {
              const withData = coverage?.unitsWithData[y === null ? 'all' : String(y)] ?? 0;
              const total = snapshot.rows.filter((r) => r.time === y).length;
              return (
                <tr>
                  <th scope="row" safe>
                    {String(y ?? '—')}
                  </th>
                  <td class="num" safe>
                    {formatRank(locale, withData)}
                  </td>
                  <td class="num" safe>
                    {formatRank(locale, total)}
                  </td>
                  <td class="num">
                    {total ? percent.format(withData / total) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {node.rawWithheld ? (
        ''
      ) : (
        <>
          <h2>{safeT('indicator.distribution', { time: timeText })}</h2>
          <figure class="chart">
            {values.length ? <StripPlot locale={locale} values={values} label={t('indicator.chartLabel', { name: node.name, summary })} /> : ''}
            <figcaption safe>{summary}</figcaption>
          </figure>
        </>
      )}
      <h2>{safeT('indicator.values')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{safeT('indicator.caption', { name: node.name, time: timeText })}</caption>
          <ColumnHeads columns={[{ label: t('indicator.col.rank'), num: true }, { label: t('indicator.col.unit') }, { label: t('indicator.col.raw'), num: true }, { label: t('indicator.col.normalised'), num: true }]} />
          <tbody>
            {rows.map((row) => (
              <tr>
                <td class="num" safe>
                  {withheld ? tIndex('scores.withheld') : formatRank(locale, row.ranks[node.code])}
                </td>
                <UnitCell locale={locale} base={base} snapshot={snapshot} unit={row.unit} time={row.time} />
                <td class="num" safe>
                  {rawCell(row.raw[node.code])}
                </td>
                <td class="num" safe>
                  {withheld ? tIndex('scores.withheld') : formatScore(locale, row.scores[node.code])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
