import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets, principles, type CellStatus } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ToolkitMatrix } from '../toolkit.queries.js';

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
export function MatrixPage(props: { locale: Locale; matrix: ToolkitMatrix }): JSX.Element {
  const { locale, matrix } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const statusLabel = (status: CellStatus | 'unknown') =>
    t(status === 'quoted' ? 'matrix.legend.quoted' : status === 'reviewed-absent' ? 'matrix.legend.absent' : 'matrix.legend.unknown');
  const groups = principles.map((p) => ({ ...p, actions: matrix.actions.filter((a) => a.principle === p.key) })).filter((g) => g.actions.length > 0);
  const columns = groups.flatMap((g) => g.actions);
  return (
    <Layout locale={locale} title={t('toolkit.title')} path="/toolkit">
      <h1>{safeT('toolkit.title')}</h1>
      {matrix.dataset ? (
        <>
          <p class="lead">{safeT('toolkit.intro', { frameworks: matrix.frameworks.length, actions: matrix.actions.length })}</p>
          <p>{safeT('toolkit.dataset', { name: t('dataset.published'), date: formatDate(locale, matrix.dataset.version) })}</p>
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
                      <abbr title={a.title} safe>
                        {a.code}
                      </abbr>
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
                        <th scope="row" title={f.name} safe>
                          {shortName(f.name)}
                        </th>
                        {columns.map((a) => {
                          const status = matrix.cells.get(f.key)?.get(a.code) ?? 'unknown';
                          return (
                            <td>
                              <a href={`/${locale}/toolkit/cells/${f.key}/${a.code.toLowerCase()}`}>
                                <Square status={status} />
                                <span class="visually-hidden" safe>{`${a.code}: ${statusLabel(status)}`}</span>
                              </a>
                            </td>
                          );
                        })}
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
          <p class="meta">{safeT('toolkit.attribution')}</p>
        </>
      ) : (
        <p>{safeT('toolkit.empty')}</p>
      )}
    </Layout>
  );
}
