/**
 * "What changed and why" on the public pages: the secretariat's note (why), the configuration and framework
 * differences and the largest moves of score and rank from the previous published edition (what), all of them
 * read from the changes recorded at publication (index.changes.ts); nothing is recomputed here.
 */
import { escaping, locales, type Locale } from '../../../app/i18n/i18n.js';
import type { EditionChanges, UnitChange } from '../index.changes.js';
import { byTimeThenUnit, keyOf, type EditionSnapshot } from '../index.models.js';
import { ColumnHeads } from './page-parts.js';
import { indexMessages } from '../index.messages.js';
import { formatRank, formatScore, unitName } from './format.js';

/** What the ranking and unit pages need to say what changed and why. */
export interface ChangesView {
  changes: EditionChanges;
  /** The secretariat's note, in the page's language or else in the other one (`lang` says which); null when none. */
  note: { text: string; lang: Locale } | null;
  /** The previous published edition: linked, and its rows tell a new or dropped unit from one left unscored. */
  previous: { slug: string; title: string; snapshot: EditionSnapshot } | null;
}

/** An edition as far as its changes go: what changed, the secretariat's notes, titles (for the previous one). */
interface EditionChangesSource {
  changes: EditionChanges;
  changesNoteEn: string | null;
  changesNoteFr: string | null;
}

/** What changed from the previous edition and why: the note in the page's language, else in the other one. */
export function changesView(
  locale: Locale,
  edition: EditionChangesSource,
  previous: { slug: string; titleEn: string; titleFr: string; snapshot: EditionSnapshot } | null,
): ChangesView {
  const notes = { en: edition.changesNoteEn?.trim() || null, fr: edition.changesNoteFr?.trim() || null };
  const other = locales.find((l) => l !== locale) ?? locale;
  const note = notes[locale] ? { text: notes[locale], lang: locale } : notes[other] ? { text: notes[other], lang: other } : null;
  return {
    changes: edition.changes,
    note,
    previous: previous && { slug: previous.slug, title: locale === 'fr' ? previous.titleFr : previous.titleEn, snapshot: previous.snapshot },
  };
}

/** Rows shown on the ranking page; the rest are counted and left to the JSON. */
const SHOWN_MOVES = 20;

const magnitude = (delta: number | null) => (delta === null ? -1 : Math.abs(delta));

/**
 * Largest moves first: by absolute rank change, then absolute score change. Units on one side only (no delta) come
 * last, so an edition that adds a year of data does not hide the real moves behind its new rows.
 */
export function largestMoves(units: UnitChange[]): UnitChange[] {
  return [...units].sort((a, b) => magnitude(b.rank.delta) - magnitude(a.rank.delta) || magnitude(b.score.delta) - magnitude(a.score.delta) || byTimeThenUnit(a, b));
}

/** A compact JSON value for a configuration cell; null when the setting is absent on that side. */
const compactJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function signedScore(locale: Locale, delta: number | null): string {
  if (delta === null) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(delta);
}

function rankMove(locale: Locale, delta: number | null): string {
  const t = indexMessages(locale);
  if (delta === null) return '—';
  if (delta === 0) return t('changes.rank.same');
  // A larger rank number is further down the ranking.
  return delta > 0 ? t('changes.rank.down', { places: delta }) : t('changes.rank.up', { places: -delta });
}

/** Which side a unit × time is missing from: `new` (not in the previous edition), `dropped` (not in this one), or neither. */
function presence(edition: EditionSnapshot, previous: EditionSnapshot | null) {
  const keys = (s: EditionSnapshot) => new Set(s.rows.map((r) => keyOf(r.unit, r.time)));
  const here = keys(edition);
  const before = previous ? keys(previous) : new Set<string>();
  return (u: UnitChange): 'new' | 'dropped' | null => (!before.has(keyOf(u.unit, u.time)) ? 'new' : !here.has(keyOf(u.unit, u.time)) ? 'dropped' : null);
}

/** The unit's name in the page's language, from whichever edition has it. */
function changeName(locale: Locale, snapshot: EditionSnapshot, u: UnitChange): string {
  const name = unitName(locale, snapshot, u.unit);
  return name === u.unit ? u.name : name;
}

