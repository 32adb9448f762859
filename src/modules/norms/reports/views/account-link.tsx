import type { Locale } from '../../../../app/i18n/i18n.js';
import { reportsT } from './report-parts.js';

/** The reports' part of the account page: where the organisation's reports are written. */
export function AccountLink(props: { locale: Locale }): JSX.Element {
  const { safeT } = reportsT(props.locale);
  return (
    <section aria-labelledby="account-reports">
      <h2 id="account-reports">{safeT('reports.account.link')}</h2>
      <p>
        <a href={`/${props.locale}/account/reports`}>{safeT('reports.account.title')}</a>
        <span class="meta"> · {safeT('reports.account.linkHint')}</span>
      </p>
    </section>
  );
}
