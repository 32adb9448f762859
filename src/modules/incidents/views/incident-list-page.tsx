/** The incidents a reader may read, newest awareness first, each with its marking, scores and next NIS2 deadline. */
import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { formatZoned, type ReportClock } from '../incidents.clocks.js';
import { incidentsMessages } from '../incidents.messages.js';
import { levelName } from '../incidents.presenters.js';
import type { IncidentRow } from '../incidents.tables.js';

export interface IncidentListItem {
  incident: IncidentRow;
  organisation: string;
  next: ReportClock | undefined;
}

export function IncidentListPage(props: { locale: Locale; items: IncidentListItem[]; total: number; canRecord: boolean }): JSX.Element {
  const { locale } = props;
  const t = incidentsMessages(locale);
  const safeT = escaping(t);
  const due = (clock: ReportClock | undefined, zone: string) => {
    if (!clock) return '—';
    const z = formatZoned(clock.dueAt, zone);
    return `${t(`clocks.${clock.kind}`)}: ${z.local} (${zone}, ${z.offset})${clock.state === 'overdue' ? ` — ${t('clocks.overdueShort')}` : ''}`;
  };
  return (
    <Layout locale={locale} title={t('list.title')} path="/cooperation/incidents">
      <h1>{safeT('list.title')}</h1>
      <p>{safeT('list.intro')}</p>
      <ul>
        {props.canRecord ? (
          <li>
            <a href={`/${locale}/cooperation/incidents/new`}>{safeT('list.new')}</a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={`/${locale}/incident-frames`}>{safeT('list.frames')}</a>
        </li>
        <li>
          <a href={`/${locale}/cooperation/incidents.csv`}>{safeT('list.csv')}</a>
        </li>
      </ul>
      {props.items.length === 0 ? (
        <p>{safeT('list.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{safeT('col.title')}</th>
              <th scope="col">{safeT('col.organisation')}</th>
              <th scope="col">{safeT('col.tlp')}</th>
              <th scope="col">{safeT('col.nciss')}</th>
              <th scope="col">{safeT('col.ncsc')}</th>
              <th scope="col">{safeT('col.next')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ incident, organisation, next }) => (
              <tr>
                <td>
                  <a href={`/${locale}/cooperation/incidents/${incident.id}`} lang={incident.language} safe>
                    {incident.title}
                  </a>
                </td>
                <td safe>{organisation}</td>
                <td safe>{`TLP:${incident.tlp}`}</td>
                <td safe>{`${incident.classification.nciss.score.toFixed(2)} · ${levelName(incident.classification.nciss.level, locale)}`}</td>
                <td safe>{`C${incident.classification.ncsc.category}`}</td>
                <td safe>{due(next, incident.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
