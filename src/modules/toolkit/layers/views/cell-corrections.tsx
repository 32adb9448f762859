import type { Locale } from '../../../../app/i18n/i18n.js';
import type { CellCorrectionView } from '../layers.queries.js';
import { authorText, CellStateView, dateText, layersT } from './layer-parts.js';

/** On a published cell's page: what curated layers say instead, with why, who and when; and, for those who may, a way to suggest another. */
export function CellCorrections(props: { locale: Locale; corrections: CellCorrectionView[]; suggestUrl: string | null }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  if (props.corrections.length === 0 && !props.suggestUrl) return '';
  return (
    <section aria-labelledby="cell-corrections">
      <h2 id="cell-corrections">{safeT('layers.cell.title')}</h2>
      {props.corrections.length === 0 ? <p>{safeT('layers.cell.none')}</p> : ''}
      {props.corrections.map((c) => (
        <article>
          <h3>
            <a href={`/${locale}/toolkit/layers/${c.layerKey}`} safe>
              {c.layerName}
            </a>
          </h3>
          <CellStateView locale={locale} state={c.afterState} />
          <p safe>{t('layers.cell.reason', { reason: c.correction.reason })}</p>
          <p class="meta" safe>{t('layers.byOn', { author: authorText(locale, c.author), date: dateText(locale, c.correction.updatedAt) })}</p>
        </article>
      ))}
      {props.suggestUrl ? (
        <p>
          <a href={props.suggestUrl}>{safeT('layers.cell.suggest')}</a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
