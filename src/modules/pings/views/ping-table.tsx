import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { pingsMessages, type PingsMessageKey } from '../pings.messages.js';
import { secondsToAck } from '../pings.models.js';
import type { ListedPing } from '../pings.queries.js';
import { atInZone, duration } from '../pings.time.js';

/** Pings as a table: who (name and organisation, never the address), over what, when, and the time to acknowledge. */
export function PingTable(props: { locale: Locale; pings: Array<ListedPing & { exerciseScheduledAt?: Date }>; showExercise?: boolean }): JSX.Element {
  const { locale } = props;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  if (props.pings.length === 0) return <p>{safeT('pings.history.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          {props.showExercise ? <th scope="col">{safeT('pings.column.exercise')}</th> : ''}
          <th scope="col">{safeT('pings.column.contact')}</th>
          <th scope="col">{safeT('pings.column.organisation')}</th>
          <th scope="col">{safeT('pings.column.channel')}</th>
          <th scope="col">{safeT('pings.column.step')}</th>
          <th scope="col">{safeT('pings.column.sent')}</th>
          <th scope="col">{safeT('pings.column.acknowledged')}</th>
          <th scope="col">{safeT('pings.column.via')}</th>
          <th scope="col">{safeT('pings.column.tta')}</th>
        </tr>
      </thead>
      <tbody>
        {props.pings.map((p) => (
          <tr>
            {props.showExercise ? (
              <td>
                <a href={`/${locale}/cooperation/pings/exercises/${encodeURIComponent(p.exerciseId)}`} safe>
                  {atInZone(locale, p.exerciseScheduledAt ?? p.sentAt, 'UTC')}
                </a>
              </td>
            ) : (
              ''
            )}
            <td>
              <a href={`/${locale}/cooperation/pings/contacts/${encodeURIComponent(p.contactId)}`} safe>
                {p.contactName}
              </a>
            </td>
            <td safe>{p.organisation}</td>
            <td safe>{t(`pings.channel.${p.channelKind}` as PingsMessageKey)}</td>
            <td safe>{String(p.step + 1)}</td>
            <td safe>{atInZone(locale, p.sentAt, p.timeZone)}</td>
            <td safe>{p.acknowledgedAt ? atInZone(locale, p.acknowledgedAt, p.timeZone) : p.escalatedAt ? t('pings.noAnswer') : t('pings.target.pending')}</td>
            <td safe>{p.via ? t(`pings.via.${p.via}` as PingsMessageKey) : t('pings.stats.none')}</td>
            <td safe>{duration(locale, secondsToAck(p))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
