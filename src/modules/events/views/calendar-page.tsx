import { escaping, type Locale } from '../../../app/i18n/i18n.js';
import { Layout } from '../../../app/html/layout.js';
import type { Group } from '../../groups/groups.queries.js';
import { eventsMessages } from '../events.messages.js';
import { monthText, placeText, whenText } from '../events.presenters.js';
import type { MonthOfEvents } from '../events.queries.js';
import { organiserName, Title } from './event-parts.js';

export interface CalendarPageProps {
  locale: Locale;
  /** The filter's value: '' (all), 'call', or a group's slug. */
  selected: string;
  groups: Group[];
  groupsById: Map<string, Group>;
  upcoming: MonthOfEvents[];
  past: MonthOfEvents[];
}

function Months(props: CalendarPageProps & { months: MonthOfEvents[]; id: string }): JSX.Element {
  const t = eventsMessages(props.locale);
  if (!props.months.length) return <p safe>{t('calendar.none')}</p>;
  return (
    <>
      {props.months.map(({ month, events }) => (
        <section aria-labelledby={`${props.id}-${month}`}>
          <h3 id={`${props.id}-${month}`} safe>
            {monthText(month, props.locale)}
          </h3>
          <ul class="results">
            {events.map((event) => (
              <li>
                <a href={`/${props.locale}/events/${event.id}`}>
                  <Title text={event.title} locale={props.locale} fallback={event.id} />
                </a>
                {event.state === 'cancelled' ? (
                  <>
                    {' '}
                    <strong class="badge" safe>
                      {t('event.cancelled')}
                    </strong>
                  </>
                ) : (
                  ''
                )}
                <br />
                <span safe>{whenText(event, props.locale)}</span>
                <br />
                <span safe>
                  {[organiserName(event.groupId ? props.groupsById.get(event.groupId) : null, props.locale), placeText(event), t(`event.openness.${event.openness as 'public' | 'by-invitation'}`)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The calendar as a page: upcoming then past events by month, a filter by group, and the matching ICS feed. */
export function CalendarPage(props: CalendarPageProps): JSX.Element {
  const t = eventsMessages(props.locale);
  const safeT = escaping(t);
  const group = props.groups.find((g) => g.slug === props.selected);
  const feed = group ? `/${props.locale}/groups/${group.slug}/calendar.ics` : `/${props.locale}/calendar.ics`;
  return (
    <Layout locale={props.locale} title={t('calendar.title')} path={`/calendar${props.selected ? `?group=${encodeURIComponent(props.selected)}` : ''}`}>
      <h1>{safeT('calendar.title')}</h1>
      <p class="lead">{safeT('calendar.intro')}</p>
      <form method="get" action={`/${props.locale}/calendar`} class="filters">
        <div class="field">
          <label for="group">{safeT('calendar.filter.legend')}</label>
          <select id="group" name="group">
            <option value="" selected={props.selected === ''}>
              {safeT('calendar.filter.all')}
            </option>
            <option value="call" selected={props.selected === 'call'}>
              {safeT('calendar.filter.callWide')}
            </option>
            {props.groups.map((g) => (
              <option value={g.slug} selected={props.selected === g.slug} safe>
                {organiserName(g, props.locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{safeT('calendar.filter.submit')}</button>
      </form>
      <p>
        <a href={feed} type="text/calendar">
          {group ? safeT('calendar.subscribeGroup') : safeT('calendar.subscribe')}
        </a>
      </p>
      <h2>{safeT('calendar.upcoming')}</h2>
      <Months {...props} months={props.upcoming} id="upcoming" />
      <h2>{safeT('calendar.past')}</h2>
      <Months {...props} months={props.past} id="past" />
    </Layout>
  );
}
