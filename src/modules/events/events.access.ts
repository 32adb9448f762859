/**
 * Who reaches the events' routes (the authorization matrix checks every route against this): the calendar, its feeds
 * and the events' pages are public (a by-invitation event's link is shown to those invited only, by the page);
 * registering is for signed-in people (the policy then checks the invitation); a group's events are organised by its
 * co-chairs and the secretariat, the Call's own by the secretariat.
 */
import { declareAccess } from '../../app/authz/access.js';

export const eventsAccess = declareAccess([
  { method: 'GET', path: '/:locale/calendar', access: 'public' },
  { method: 'GET', path: '/:locale/calendar.ics', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group/calendar.ics', access: 'public' },
  { method: 'GET', path: '/:locale/events/:event', access: 'public' },
  { method: 'GET', path: '/:locale/events/:event/calendar.ics', access: 'public' },
  { method: 'POST', path: '/:locale/events/:event/registration', access: 'signed-in' },
  { method: 'POST', path: '/:locale/events/:event/registration/cancel', access: 'signed-in' },
  { method: 'GET', path: '/:locale/groups/:group/events/new', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/events/new', access: 'co-chair' },
  { method: 'GET', path: '/:locale/groups/:group/events/:event/edit', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/events/:event/edit', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/events/:event/cancel', access: 'co-chair' },
  { method: 'GET', path: '/:locale/secretariat/events/new', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/events/new', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/events/:event/edit', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/events/:event/edit', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/events/:event/cancel', access: 'secretariat' },
  { method: 'GET', path: '/api/v1/events', access: 'public' },
  { method: 'GET', path: '/api/v1/events/:event', access: 'public' },
]);
