import type { Locale } from '../../../../app/i18n/i18n.js';
import { practicesT } from './practice-parts.js';

/** The account page's links: one's organisation's practices; for the secretariat, the queue with how many wait. */
export function AccountLinks(props: { locale: Locale; represents: boolean; pending: number | null }): JSX.Element {
  const { locale } = props;
  const { t, safeT } = practicesT(locale);
  return (
    <section aria-labelledby="practices-title">
      <h2 id="practices-title">{safeT('account.title')}</h2>
      <ul>
        {props.represents ? (
          <li>
            <a href={`/${locale}/account/practices`}>{safeT('account.mine')}</a>
          </li>
        ) : (
          ''
        )}
        {props.pending === null ? (
          ''
        ) : (
          <li>
            <a href={`/${locale}/secretariat/practices`} safe>
              {t('account.queue', { count: props.pending })}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
