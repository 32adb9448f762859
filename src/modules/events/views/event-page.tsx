import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { Layout } from '../../../app/html/layout.js';
import { PostButton } from '../../../app/html/post-button.js';
import { eventsMessages } from '../events.messages.js';
import { endOf, shown } from '../events.models.js';
import { placeText, whenText } from '../events.presenters.js';
import type { EventDetail } from '../events.queries.js';
import { organiserName, Paragraphs, Title } from './event-parts.js';

export interface EventPageProps {
  locale: Locale;
  detail: EventDetail;
  /** The CSRF field, for a signed-in visitor's registration form; null for a visitor (asked to sign in). */
  csrfField: string | null;
  notice?: string | undefined;
  alert?: string | undefined;
}

function Registration(props: EventPageProps): JSX.Element {
  const t = eventsMessages(props.locale);
  const safeT = escaping(t);
  const { event, counts, standing } = props.detail;
  const action = `/${props.locale}/events/${event.id}/registration`;
  const left = event.capacity === null ? null : Math.max(0, event.capacity - counts.registered);
  return (
    <section aria-labelledby="registration">
      <h2 id="registration">{safeT('register.heading')}</h2>
      <p safe>{left === null ? t('register.unlimited') : t('register.placesLeft', { n: left, capacity: event.capacity! })}</p>
      {event.capacity !== null ? <p safe>{t('register.waitingCount', { n: counts.waiting })}</p> : ''}
      {standing ? (
        <>
          <p class="notice" safe>
            {standing.waitingRank === null ? t('register.registered') : t('register.waiting', { rank: standing.waitingRank })}
          </p>
          {props.csrfField ? <PostButton action={`${action}/cancel`} csrfField={props.csrfField} label={standing.waitingRank === null ? t('register.cancel') : t('register.leaveWaiting')} variant="secondary" /> : ''}
        </>
      ) : props.detail.registrationRefusal === 'closed' ? (
        <p safe>{t('register.closed')}</p>
      ) : props.detail.registrationRefusal === 'not-invited' ? (
        <p safe>{t('register.notInvited')}</p>
      ) : props.csrfField ? (
        <PostButton action={action} csrfField={props.csrfField} label={left === 0 || counts.waiting > 0 ? t('register.joinWaiting') : t('register.submit')} />
      ) : (
        <p>
          <a href={`/${props.locale}/sign-in?next=${encodeURIComponent(`/${props.locale}/events/${event.id}`)}`}>{safeT('register.signIn')}</a>
          {event.openness === 'by-invitation' ? <> {safeT('register.notInvited')}</> : ''}
        </p>
      )}
    </section>
  );
}

/** One event: when (in its zone, with the UTC offset), where or the link, openness, agenda, registration, minutes. */
export function EventPage(props: EventPageProps): JSX.Element {
  const t = eventsMessages(props.locale);
  const safeT = escaping(t);
  const { event, group } = props.detail;
  const title = shown(event.title, props.locale)?.text ?? event.id;
  const place = placeText(event);
  const over = endOf(event) <= props.detail.now;
  const organisePath = group ? `/${props.locale}/groups/${group.slug}/events/${event.id}/edit` : `/${props.locale}/secretariat/events/${event.id}/edit`;
  return (
    <Layout locale={props.locale} title={title} path={`/events/${event.id}`}>
      <p class="breadcrumb">
        <a href={`/${props.locale}/calendar`}>{safeT('calendar.title')}</a>
      </p>
      <h1>
        <Title text={event.title} locale={props.locale} fallback={event.id} />
      </h1>
      {props.notice ? (
        <p class="notice" role="status" safe>
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {props.alert ? (
        <p class="notice error" role="alert" safe>
          {props.alert}
        </p>
      ) : (
        ''
      )}
      {event.state === 'cancelled' ? (
        <p class="notice error">
          <strong>{safeT('event.cancelledNotice')}</strong>
        </p>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{safeT('event.when')}</dt>
        <dd safe>{whenText(event, props.locale)}</dd>
        {place ? (
          <>
            <dt>{safeT('event.place')}</dt>
            <dd safe>{place}</dd>
          </>
        ) : (
          ''
        )}
        {event.link ? (
          <>
            <dt>{safeT('event.link')}</dt>
            <dd>
              {props.detail.seesLink ? (
                <a href={event.link} rel="noopener" safe>
                  {event.linkTitle ?? event.link}
                </a>
              ) : (
                safeT('event.linkHidden')
              )}
            </dd>
          </>
        ) : (
          ''
        )}
        <dt>{safeT('event.openness')}</dt>
        <dd safe>{t(`event.openness.${event.openness as 'public' | 'by-invitation'}`)}</dd>
        <dt>{safeT('event.group')}</dt>
        <dd>{group ? <a href={`/${props.locale}/groups/${group.slug}`} safe>{organiserName(group, props.locale)}</a> : safeT('event.callWide')}</dd>
      </dl>
      <p>
        <a href={`/${props.locale}/events/${event.id}/calendar.ics`} type="text/calendar" download={`${event.id}.ics`}>
          {safeT('event.addToCalendar')}
        </a>
      </p>
      {props.detail.mayOrganise ? (
        <p>
          <a href={organisePath}>{safeT('organise.edit')}</a>
        </p>
      ) : (
        ''
      )}
      {shown(event.description, props.locale) ? (
        <section aria-labelledby="about">
          <h2 id="about">{safeT('event.description')}</h2>
          <Paragraphs text={event.description} locale={props.locale} />
        </section>
      ) : (
        ''
      )}
      {shown(event.agenda, props.locale) ? (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{safeT('event.agenda')}</h2>
          <Paragraphs text={event.agenda} locale={props.locale} />
        </section>
      ) : (
        ''
      )}
      {!over && event.state === 'scheduled' && (event.registrationOpen || props.detail.standing) ? <Registration {...props} /> : ''}
      {shown(event.minutes, props.locale) ? (
        <section aria-labelledby="minutes">
          <h2 id="minutes">{safeT('event.minutes')}</h2>
          <Paragraphs text={event.minutes} locale={props.locale} />
        </section>
      ) : (
        ''
      )}
      {event.recordingUrl ? (
        <p>
          <a href={event.recordingUrl} rel="noopener">
            {safeT('event.recording')}
          </a>
        </p>
      ) : (
        ''
      )}
      {event.sourceKey ? <p class="note" safe>{t('event.source', { file: event.sourceKey })}</p> : ''}
    </Layout>
  );
}
