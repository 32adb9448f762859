/**
 * Who reaches the incidents' routes (the authorization matrix checks every route against this). The frames are public;
 * the list, the CSV and the form are the cooperation space's (designated contacts and the secretariat; the list shows
 * each what its marking allows); one incident is for those its TLP marking allows, and nobody else is told it exists
 * (`request-party`: the matrix's incident is TLP:AMBER of the contact's organisation); the settings are the secretariat's.
 */
import { declareAccess } from '../../app/authz/access.js';

export const incidentsAccess = declareAccess([
  { method: 'GET', path: '/:locale/incident-frames', access: 'public' },
  { method: 'GET', path: '/:locale/cooperation/incidents', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/incidents.csv', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/incidents/new', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/incidents/new', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/incidents/:incident', access: 'request-party' },
  { method: 'POST', path: '/:locale/cooperation/incidents/:incident/sent', access: 'request-party' },
  { method: 'GET', path: '/:locale/secretariat/incidents', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/incidents/scoring', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/incidents/crosswalk', access: 'secretariat' },
  { method: 'GET', path: '/api/v1/incident-frames', access: 'public' },
  { method: 'GET', path: '/api/v1/incidents', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/incidents/:incident', access: 'request-party' },
]);
