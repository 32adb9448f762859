import type { Locale } from '../../../../app/i18n/i18n.js';
import { layersT } from './layer-parts.js';

/** Links from the account page: one's toolkit proposals; for the secretariat, the queue (with how many wait) and the layers. */
export function AccountLinks(props: { locale: Locale; pending: number | null }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = layersT(locale);
  return (
    <section aria-labelledby="toolkit-layers-title">
      <h2 id="toolkit-layers-title">{safeT('layers.account.title')}</h2>
      <ul>
        <li>
          <a href={`/${locale}/toolkit/layers`}>{safeT('layers.title')}</a>
        </li>
        <li>
          <a href={`/${locale}/toolkit/proposals`}>{safeT('layers.mine.title')}</a>
        </li>
        {props.pending === null ? (
          ''
        ) : (
          <li>
            <a href={`/${locale}/secretariat/toolkit/proposals`} safe>
              {t('layers.account.queue', { count: props.pending })}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
