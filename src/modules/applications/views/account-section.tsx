import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { applicationMessages } from '../applications.messages.js';
import { kindLabel } from '../applications.models.js';
import type { ApplicationStatus } from '../applications.schemas.js';
import type { ApplicationRow } from '../applications.tables.js';

/** The part of the account page about organisations: the ones the person represents and their applications. */
export function AccountSection(props: { locale: Locale; supporters: SupporterRow[]; applications: ApplicationRow[]; secretariat: boolean }): JSX.Element {
  const { locale } = props;
  const t = applicationMessages(locale);
  const safeT = escaping(t);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <section aria-labelledby="organisations-title">
      {props.secretariat ? (
        <p>
          <a class="button" href={`/${locale}/secretariat/applications`}>
            {safeT('queue.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 id="organisations-title">{safeT('account.organisations.title')}</h2>
      {props.supporters.length ? (
        <ul>
          {props.supporters.map((s) => (
            <li>
              <strong safe>{s.name}</strong>
              {s.status === 'withdrawn' ? (
                <>
                  {' '}
                  <span class="badge">{safeT('status.withdrawn')}</span>
                </>
              ) : (
                ''
              )}
              {/* A withdrawn entry has nothing to manage and no public page: no dash leading nowhere. */}
              {s.status === 'published' ? (
                <>
                  {' — '}
                  <a href={`/${locale}/account/organisations/${s.id}`}>{safeT('account.organisation.manage')}</a>{' '}
                  <a href={`/${locale}/supporters/${s.slug}`}>{safeT('account.organisation.public')}</a>
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('account.organisations.none')}</p>
      )}
      <h2>{safeT('account.applications.title')}</h2>
      {props.applications.length ? (
        <ul>
          {props.applications.map((a) => (
            <li>
              <span safe>{`${a.name} — ${t(kindLabel(a.kind))}, ${dateFormat.format(a.createdAt)}: `}</span>
              <strong>{safeT(`status.${a.status as ApplicationStatus}`)}</strong>
              {a.status === 'rejected' && a.decisionReason ? <span safe>{` (${a.decisionReason})`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{safeT('account.applications.none')}</p>
      )}
    </section>
  );
}