/** The moves of score and rank, one row per unit × time; `withUnit` false on a unit's own page (the year heads the row). */
function MovesTable(props: { locale: Locale; base: string | null; snapshot: EditionSnapshot; previous: EditionSnapshot | null; caption: string; rows: UnitChange[]; withUnit: boolean }): JSX.Element {
  const { locale } = props;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const side = presence(props.snapshot, props.previous);
  return (
    <div class="table-scroll">
      <table>
        <caption safe>{props.caption}</caption>
        <ColumnHeads
          columns={[
            ...(props.withUnit ? [{ label: t('ranking.col.unit') }] : []),
            { label: t('ranking.time') },
            { label: t('changes.col.score'), num: true },
            { label: t('changes.col.scoreDelta'), num: true },
            { label: t('changes.col.rank'), num: true },
            { label: t('changes.col.rankDelta') },
          ]}
        />
        <tbody>
          {props.rows.map((u) => {
            const label = side(u);
            const time = String(u.time ?? '—');
            return (
              <tr>
                {props.withUnit ? (
                  <th scope="row">
                    {label === 'dropped' || props.base === null ? (
                      <span safe>{changeName(locale, props.snapshot, u)}</span>
                    ) : (
                      <a href={`${props.base}/units/${encodeURIComponent(u.unit)}?time=${u.time ?? ''}`} safe>
                        {changeName(locale, props.snapshot, u)}
                      </a>
                    )}
                    {label ? <> <span class="badge">{safeT(label === 'new' ? 'changes.new' : 'changes.dropped')}</span></> : ''}
                  </th>
                ) : (
                  ''
                )}
                {props.withUnit ? (
                  <td safe>{time}</td>
                ) : (
                  <th scope="row">
                    <span safe>{time}</span>
                    {label ? <> <span class="badge">{safeT(label === 'new' ? 'changes.new' : 'changes.dropped')}</span></> : ''}
                  </th>
                )}
                <td class="num" safe>
                  {`${formatScore(locale, u.score.before)} → ${formatScore(locale, u.score.after)}`}
                </td>
                <td class="num" safe>
                  {signedScore(locale, u.score.delta)}
                </td>
                <td class="num" safe>
                  {`${formatRank(locale, u.rank.before)} → ${formatRank(locale, u.rank.after)}`}
                </td>
                <td safe>{rankMove(locale, u.rank.delta)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Compared with the previous edition: <title>", or plainly that this is the first edition. */
function Comparison(props: { locale: Locale; previous: ChangesView['previous'] }): JSX.Element {
  const safeT = escaping(indexMessages(props.locale));
  if (!props.previous) return <p>{safeT('changes.first')}</p>;
  return (
    <p>
      {safeT('changes.previous')}{' '}
      <a href={`/${props.locale}/index/${encodeURIComponent(props.previous.slug)}`} safe>
        {props.previous.title}
      </a>
    </p>
  );
}

/**
 * The whole story on an edition's ranking page: why (the note), then what (configuration, largest moves). `draft`: the
 * same section in the secretariat's preview, where the edition has no public pages or JSON to link to yet.
 */
export function ChangesSection(props: { locale: Locale; slug: string; snapshot: EditionSnapshot; view: ChangesView; draft?: boolean }): JSX.Element {
  const { locale, snapshot, view } = props;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const { changes, previous, note } = view;
  const base = props.draft ? null : `/${locale}/index/${props.slug}`;
  const moves = largestMoves(changes.units);
  const shown = moves.slice(0, SHOWN_MOVES);
  const indexName = snapshot.nodes.find((n) => n.code === snapshot.top)?.name ?? snapshot.top;
  return (
    <section id="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{safeT('changes.title')}</h2>
      <Comparison locale={locale} previous={previous} />
      <h3>{safeT('changes.why')}</h3>
      {note ? (
        <blockquote class="statement" lang={note.lang === locale ? undefined : note.lang}>
          {note.text
            .split(/\n\s*\n/)
            .filter((p) => p.trim() !== '')
            .map((p) => (
              <p safe>{p.trim()}</p>
            ))}
        </blockquote>
      ) : (
        <p>{props.draft ? safeT('changes.draftNote') : safeT('changes.noNote')}</p>
      )}
      {previous ? (
        <>
          <h3>{safeT('changes.config')}</h3>
          {changes.config.length === 0 ? (
            <p>{safeT('changes.config.none')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{safeT('changes.config.caption', { count: changes.config.length })}</caption>
                <ColumnHeads columns={[{ label: t('changes.col.setting') }, { label: t('changes.col.before') }, { label: t('changes.col.after') }]} />
                <tbody>
                  {changes.config.map((c) => (
                    <tr>
                      <th scope="row">
                        <code safe>{c.path}</code>
                      </th>
                      {[compactJson(c.before), compactJson(c.after)].map((value) => (
                        <td>{value === null ? <em>{safeT('changes.absent')}</em> : <code safe>{value}</code>}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{safeT('changes.units')}</h3>
          {moves.length === 0 ? (
            <p>{safeT('changes.units.none')}</p>
          ) : (
            <>
              <MovesTable
                locale={locale}
                base={base}
                snapshot={snapshot}
                previous={previous.snapshot}
                caption={t('changes.units.caption', { index: indexName })}
                rows={shown}
                withUnit
              />
              <p>
                {moves.length > shown.length ? <>{safeT('changes.more', { count: moves.length - shown.length })} </> : ''}
                {props.draft ? (
                  ''
                ) : (
                  <a href={`/api/v1/index/editions/${encodeURIComponent(props.slug)}`} type="application/json">
                    {safeT('changes.allJson')}
                  </a>
                )}
              </p>
            </>
          )}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** One unit's change from the previous edition, on its page; the why is on the ranking page, linked. */
export function UnitChangesSection(props: { locale: Locale; slug: string; snapshot: EditionSnapshot; unit: string; unitName: string; view: ChangesView }): JSX.Element {
  const { locale, view } = props;
  const t = indexMessages(locale);
  const safeT = escaping(t);
  const rows = view.changes.units.filter((u) => u.unit === props.unit);
  const base = `/${locale}/index/${props.slug}`;
  return (
    <section id="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{safeT('changes.unit.title')}</h2>
      <Comparison locale={locale} previous={view.previous} />
      {!view.previous ? (
        ''
      ) : rows.length === 0 ? (
        <p>{safeT('changes.unit.none')}</p>
      ) : (
        <MovesTable
          locale={locale}
          base={base}
          snapshot={props.snapshot}
          previous={view.previous.snapshot}
          caption={t('changes.unit.caption', { unit: props.unitName })}
          rows={rows}
          withUnit={false}
        />
      )}
      {view.previous ? (
        <p>
          <a href={`${base}#changes`}>{safeT('changes.unit.why')}</a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
