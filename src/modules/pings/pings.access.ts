/**
 * Who reaches the pings' routes: the cooperation space's pages and API are for designated contacts and the
 * secretariat (the policies then decide who runs what); the acknowledgement link's page and the API acknowledgement
 * are the token holder's, signed in or not.
 */
import { declareAccess } from '../../app/authz/access.js';

export const pingsAccess = declareAccess([
  { method: 'GET', path: '/:locale/cooperation/pings', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/new', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/pings/new', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/exercises/:exercise', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/exercises/:exercise/pings.csv', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/pings/exercises/:exercise/pings/:ping/record', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/organisations/:supporterId', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/contacts/:contact', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/pings/acknowledge', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/pings/acknowledge', access: 'cooperation' },
  { method: 'GET', path: '/:locale/ping/:token', access: 'token' },
  { method: 'POST', path: '/:locale/ping/:token', access: 'token' },
  { method: 'GET', path: '/api/v1/pings/exercises', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/pings/exercises/:exercise', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/pings/contacts/:contact', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/pings/statistics', access: 'cooperation' },
  { method: 'POST', path: '/api/v1/pings/acknowledge', access: 'token' },
]);
