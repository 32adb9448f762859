import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { Delivery } from '../../../app/jobs/jobs.repository.js';
import { applicationMessages } from '../applications.messages.js';
import { DeliveriesTable } from './deliveries-table.js';

export const deliveryFilters = ['all', 'dead', 'pending', 'done'] as const;
export type DeliveryFilter = (typeof deliveryFilters)[number];

/** Every e-mail the platform sent or tries to send (sign-in links, invitations, decisions), newest first. */
export function DeliveriesPage(props: { locale: Locale; deliveries: Delivery[]; status: DeliveryFilter; hiddenFields: string; notice?: string | undefined }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  return (
    <Layout locale={locale} title={t('deliveries.title')} path={`/secretariat/deliveries?status=${props.status}`} current="secretariat">
      <p class="breadcrumb">
        <a href={`/${locale}/secretariat/applications`}>{safeT('review.back')}</a>
      </p>
      <h1>{safeT('deliveries.title')}</h1>
      <p class="lead">{safeT('deliveries.intro')}</p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <form method="get" action={`/${locale}/secretariat/deliveries`} class="actions">
        <div class="field">
          <label for="status">{safeT('review.delivery.status')}</label>
          <select id="status" name="status">
            {deliveryFilters.map((f) => (
              <option value={f} selected={props.status === f}>
                {f === 'all' ? safeT('queue.filter.status.all') : safeT(`review.delivery.status.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{safeT('queue.filter.submit')}</button>
      </form>
      <DeliveriesTable locale={locale} deliveries={props.deliveries} hiddenFields={props.hiddenFields} />
    </Layout>
  );
}
