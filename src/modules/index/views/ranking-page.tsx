import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { EditionSnapshot, SnapshotRow } from '../index.models.js';
import { indexMessages } from '../index.messages.js';
import { isWithheld } from '../index.withheld.js';
import { ScoreBand } from './band-bar.js';
import { ChangesSection, type ChangesView } from './changes-section.js';
import { formatRank, formatScore, scoreDomain } from './format.js';
import { indexChartMessages } from './index-charts.locales.js';
import { ColumnHeads, Downloads, EditionNotices, RunsNote, TimeNav, UnitCell, type EditionStanding } from './page-parts.js';
import { WithheldNotice } from './withheld.js';

export interface EditionView extends EditionStanding {
  slug: string;
  title: string;
  publishedAt: Date | null;
  snapshot: EditionSnapshot;
}

/** Rows of one time point, best first; units without a score come last, by name. */
export function rankedRows(snapshot: EditionSnapshot, time: number | null): SnapshotRow[] {
  const top = snapshot.top;
  return snapshot.rows
    .filter((r) => r.time === time)
    .sort((a, b) => (a.ranks[top] ?? Infinity) - (b.ranks[top] ?? Infinity) || a.unit.localeCompare(b.unit));
}

/** The ranking: never a bare rank, always the band of the score and of the rank beside it. */
export function RankingPage(props: { locale: Locale; edition: EditionView; changes: ChangesView; time: number | null; path: string }): JSX.Element {
  const { locale, edition, time } = props;
  const { snapshot } = edition;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const top = snapshot.top;
  const base = `/${locale}/index/${edition.slug}`;
  const unranked = rankedRows(snapshot, time).filter((r) => r.scores[top] === null).length;
  return (
    <Layout locale={locale} title={t('ranking.title', { edition: edition.title })} path={props.path} current="index">
      <p class="breadcrumb">
        <a href={`/${locale}/index`}>{safeT('index.title')}</a>
      </p>
      <h1>{safeT('ranking.title', { edition: edition.title })}</h1>
      <EditionNotices locale={locale} edition={edition} />
      <p>
        <a href={`${base}/methodology`}>{safeT('ranking.methodology')}</a> ·{' '}
        <a href={`${base}/map?time=${time ?? ''}`} safe>
          {indexChartMessages(locale)('map.link')}
        </a>
      </p>
      <Downloads locale={locale} slug={edition.slug} />
      <TimeNav times={snapshot.times} current={time} label={t('ranking.time')} href={(y) => `${base}?time=${y ?? ''}`} />
      <p>{safeT('ranking.notRanked', { count: unranked })}</p>
      <RankingTable locale={locale} snapshot={snapshot} time={time} base={base} />
      <ChangesSection locale={locale} slug={edition.slug} snapshot={snapshot} view={props.changes} />
    </Layout>
  );
}

/**
 * The ranking table of one time point: unit, rank and score with their 5–95 % bands; the category scores follow in a
 * second table behind a disclosure, headed by category codes (each an `abbr` giving the full name), since the five
 * long category names side by side made the table twice as wide as the page. Each table scrolls in its own labelled
 * region with the unit column kept in view, and its caption sits above the region so that it is never cut. A category
 * withheld for licence reasons says so, its sources named above the tables. Units link to their pages under `base`;
 * a draft's preview passes null (its units have no pages yet).
 */
export function RankingTable(props: { locale: Locale; snapshot: EditionSnapshot; time: number | null; base: string | null }): JSX.Element {
  const { locale, snapshot, time, base } = props;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const top = snapshot.top;
  const topName = snapshot.nodes.find((n) => n.code === top)?.name ?? top;
  const categories = snapshot.nodes.filter((n) => n.parent === top);
  const rows = rankedRows(snapshot, time);
  const domain = scoreDomain(snapshot, top);
  const withheld = t('scores.withheld');
  return (
    <>
      <WithheldNotice locale={locale} snapshot={snapshot} nodes={categories} />
      <p id="ranking-caption" class="table-caption">
        {safeT('ranking.caption', { index: topName, time: String(time ?? '—'), runs: snapshot.uncertainty.runs })}
      </p>
      <RunsNote locale={locale} snapshot={snapshot} />
      <div class="table-scroll sticky-first" role="region" aria-labelledby="ranking-caption" tabindex="0">
        <table aria-labelledby="ranking-caption">
          <ColumnHeads
            columns={[
              { label: t('ranking.col.unit') },
              { label: t('ranking.col.rank'), num: true },
              { label: t('ranking.col.score'), num: true },
              { label: t('ranking.col.band') },
              { label: t('ranking.col.rankBand'), num: true },
            ]}
          />
          <tbody>
            {rows.map((row) => {
              const band = row.bands[top];
              const score = row.scores[top] ?? null;
              return (
                <tr>
                  <UnitCell locale={locale} base={base} snapshot={snapshot} unit={row.unit} time={row.time} />
                  <td class="num" safe>
                    {formatRank(locale, row.ranks[top])}
                  </td>
                  <td class="num" safe>
                    {score === null ? t('ranking.missing') : formatScore(locale, score)}
                  </td>
                  <td>
                    {score === null ? '' : <ScoreBand locale={locale} value={score} low={band?.score.p5 ?? null} high={band?.score.p95 ?? null} domain={domain} />}
                  </td>
                  <td class="num">{band ? `${formatRank(locale, band.rank.p5)}–${formatRank(locale, band.rank.p95)}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {categories.length > 0 ? (
        <details class="ranking-categories">
          <summary>{safeT('ranking.categories', { count: categories.length })}</summary>
          <p id="ranking-categories-caption" class="table-caption">
            {safeT('ranking.caption.categories', { time: String(time ?? '—') })}
          </p>
          <div class="table-scroll sticky-first" role="region" aria-labelledby="ranking-categories-caption" tabindex="0">
            <table aria-labelledby="ranking-categories-caption">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('ranking.col.unit')}
                  </th>
                  {categories.map((c) => (
                    <th scope="col" class="num">
                      <abbr title={c.name} safe>
                        {c.code}
                      </abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <UnitCell locale={locale} base={base} snapshot={snapshot} unit={row.unit} time={row.time} />
                    {categories.map((c) => (
                      <td class="num" safe>
                        {isWithheld(c) ? withheld : formatScore(locale, row.scores[c.code])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : (
        ''
      )}
    </>
  );
}
