import { Layout } from '../../../app/html/layout.js';
import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { pingsMessages, type PingsMessageKey } from '../pings.messages.js';
import { showCode } from '../pings.models.js';
import type { ExerciseView } from '../pings.queries.js';
import { atInZone } from '../pings.time.js';
import { ChannelFigures, FiguresList, OrganisationTable } from './figures.js';
import { PingTable } from './ping-table.js';

/** One exercise: its figures, per channel and per organisation, its pings, and for its operator the call list. */
export function ExercisePage(props: { locale: Locale; view: ExerciseView; csrfField: string; notice?: string; publicUrl: string }): JSX.Element {
  const { locale, view } = props;
  const { exercise } = view;
  const t = pingsMessages(locale);
  const safeT = escaping(t);
  const title = t('pings.exercise.title', { date: atInZone(locale, exercise.scheduledAt, exercise.timeZone) });
  const calls = view.pings.filter((p) => p.channelKind !== 'email' && !p.acknowledgedAt && !p.escalatedAt);
  return (
    <Layout locale={locale} title={title} path={`/cooperation/pings/exercises/${exercise.id}`}>
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/pings`}>{safeT('pings.title')}</a>
      </p>
      <h1 safe>{title}</h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      <p safe>
        {`${t(`pings.state.${exercise.state}` as PingsMessageKey)} · ${t('pings.exercise.window', { window: t('pings.minutes', { minutes: exercise.windowMinutes }) })} · ${exercise.channels.map((c) => t(`pings.channel.${c}` as PingsMessageKey)).join(', ')}`}
      </p>
      {exercise.startedAt ? <p safe>{t('pings.exercise.started', { date: atInZone(locale, exercise.startedAt, exercise.timeZone) })}</p> : ''}
      <FiguresList locale={locale} figures={view.figures} />
      <ChannelFigures locale={locale} figures={view.figures} id="exercise-channels" />
      <OrganisationTable locale={locale} rows={view.organisations} />
      {view.operates ? (
        <section aria-labelledby="calls">
          <h2 id="calls">{safeT('pings.calls.title')}</h2>
          <p>{safeT('pings.calls.lead', { url: `${props.publicUrl}/${locale}/cooperation/pings/acknowledge` })}</p>
          {calls.length === 0 ? (
            <p>{safeT('pings.calls.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{safeT('pings.column.contact')}</th>
                  <th scope="col">{safeT('pings.column.organisation')}</th>
                  <th scope="col">{safeT('pings.column.channel')}</th>
                  <th scope="col">{safeT('pings.column.code')}</th>
                  <th scope="col">{safeT('pings.column.due')}</th>
                  <th scope="col">{safeT('pings.calls.record')}</th>
                </tr>
              </thead>
              <tbody>
                {calls.map((p) => (
                  <tr>
                    <td safe>{p.contactName}</td>
                    <td safe>{p.organisation}</td>
                    <td safe>{`${t(`pings.channel.${p.channelKind}` as PingsMessageKey)}${p.reach ? `: ${p.reach}` : ''}`}</td>
                    <td>
                      <code safe>{showCode(p.code)}</code>
                    </td>
                    <td safe>{atInZone(locale, p.dueAt, p.timeZone)}</td>
                    <td>
                      <form method="post" action={`/${locale}/cooperation/pings/exercises/${encodeURIComponent(exercise.id)}/pings/${encodeURIComponent(p.id)}/record`}>
                        {props.csrfField as 'safe'}
                        <button type="submit" aria-label={`${t('pings.calls.record')}: ${p.contactName}, ${showCode(p.code)}`}>
                          {safeT('pings.calls.record')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
      <h2>{safeT('pings.pings.title')}</h2>
      <p>
        <a href={`/${locale}/cooperation/pings/exercises/${encodeURIComponent(exercise.id)}/pings.csv`}>{safeT('pings.download.csv')}</a>
      </p>
      <PingTable locale={locale} pings={view.pings} />
    </Layout>
  );
}

/** A contact's or an organisation's history: figures, then every ping with its time to acknowledge. */
export function HistoryPage(props: { locale: Locale; title: string; path: string; view: { figures: ExerciseView['figures']; pings: Parameters<typeof PingTable>[0]['pings'] } }): JSX.Element {
  const { locale } = props;
  const safeT = escaping(pingsMessages(locale));
  return (
    <Layout locale={locale} title={props.title} path={props.path}>
      <p class="breadcrumb">
        <a href={`/${locale}/cooperation/pings`}>{safeT('pings.title')}</a>
      </p>
      <h1 safe>{props.title}</h1>
      <FiguresList locale={locale} figures={props.view.figures} />
      <ChannelFigures locale={locale} figures={props.view.figures} id="history-channels" />
      <h2>{safeT('pings.pings.title')}</h2>
      <PingTable locale={locale} pings={props.view.pings} showExercise />
    </Layout>
  );
}
