import type { Locale } from '../../../../app/i18n/i18n.js';
import type { LayerCorrection } from '../layers.queries.js';
import { authorText, CellStateView, dateText, layersT } from './layer-parts.js';

/** A layer's corrections, one row per cell: the cell (with a link), before → after, the reason, who and when. */
export function CorrectionsTable(props: { locale: Locale; corrections: LayerCorrection[]; id?: string }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  const id = props.id ?? 'corrections-caption';
  return (
    <>
      <p id={id} class="table-caption">
        {safeT('layers.corrections.caption')}
      </p>
      <div class="table-scroll" role="region" aria-labelledby={id} tabindex="0">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{safeT('layers.corrections.cell')}</th>
              <th scope="col">{safeT('layers.corrections.before')}</th>
              <th scope="col">{safeT('layers.corrections.after')}</th>
              <th scope="col">{safeT('layers.corrections.reason')}</th>
              <th scope="col">{safeT('layers.corrections.by')}</th>
            </tr>
          </thead>
          <tbody>
            {props.corrections.map((c) => (
              <tr>
                <th scope="row">
                  {c.frameworkLayerKey === 'wg6-2021' ? (
                    <a href={`/${locale}/toolkit/cells/${c.framework.key}/${c.correction.actionCode.toLowerCase()}`} safe>
                      {`${c.correction.actionCode}, ${c.framework.name}`}
                    </a>
                  ) : (
                    <span safe>{`${c.correction.actionCode}, ${c.framework.name}`}</span>
                  )}
                  <span class="meta" safe>{` (${c.frameworkLayerKey})`}</span>
                </th>
                <td>
                  <CellStateView locale={locale} state={c.beforeState} />
                </td>
                <td>
                  <CellStateView locale={locale} state={c.afterState} />
                </td>
                <td safe>{c.correction.reason}</td>
                <td safe>{t('layers.byOn', { author: authorText(locale, c.author), date: dateText(locale, c.correction.updatedAt) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
