import { tlpLabels, type TlpLabel } from '../../../app/authz/tlp.js';
import { Layout } from '../../../app/html/layout.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { requestStates, urgencyNames } from '../requests.constants.js';
import type { RequestsMessageKey } from '../requests.messages.js';
import type { RequestFilters } from '../requests.usecases.js';
import type { RequestRow } from '../requests.tables.js';
import { Instant, requestsT, TlpLabelBadge } from './parts.js';

export interface ListPageProps {
  locale: Locale;
  items: RequestRow[];
  organisations: Map<string, string>;
  filters: RequestFilters;
  isContact: boolean;
  timeZone: string;
  notice?: string | undefined;
}

/** The inbox and sent requests of the reader's organisations (and the community's), filtered by a plain GET form. */
export function RequestsListPage(props: ListPageProps): JSX.Element {
  const { locale, filters } = props;
  const { t, safeT } = requestsT(locale);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>).toString();
  return (
    <Layout locale={locale} title={t('list.title')} path={`/cooperation/requests${query ? `?${query}` : ''}`}>
      <h1>{safeT('list.title')}</h1>
      <p>{safeT('list.intro')}</p>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {props.isContact ? (
        <p>
          <a href={`/${locale}/cooperation/requests/new`}>{safeT('list.new')}</a>
        </p>
      ) : (
        <p class="notice">{safeT('list.secretariat')}</p>
      )}
      <form method="get" action={`/${locale}/cooperation/requests`} class="filters">
        <label for="box">{safeT('list.box')}</label>
        <select id="box" name="box">
          {(['', 'inbox', 'sent', 'community'] as const).map((box) => (
            <option value={box} selected={(filters.box ?? '') === box}>
              {safeT(`list.box.${box || 'all'}` as RequestsMessageKey)}
            </option>
          ))}
        </select>
        <label for="state">{safeT('list.state')}</label>
        <select id="state" name="state">
          <option value="">{safeT('list.any')}</option>
          {requestStates.map((state) => (
            <option value={state} selected={filters.state === state}>
              {safeT(`state.${state}`)}
            </option>
          ))}
        </select>
        <label for="tlp">{safeT('col.tlp')}</label>
        <select id="tlp" name="tlp">
          <option value="">{safeT('list.any')}</option>
          {tlpLabels.map((label) => (
            <option value={label} selected={filters.tlp === label} safe>
              {`TLP:${label}`}
            </option>
          ))}
        </select>
        <label for="urgency">{safeT('request.urgency')}</label>
        <select id="urgency" name="urgency">
          <option value="">{safeT('list.any')}</option>
          {urgencyNames.map((urgency) => (
            <option value={urgency} selected={filters.urgency === urgency}>
              {safeT(`urgency.${urgency}` as RequestsMessageKey)}
            </option>
          ))}
        </select>
        <button type="submit">{safeT('list.filter')}</button>
      </form>
      <p>
        <a href={`/${locale}/cooperation/requests.csv${query ? `?${query}` : ''}`}>{safeT('list.csv')}</a> ·{' '}
        <a href={`/api/v1/requests${query ? `?${query}` : ''}`}>{safeT('list.json')}</a>
      </p>
      {props.items.length === 0 ? (
        <p>{safeT('list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('col.tlp')}</th>
                <th scope="col">{safeT('col.subject')}</th>
                <th scope="col">{safeT('col.from')}</th>
                <th scope="col">{safeT('col.to')}</th>
                <th scope="col">{safeT('col.state')}</th>
                <th scope="col">{safeT('col.ackDue')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <td>
                    <TlpLabelBadge label={item.tlp as TlpLabel} />
                  </td>
                  <td>
                    <a href={`/${locale}/cooperation/requests/${item.id}`} lang={item.language} safe>
                      {item.subject}
                    </a>
                    <br />
                    <span class="hint">{safeT(`kind.${item.kind}` as RequestsMessageKey)}</span>
                  </td>
                  <td safe>{props.organisations.get(item.senderSupporterId) ?? ''}</td>
                  <td safe>{props.organisations.get(item.recipientSupporterId) ?? ''}</td>
                  <td>
                    {safeT(`state.${item.state}` as RequestsMessageKey)}
                    {item.outcome ? <span safe>{` (${t(`outcome.${item.outcome}` as RequestsMessageKey)})`}</span> : ''}
                  </td>
                  <td>{item.state === 'sent' ? <Instant locale={locale} at={item.ackDueAt} timeZone={props.timeZone} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
