import { FieldError, describedBy } from '../../../app/html/field.js';
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { frameworkSheets } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { Comparison } from '../toolkit.queries.js';
import { ToolkitNav, toolkitHref, ActionCodeLink } from './toolkit-parts.js';

/** Why frameworks asked for cannot be compared; null when they can. */
export type CompareProblem = { code: 'few' } | { code: 'many' } | { code: 'unknown'; keys: string[] } | null;

/** Two or three known frameworks, each once: anything else is a problem the form explains. */
export function compareProblem(comparison: Comparison, keys: string[]): CompareProblem {
  if (comparison.unknown.length > 0) return { code: 'unknown', keys: comparison.unknown };
  const distinct = new Set(keys).size;
  if (distinct < 2) return { code: 'few' };
  if (distinct > 3) return { code: 'many' };
  return null;
}

const slots = [1, 2, 3] as const;

/**
 * Two or three frameworks side by side: the 25 actions in rows, one column per framework with its quotation, "reviewed,
 * nothing found" or "not reviewed". A GET form with three selects chooses them; a wrong choice shows its message above
 * and beside the first select, and no table.
 */
export function ComparePage(props: { locale: Locale; keys: string[]; comparison: Comparison; problem: CompareProblem }): JSX.Element {
  const { locale, keys, comparison, problem } = props;
  const t = toolkitMessages(locale);
  const safeT = escaping(t);
  const message = problem ? (problem.code === 'unknown' ? t('compare.error.unknown', { keys: problem.keys.join(', ') }) : t(`compare.error.${problem.code}`)) : undefined;
  const shown = problem === null && comparison.frameworks.length >= 2 ? [...new Map(comparison.frameworks.map((f) => [f.key, f])).values()] : [];
  const query = keys.map((k) => `f=${encodeURIComponent(k)}`).join('&');
  return (
    <Layout locale={locale} title={t('compare.title')} path={`/toolkit/compare${query ? `?${query}` : ''}`}>
      <ToolkitNav locale={locale} current="compare" />
      <h1>{safeT('compare.title')}</h1>
      <p class="lead">{safeT('compare.intro')}</p>
      {message ? (
        <div class="error-summary" role="alert">
          <h2>{safeT('compare.error.title')}</h2>
          <p safe>{message}</p>
        </div>
      ) : (
        ''
      )}
      <form method="get" action={toolkitHref.compare(locale)} class="form">
        {slots.map((n, i) => (
          <div class="field">
            <label for={`f${n}`} safe>
              {t('compare.select', { n })}
            </label>
            <select id={`f${n}`} name="f" aria-describedby={i === 0 ? describedBy('f1', false, !!message) : undefined} aria-invalid={i === 0 && message ? 'true' : undefined}>
              <option value="">{safeT('compare.select.none')}</option>
              {frameworkSheets.map(({ category }) => (
                <optgroup label={t(`category.${category}`)}>
                  {comparison.choices
                    .filter((f) => f.category === category)
                    .map((f) => (
                      <option value={f.key} selected={keys[i] === f.key} safe>
                        {f.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {i === 0 ? <FieldError name="f1" message={message} /> : ''}
          </div>
        ))}
        <button type="submit">{safeT('compare.submit')}</button>
      </form>
      {shown.length > 0 ? (
        <>
          <p id="compare-caption" class="table-caption">
            {safeT('compare.caption')}
          </p>
          <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
            <table aria-labelledby="compare-caption" class="toolkit-compare">
              <thead>
                <tr>
                  <th scope="col">{safeT('compare.action')}</th>
                  {shown.map((f) => (
                    <th scope="col">
                      <a href={toolkitHref.framework(locale, f.key)} lang="en" safe>
                        {f.name}
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.actions.map((a) => (
                  <tr>
                    <th scope="row">
                      <ActionCodeLink locale={locale} code={a.code} title={a.title} />
                    </th>
                    {shown.map((f) => {
                      const cell = comparison.cells.get(f.key)?.get(a.code);
                      if (!cell) return <td class="meta">{safeT('matrix.legend.unknown')}</td>;
                      if (cell.status !== 'quoted') return <td class="meta">{safeT('matrix.legend.absent')}</td>;
                      return (
                        <td>
                          {cell.locator ? (
                            <p>
                              <strong lang="en" safe>
                                {cell.locator}
                              </strong>
                            </p>
                          ) : (
                            ''
                          )}
                          <div lang="en">
                            {(cell.quotation ?? '').split(/\n\s*\n/).map((text) => (
                              <p safe>{text}</p>
                            ))}
                          </div>
                          <p class="meta">
                            <a href={toolkitHref.cell(locale, f.key, a.code)}>
                              <code safe>{cell.sourceCell}</code>
                            </a>
                          </p>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="meta">{safeT('toolkit.attribution')}</p>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
