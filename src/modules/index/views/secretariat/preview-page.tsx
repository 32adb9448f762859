import { Layout } from '../../../../app/html/layout.js';
import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import type { EditionChanges } from '../../index.changes.js';
import type { EditionSnapshot } from '../../index.models.js';
import { formatBand, formatRank, formatScore, unitName } from '../format.js';
import { TimeNav } from '../page-parts.js';
import { rankedRows } from '../ranking-page.js';
import { Notice } from './admin-parts.js';
import { indexAdminMessages } from './secretariat.locales.js';

/** Most rank moves the preview lists; the JSON of the published edition has them all. */
const shownMoves = 15;
const compact = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

/**
 * What a draft would publish, computed now: the ranking with score and rank bands at one time point, and what would
 * differ from the latest published edition. Units are not links: their public pages do not exist yet.
 */
export function PreviewPage(props: { locale: Locale; slug: string; title: string; snapshot: EditionSnapshot; changes: EditionChanges; time: number | null }): JSX.Element {
  const { locale, snapshot, changes, time } = props;
  const t = indexAdminMessages(locale);
  const safeT = escaping(t);
  const top = snapshot.top;
  const topName = snapshot.nodes.find((n) => n.code === top)?.name ?? top;
  const base = `/${locale}/secretariat/index/${props.slug}`;
  const moves = [...changes.units].sort((a, b) => Math.abs(b.rank.delta ?? Infinity) - Math.abs(a.rank.delta ?? Infinity)).slice(0, shownMoves);
  return (
    <Layout locale={locale} title={t('preview.title', { edition: props.title })} path={`/secretariat/index/${props.slug}/preview`} current="secretariat">
      <p class="breadcrumb">
        <a href={base} safe>
          {props.title}
        </a>
      </p>
      <h1>{safeT('preview.title', { edition: props.title })}</h1>
      <Notice text={t('preview.banner', { runs: snapshot.uncertainty.runs })} />
      <TimeNav times={snapshot.times} current={time} label={t('edition.times')} href={(y) => `${base}/preview?time=${y ?? ''}`} />
      <table>
        <caption>{safeT('preview.caption', { index: topName, time: String(time ?? '—') })}</caption>
        <thead>
          <tr>
            <th scope="col">{safeT('preview.unit')}</th>
            <th scope="col" class="num">{safeT('preview.score')}</th>
            <th scope="col">{safeT('preview.band')}</th>
            <th scope="col" class="num">{safeT('preview.rank')}</th>
            <th scope="col">{safeT('preview.rankBand')}</th>
          </tr>
        </thead>
        <tbody>
          {rankedRows(snapshot, time).map((row) => {
            const band = row.bands[top];
            const score = row.scores[top] ?? null;
            return (
              <tr>
                <th scope="row" safe>
                  {unitName(locale, snapshot, row.unit)}
                </th>
                <td class="num" safe>
                  {score === null ? t('preview.noScore') : formatScore(locale, score)}
                </td>
                <td>{band && score !== null ? formatBand(locale, band.score.p5, band.score.p95) : '—'}</td>
                <td class="num" safe>
                  {formatRank(locale, row.ranks[top])}
                </td>
                <td>{band && score !== null ? `${formatRank(locale, band.rank.p5)}–${formatRank(locale, band.rank.p95)}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{changes.previous ? safeT('preview.changes', { previous: changes.previous.slug }) : safeT('preview.firstEdition')}</h2>
        {changes.previous ? (
          <>
            <p>{safeT('preview.configChanges', { count: changes.config.length })}</p>
            {changes.config.length > 0 ? (
              <ul>
                {changes.config.map((c) => (
                  <li>
                    <code safe>{c.path}</code>: {safeT('preview.before')} <code safe>{compact(c.before)}</code>, {safeT('preview.after')} <code safe>{compact(c.after)}</code>
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
            <p>{safeT('preview.unitChanges', { count: changes.units.length })}</p>
            {moves.length > 0 ? (
              <ul>
                {moves.map((m) => (
                  <li safe>
                    {`${unitName(locale, snapshot, m.unit)} (${m.time ?? '—'}): ${formatScore(locale, m.score.before)} → ${formatScore(locale, m.score.after)}, ${formatRank(locale, m.rank.before)} → ${formatRank(locale, m.rank.after)}`}
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
          </>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
