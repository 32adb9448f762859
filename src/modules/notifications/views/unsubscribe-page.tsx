import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { notificationsMessages } from '../notifications.messages.js';

/**
 * The page an unsubscribe link opens: a question and a button (mail scanners fetch links, so the GET changes nothing),
 * then what was done; or why the link is refused. The form carries no CSRF token: the token in its address is the
 * credential (the same POST a mail client sends for RFC 8058's one-click).
 */
export function UnsubscribePage(props: { locale: Locale; token: string; state: 'ask' | 'done' | 'invalid'; groupName: string | null }): JSX.Element {
  const { locale } = props;
  const t = notificationsMessages(locale);
  const safeT = escaping(t);
  const scope = props.groupName === null ? 'all' : 'one';
  const values = { group: props.groupName ?? '' };
  const title = props.state === 'invalid' ? t('notifications.unsubscribe.invalid.title') : t('notifications.unsubscribe.title');
  return (
    <Layout locale={locale} title={title} path={`/unsubscribe/${props.token}`}>
      <h1 safe>{title}</h1>
      {props.state === 'invalid' ? <p>{safeT('notifications.unsubscribe.invalid.body')}</p> : ''}
      {props.state === 'ask' ? (
        <form method="post" action={`/${locale}/unsubscribe/${encodeURIComponent(props.token)}`}>
          <p>{safeT(`notifications.unsubscribe.${scope}`, values)}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">{safeT('notifications.unsubscribe.button')}</button>
        </form>
      ) : (
        ''
      )}
      {props.state === 'done' ? (
        <p class="notice" role="status">
          {safeT(`notifications.unsubscribe.done.${scope}`, values)}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={`/${locale}/account/subscriptions`}>{safeT('notifications.unsubscribe.manage')}</a>
      </p>
    </Layout>
  );
}
