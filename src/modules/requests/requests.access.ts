/**
 * Who reaches the requests' routes (the authorization matrix checks each): the lists, CSV and form are the cooperation
 * space's (designated contacts; the secretariat sees an empty list); one request and its actions are its parties' as
 * its TLP marking allows (everyone else, the secretariat included, 404); the published TLP:CLEAR list is public.
 */
import { declareAccess } from '../../app/authz/access.js';

export const requestsAccess = declareAccess([
  { method: 'GET', path: '/:locale/cooperation/requests', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/requests.csv', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/requests/new', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/requests/new', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/requests/:request', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/acknowledge', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/reply', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/close', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/forward', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/share-request', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/share-decision', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/requests/:request/publish', access: 'request-party' },
  { method: 'GET', path: '/api/v1/requests', access: 'cooperation' },
  { method: 'POST', path: '/api/v1/requests', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/requests/:request', access: 'request-party' },
  { method: 'GET', path: '/api/v1/published-requests', access: 'public' },
]);
