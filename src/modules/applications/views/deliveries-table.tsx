import { PostButton } from '../../../app/html/post-button.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Delivery } from '../../../app/jobs/jobs.repository.js';
import { applicationMessages, type ApplicationMessageKey } from '../applications.messages.js';

/**
 * A sent e-mail says how it left: accepted by the mail server, or only written to the outbox folder because no
 * SMTP_URL is configured (nobody received it yet). Messages sent before the transport was recorded just say "sent".
 */
export function deliveryStatusKey(d: Pick<Delivery, 'status' | 'transport'>): ApplicationMessageKey {
  if (d.status === 'done' && d.transport) return `review.delivery.status.done.${d.transport}`;
  return `review.delivery.status.${d.status}`;
}

/**
 * E-mails from the outbox with their delivery status, each with a "resend" button. `returnTo` is the application
 * whose page lists them; without it, the button returns to the list of all deliveries.
 */
export function DeliveriesTable(props: { locale: Locale; deliveries: Delivery[]; hiddenFields: string; returnTo?: string }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  if (props.deliveries.length === 0) return <p>{safeT('review.deliveries.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{safeT('review.history.at')}</th>
            <th scope="col">{safeT('review.delivery.to')}</th>
            <th scope="col">{safeT('review.delivery.subject')}</th>
            <th scope="col">{safeT('review.delivery.status')}</th>
            <th scope="col">
              <span class="visually-hidden">{safeT('review.delivery.resend')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.deliveries.map((d) => (
            <tr>
              <td safe>{dateTime.format(d.createdAt)}</td>
              <td safe>{d.to || '—'}</td>
              <td safe>{d.subject || '—'}</td>
              <td>
                {safeT(deliveryStatusKey(d))}
                {d.lastError ? <span class="meta" safe>{` (${d.attempts}× — ${d.lastError})`}</span> : ''}
              </td>
              <td>
                {d.to ? (
                  <PostButton
                    action={`/${locale}/secretariat/deliveries/${d.id}/resend`}
                    csrfField={props.hiddenFields}
                    fields={props.returnTo ? { applicationId: props.returnTo } : {}}
                    label={t('review.delivery.resend')}
                    variant="secondary"
                  />
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
