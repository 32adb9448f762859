/** A working group's upcoming events, listed on the group's page (subject `{ group: groupId }`). */
import type { ContributionSource } from '../../app/contributions.js';
import { eventsMessages } from './events.messages.js';
import { shown } from './events.models.js';
import { whenText } from './events.presenters.js';
import { createEventsRepository } from './events.repository.js';

const shownUpcoming = 10;

export const eventsContributions: ContributionSource = {
  name: 'events',
  async list(db, subject, locale) {
    if (!('group' in subject)) return [];
    const t = eventsMessages(locale);
    // From today at 00:00 UTC: an event of today stays listed until the day ends (pages are cached, not rendered per minute).
    const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    const { rows, total } = await createEventsRepository(db).list({ groupId: subject.group, from: today }, { limit: shownUpcoming, offset: 0 });
    return [
      {
        key: 'events',
        heading: t('contrib.heading'),
        total,
        more: '/calendar',
        empty: t('contrib.empty'),
        items: rows.map((event) => {
          const title = shown(event.title, locale);
          return {
            path: `/events/${event.id}`,
            title: title?.text ?? event.id,
            ...(title && title.lang !== locale ? { lang: title.lang } : {}),
            note: `${whenText(event, locale)}${event.state === 'cancelled' ? ` · ${t('event.cancelled')}` : ''}`,
          };
        }),
      },
    ];
  },
};
