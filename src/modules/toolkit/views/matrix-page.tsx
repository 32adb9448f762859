import { escapeHtml } from '@kitajs/html';
import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets, principles, type CellStatus } from '../toolkit.constants.js';
import { isUnfiltered, type MatrixFilter } from '../toolkit.filters.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ToolkitMatrix } from '../toolkit.queries.js';
import { MatrixFilters, filterQuery } from './matrix-filters.js';
import { ToolkitNav, toolkitHref } from './toolkit-parts.js';

/** Colours of the squares (SVG attributes, not styles: the site's policy admits no inline style). */
const fills: Record<CellStatus | 'unknown', { fill: string; stroke: string }> = {
  quoted: { fill: '#1d4e89', stroke: '#1d4e89' },
  'reviewed-absent': { fill: '#ffffff', stroke: '#5f6673' },
  unknown: { fill: '#ffffff', stroke: '#ffffff' },
};

/** A 14-pixel square: filled for a quotation, outlined for "reviewed, nothing found", blank when not reviewed. */
function Square(props: { status: CellStatus | 'unknown' }): JSX.Element {
  const { fill, stroke } = fills[props.status];
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="12" height="12" fill={fill} stroke={stroke} stroke-width="1.5" />
    </svg>
  );
}

/** A long framework name shortened at a word for the row header; the full name is on the cell pages and in `title`. */
export function shortName(name: string, max = 60): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : max).replace(/[\s,;:(]+$/, '')}…`;
}

/**
 * The frameworks × actions matrix as a heat map table: rows grouped by framework category, columns by OECD principle,
 * each square linking to its cell page, totals on both sides. Server-rendered; the caption stays above the scroll
 * region so a narrow screen scrolls the table, never the caption.
 */
export function MatrixPage(props: { locale: Locale; filter: MatrixFilter; matrix: ToolkitMatrix }): JSX.Element {
  const { locale, matrix, filter } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('toolkit.title')} path={`/toolkit${filterQuery(filter)}`} current="toolkit">
      <ToolkitNav locale={locale} current="matrix" />
      <h1>{safeT('toolkit.title')}</h1>
      {matrix.dataset ? (
        <>
          <p class="lead">{safeT('toolkit.intro', { frameworks: matrix.all.frameworks.length, actions: matrix.all.actions.length })}</p>
          <p>{safeT('toolkit.dataset', { name: t('dataset.published'), date: formatDate(locale, matrix.dataset.version) })}</p>
          <MatrixFilters locale={locale} filter={filter} frameworks={matrix.all.frameworks} actions={matrix.all.actions} />
          {isUnfiltered(filter) ? (
            ''
          ) : (
            <p role="status">
              {safeT('filter.shown', { frameworks: matrix.frameworks.length, allFrameworks: matrix.all.frameworks.length, actions: matrix.actions.length, allActions: matrix.all.actions.length })}
            </p>
          )}
          {matrix.frameworks.length === 0 ? <p>{safeT('filter.none')}</p> : <MatrixTable locale={locale} matrix={matrix} />}
          <p class="meta">{safeT('toolkit.attribution')}</p>
        </>
      ) : (
        <p>{safeT('toolkit.empty')}</p>
      )}
    </Layout>
  );
}

/** The heat map itself: frameworks kept × actions kept, with their totals. */
function MatrixTable(props: { locale: Locale; matrix: ToolkitMatrix }): JSX.Element {
  const { locale, matrix } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const statusLabel = (status: CellStatus | 'unknown') =>
    t(status === 'quoted' ? 'matrix.legend.quoted' : status === 'reviewed-absent' ? 'matrix.legend.absent' : 'matrix.legend.unknown');
  const groups = principles.map((p) => ({ ...p, actions: matrix.actions.filter((a) => a.principle === p.key) })).filter((g) => g.actions.length > 0);
  const columns = groups.flatMap((g) => g.actions);
  // 875 squares: each status's square and label are rendered once, and a row's cells are joined as a string (a
  // third of the page's render time otherwise). Keys and codes are escaped like any text.
  const squares = Object.fromEntries(
    (['quoted', 'reviewed-absent', 'unknown'] as const).map((status) => [status, { svg: String(<Square status={status} />), label: escapeHtml(statusLabel(status)) }]),
  ) as Record<CellStatus | 'unknown', { svg: string; label: string }>;
  const squareCells = (key: string, row: Map<string, CellStatus> | undefined) =>
    columns
      .map((a) => {
        const square = squares[row?.get(a.code) ?? 'unknown'];
        const href = escapeHtml(toolkitHref.cell(locale, key, a.code));
        return `<td><a href="${href}">${square.svg}<span class="visually-hidden">${escapeHtml(a.code)}: ${square.label}</span></a></td>`;
      })
      .join('');
  return (
        <>
          <p id="toolkit-matrix-caption" class="table-caption">
            {safeT('matrix.caption')}
          </p>
          <ul class="legend">
            {(['quoted', 'reviewed-absent'] as const).map((status) => (
              <li>
                <Square status={status} /> <span safe>{statusLabel(status)}</span>
              </li>
            ))}
          </ul>
          <div class="table-scroll sticky-first" role="region" aria-labelledby="toolkit-matrix-caption" tabindex="0">
            <table aria-labelledby="toolkit-matrix-caption">
              <thead>
                <tr>
                  <th scope="col" rowspan="2">
                    {safeT('matrix.framework')}
                  </th>
                  {groups.map((g) => (
                    <th scope="colgroup" colspan={String(g.actions.length)} safe>
                      {t(`principle.${g.key}`)}
                    </th>
                  ))}
                  <th scope="col" rowspan="2">
                    {safeT('matrix.total')}
                  </th>
                </tr>
                <tr>
                  {columns.map((a) => (
                    <th scope="col">
                      <a href={toolkitHref.action(locale, a.code)} aria-label={t('matrix.actionLink', { code: a.code, title: a.title })}>
                        <abbr title={a.title} safe>
                          {a.code}
                        </abbr>
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              {frameworkSheets.map(({ category }) => {
                const rows = matrix.frameworks.filter((f) => f.category === category);
                if (rows.length === 0) return '';
                return (
                  <tbody>
                    <tr>
                      <th scope="rowgroup" colspan={String(columns.length + 2)} safe>
                        {t(`category.${category}`)}
                      </th>
                    </tr>
                    {rows.map((f) => (
                      <tr>
                        <th scope="row" title={f.name}>
                          <a href={toolkitHref.framework(locale, f.key)} lang="en" safe>
                            {shortName(f.name)}
                          </a>
                        </th>
                        {squareCells(f.key, matrix.cells.get(f.key)) as 'safe'}
                        <td class="num" safe>{String(f.quoted)}</td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
              <tfoot>
                <tr>
                  <th scope="row">{safeT('matrix.actionTotal')}</th>
                  {columns.map((a) => (
                    <td class="num" safe>{String(a.quoted)}</td>
                  ))}
                  <td></td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
  );
}
