import type { AppModule } from '../../app/app-module.js';
import { eventsAccess } from './events.access.js';
import { eventsActivity } from './events.activity.js';
import { registerEventsApi } from './events.api.js';
import { eventsContributions } from './events.contributions.js';
import { registerEventOrganiserPages } from './events.organise.js';
import { registerEventPages } from './events.pages.js';
import { eventsReference } from './events.reference.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { eventsPrivacyPart } from './events.privacy.js';

/**
 * Meetings and events of the Call and its working groups: the calendar as a page, as ICS feeds and as JSON;
 * registration with capacity and waiting list; organising by the groups' co-chairs and the secretariat; the official
 * site's events from the reference bundle. A group's page lists its upcoming events (`contributions`), its feed and
 * digests read what happened to them (`activity`).
 */
export const eventsModule: AppModule = {
  name: 'events',
  reference: [eventsReference],
  access: eventsAccess,
  contributions: [eventsContributions],
  activity: [eventsActivity],
  async register(app, context) {
    registerPrivacyPart(eventsPrivacyPart);
    await registerEventsApi(app, context);
    await registerEventPages(app, context);
    await registerEventOrganiserPages(app, context);
  },
};
