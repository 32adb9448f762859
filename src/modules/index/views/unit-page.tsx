import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { EditionSnapshot, SnapshotNode, SnapshotRow } from '../index.models.js';
import { indexMessages } from '../index.messages.js';
import { isWithheld } from '../index.withheld.js';
import { ScoreBand } from './band-bar.js';
import { UnitChangesSection, type ChangesView } from './changes-section.js';
import { formatBand, formatRank, formatRawWithUnit, formatScore, scoreDomain, unitName } from './format.js';
import { ColumnHeads, Downloads, EditionNotices } from './page-parts.js';
import type { EditionView } from './ranking-page.js';
import { WithheldNotice } from './withheld.js';

export interface UnitHistoryEntry {
  slug: string;
  title: string;
  time: number | null;
  score: number | null;
  rank: number | null;
  low: number | null;
  high: number | null;
}

/** A unit's top score, band and rank at every time point of every edition given, in the editions' order. */
export function unitHistory(editions: EditionView[], unit: string): UnitHistoryEntry[] {
  return editions.flatMap(({ slug, title, snapshot }) =>
    snapshot.rows
      .filter((row) => row.unit === unit)
      .map((row) => {
        const band = row.bands[snapshot.top];
        const score = row.scores[snapshot.top] ?? null;
        return { slug, title, time: row.time, score, rank: row.ranks[snapshot.top] ?? null, low: band?.score.p5 ?? null, high: band?.score.p95 ?? null };
      }),
  );
}

/** Indicators of a row ordered by rank (best first), with a rank; withheld indicators are left out (they have none to show). */
function indicatorsByRank(snapshot: EditionSnapshot, row: SnapshotRow): SnapshotNode[] {
  return snapshot.nodes
    .filter((n) => n.kind === 'indicator' && !isWithheld(n) && row.ranks[n.code] !== null && row.ranks[n.code] !== undefined)
    .sort((a, b) => (row.ranks[a.code] as number) - (row.ranks[b.code] as number));
}

