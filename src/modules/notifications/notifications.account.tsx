import { registerAccountSection } from '../accounts/accounts.sections.js';
import { escaping } from '../../app/i18n/i18n.js';
import { notificationsMessages } from './notifications.messages.js';

/** The account page's link to the working group e-mails, for everyone signed in (anyone may follow a group). */
export function registerNotificationsAccountSection(): void {
  registerAccountSection({
    name: 'notifications',
    order: 45,
    render: ({ locale }) => {
      const safeT = escaping(notificationsMessages(locale));
      return (
        <section aria-labelledby="account-notifications">
          <h2 id="account-notifications">{safeT('notifications.title')}</h2>
          <p>
            <a href={`/${locale}/account/subscriptions`}>{safeT('notifications.account.link')}</a>
          </p>
        </section>
      );
    },
  });
}
