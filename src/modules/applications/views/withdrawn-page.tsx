import { Layout } from '../../../app/html/layout.js';
import { escaping, formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import type { WithdrawnSupporter } from '../../supporters/supporters.queries.js';
import { applicationMessages } from '../applications.messages.js';

/** The public history of withdrawals: dated records, no personal data, no reasons (those stay in the audit log). */
export function WithdrawnPage(props: { locale: Locale; rows: WithdrawnSupporter[] }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const s = supporterMessages(locale);
  return (
    <Layout locale={locale} title={t('withdrawn.title')} path="/supporters/withdrawn" current="supporters">
      <h1>{safeT('withdrawn.title')}</h1>
      <p class="lead">{safeT('withdrawn.intro')}</p>
      {props.rows.length ? (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{safeT('withdrawn.col.name')}</th>
                <th scope="col">{safeT('withdrawn.col.category')}</th>
                <th scope="col">{safeT('withdrawn.col.joined')}</th>
                <th scope="col">{safeT('withdrawn.col.withdrawn')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row" safe>
                    {row.name}
                  </th>
                  <td safe>{s(`category.${(row.category ?? 'uncategorised') as 'state'}`)}</td>
                  <td>{row.joinedOn ? formatDate(locale, row.joinedOn) : '—'}</td>
                  <td safe>{formatDate(locale, row.withdrawnOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{safeT('withdrawn.none')}</p>
      )}
    </Layout>
  );
}