function IndicatorTable(props: { locale: Locale; caption: string; nodes: SnapshotNode[]; row: SnapshotRow; base: string }): JSX.Element {
  const t = indexMessages(props.locale);
  const withheld = t('scores.withheld');
  return (
    <div class="table-scroll">
      <table>
        <caption safe>{props.caption}</caption>
        <ColumnHeads columns={[{ label: t('unit.col.indicator') }, { label: t('unit.col.raw'), num: true }, { label: t('unit.col.normalised'), num: true }, { label: t('unit.col.rank'), num: true }, { label: t('unit.col.source') }]} />
        <tbody>
          {props.nodes.map((n) => (
            <tr>
              <th scope="row">
                <a href={`${props.base}/indicators/${encodeURIComponent(n.code)}?time=${props.row.time ?? ''}`} safe>
                  {n.name}
                </a>
              </th>
              <td class="num" safe>
                {n.rawWithheld ? t('raw.withheld') : formatRawWithUnit(props.locale, props.row.raw[n.code], n.unit)}
              </td>
              <td class="num" safe>
                {isWithheld(n) ? withheld : formatScore(props.locale, props.row.scores[n.code])}
              </td>
              <td class="num" safe>
                {isWithheld(n) ? withheld : formatRank(props.locale, props.row.ranks[n.code])}
              </td>
              <td safe>{[n.source, n.licence].filter(Boolean).join(' — ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One country (or unit) in an edition: its score and band, its categories, strengths, weaknesses and history. */
export function UnitPage(props: {
  locale: Locale;
  edition: EditionView;
  changes: ChangesView;
  unit: string;
  time: number | null;
  history: UnitHistoryEntry[];
  path: string;
}): JSX.Element {
  const { locale, edition, unit, time } = props;
  const { snapshot } = edition;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const top = snapshot.top;
  const name = unitName(locale, snapshot, unit);
  const row = snapshot.rows.find((r) => r.unit === unit && r.time === time);
  const total = snapshot.rows.filter((r) => r.time === time && r.scores[top] !== null).length;
  const categories = snapshot.nodes.filter((n) => n.parent === top);
  const ranked = row ? indicatorsByRank(snapshot, row) : [];
  const strengths = ranked.slice(0, 3);
  const weaknesses = ranked.length > 3 ? ranked.slice(-3).reverse() : [];
  const band = row?.bands[top];
  const base = `/${locale}/index/${edition.slug}`;
  return (
    <Layout locale={locale} title={t('unit.title', { unit: name, edition: edition.title })} path={props.path} current="index">
      <p class="breadcrumb">
        <a href={`${base}?time=${time ?? ''}`}>{safeT('unit.back')}</a>
      </p>
      <h1>{safeT('unit.title', { unit: name, edition: edition.title })}</h1>
      <EditionNotices locale={locale} edition={edition} />
      {!row ? (
        <p>{safeT('unit.notFound')}</p>
      ) : (
        <>
          {row.scores[top] === null ? (
            <p class="lead">{safeT('unit.notScored', { time: String(time ?? '—') })}</p>
          ) : (
            <p class="lead">
              {safeT('unit.summary', {
                score: formatScore(locale, row.scores[top]),
                low: formatScore(locale, band?.score.p5),
                high: formatScore(locale, band?.score.p95),
                rank: formatRank(locale, row.ranks[top]),
                total,
                rankLow: formatRank(locale, band?.rank.p5),
                rankHigh: formatRank(locale, band?.rank.p95),
                time: String(time ?? '—'),
              })}
            </p>
          )}
          <h2>{safeT('unit.categories')}</h2>
          <WithheldNotice locale={locale} snapshot={snapshot} nodes={categories} />
          <div class="table-scroll">
            <table>
              <ColumnHeads columns={[{ label: t('unit.col.category') }, { label: t('unit.col.score'), num: true }, { label: t('unit.col.band') }, { label: t('unit.col.rank'), num: true }]} />
              <tbody>
                {categories.map((c) => {
                  const b = row.bands[c.code];
                  if (isWithheld(c)) {
                    return (
                      <tr>
                        <th scope="row" safe>
                          {c.name}
                        </th>
                        <td class="num">{safeT('scores.withheld')}</td>
                        <td>{safeT('scores.withheld')}</td>
                        <td class="num">{safeT('scores.withheld')}</td>
                      </tr>
                    );
                  }
                  return (
                    <tr>
                      <th scope="row" safe>
                        {c.name}
                      </th>
                      <td class="num" safe>
                        {formatScore(locale, row.scores[c.code])}
                      </td>
                      <td>
                        <ScoreBand locale={locale} value={row.scores[c.code] ?? null} low={b?.score.p5 ?? null} high={b?.score.p95 ?? null} domain={scoreDomain(snapshot, c.code)} />
                      </td>
                      <td class="num" safe>
                        {formatRank(locale, row.ranks[c.code])}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {strengths.length ? (
            <>
              <h2>{safeT('unit.strengths')}</h2>
              <IndicatorTable locale={locale} caption={t('unit.strengths')} nodes={strengths} row={row} base={base} />
            </>
          ) : (
            ''
          )}
          {weaknesses.length ? (
            <>
              <h2>{safeT('unit.weaknesses')}</h2>
              <IndicatorTable locale={locale} caption={t('unit.weaknesses')} nodes={weaknesses} row={row} base={base} />
            </>
          ) : (
            ''
          )}
        </>
      )}
      {props.history.length ? (
        <>
          <h2>{safeT('unit.history')}</h2>
          <div class="table-scroll">
            <table>
              <ColumnHeads columns={[{ label: t('unit.col.edition') }, { label: t('ranking.time') }, { label: t('unit.col.score'), num: true }, { label: t('unit.col.band') }, { label: t('unit.col.rank'), num: true }]} />
              <tbody>
                {props.history.map((h) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${locale}/index/${h.slug}/units/${encodeURIComponent(unit)}?time=${h.time ?? ''}`} safe>
                        {h.title}
                      </a>
                    </th>
                    <td safe>{String(h.time ?? '—')}</td>
                    <td class="num" safe>
                      {formatScore(locale, h.score)}
                    </td>
                    <td safe>{formatBand(locale, h.low, h.high)}</td>
                    <td class="num" safe>
                      {formatRank(locale, h.rank)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        ''
      )}
      <UnitChangesSection locale={locale} slug={edition.slug} snapshot={snapshot} unit={unit} unitName={name} view={props.changes} />
      <Downloads locale={locale} slug={edition.slug} />
    </Layout>
  );
}
