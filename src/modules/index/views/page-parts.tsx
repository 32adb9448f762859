import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { indexMessages } from '../index.messages.js';
import type { EditionSnapshot } from '../index.models.js';
import { unitName } from './format.js';

/** What an edition's pages say about its standing: the pilot flag (stored, not read from the title) and a withdrawal. */
export interface EditionStanding {
  /** The pilot computed from open data, not an edition adopted by working group 5. */
  pilot: boolean;
  /** When and why the secretariat withdrew it; null while it is current. */
  withdrawn: { at: Date; reason: string } | null;
}

/** The notices every page of an edition opens with: withdrawn (when and why) first, then the pilot's. */
export function EditionNotices(props: { locale: Locale; edition: EditionStanding }): JSX.Element {
  const t = indexMessages(props.locale);
  const safeT = escaping(t);
  const { withdrawn, pilot } = props.edition;
  return (
    <>
      {withdrawn ? (
        <div class="notice withdrawn" role="note">
          <p>
            <strong safe>{t('index.withdrawn', { date: formatDate(props.locale, withdrawn.at.toISOString().slice(0, 10)), reason: withdrawn.reason })}</strong>
          </p>
          <p>{safeT('index.withdrawn.body')}</p>
        </div>
      ) : (
        ''
      )}
      {pilot ? <p class="notice pilot">{safeT('index.pilot')}</p> : ''}
    </>
  );
}

/** Links to the same page at each of the edition's time points, the current one marked; nothing when there is one. */
export function TimeNav(props: { times: (number | null)[]; current: number | null; label: string; href: (time: number | null) => string }): JSX.Element {
  if (props.times.length <= 1) return '';
  return (
    <nav aria-label={props.label}>
      <ul class="links">
        {props.times.map((y) => (
          <li>
            <a href={props.href(y)} aria-current={y === props.current ? 'page' : undefined} safe>
              {String(y ?? '—')}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A table row's header: the unit's name, linking to its page at that row's time point (plain text without `base`: a draft's units have no pages). */
export function UnitCell(props: { locale: Locale; base: string | null; snapshot: EditionSnapshot; unit: string; time: number | null }): JSX.Element {
  const name = unitName(props.locale, props.snapshot, props.unit);
  return (
    <th scope="row">
      {props.base === null ? (
        <span safe>{name}</span>
      ) : (
        <a href={`${props.base}/units/${encodeURIComponent(props.unit)}?time=${props.time ?? ''}`} safe>
          {name}
        </a>
      )}
    </th>
  );
}

/** An edition's results to download, in every format the API serves them: the same table as CSV and XLSX, all of it as JSON. */
export function Downloads(props: { locale: Locale; slug: string }): JSX.Element {
  const safeT = escaping(indexMessages(props.locale));
  const file = (ext: string) => `/api/v1/index/editions/${encodeURIComponent(props.slug)}/results.${ext}`;
  return (
    <p class="downloads">
      {safeT('downloads.label')}{' '}
      <a href={file('csv')} type="text/csv">
        CSV
      </a>{' '}
      ·{' '}
      <a href={file('xlsx')} type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
        {safeT('downloads.xlsx')}
      </a>{' '}
      ·{' '}
      <a href={file('json')} type="application/json">
        JSON
      </a>
    </p>
  );
}

/** A column of a data table's header: its label, and `num` for a numeric column (aligned like its cells). */
export interface Column {
  label: string;
  num?: boolean;
}

/** A data table's header row, each column a `th scope="col"`. */
export function ColumnHeads(props: { columns: Column[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => (
          <th scope="col" class={c.num ? 'num' : undefined} safe>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Why fewer Monte Carlo runs were made than the edition asked for (the Saltelli design makes whole blocks of runs),
 * wherever the number of runs is shown; nothing when every run asked for was made or the edition predates the record.
 */
export function RunsNote(props: { locale: Locale; snapshot: EditionSnapshot }): JSX.Element {
  const { runs, design } = props.snapshot.uncertainty;
  if (!design || design.requested === runs) return <></>;
  const safeT = escaping(indexMessages(props.locale));
  return (
    <p class="runs-note">{safeT('runs.fewer', { runs, requested: design.requested, blocks: design.blocks, n: design.baseSample })}</p>
  );
}
