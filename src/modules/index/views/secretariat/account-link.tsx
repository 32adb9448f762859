import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { indexAdminMessages } from './secretariat.locales.js';

/** On a secretariat member's account page: the way to the index editions. */
export function IndexAccountLink(props: { locale: Locale }): JSX.Element {
  const safeT = escaping(indexAdminMessages(props.locale));
  return (
    <section aria-labelledby="index-admin-title">
      <h2 id="index-admin-title">{safeT('admin.title')}</h2>
      <p>
        <a class="button secondary" href={`/${props.locale}/secretariat/index`}>
          {safeT('admin.link')}
        </a>
      </p>
    </section>
  );
}
