/**
 * Who reaches the implementation reports' routes (the matrix test checks every route against this): published reports
 * and their public data are for everyone (each page then shows what its reader may see); the account's list is for
 * anyone signed in; an organisation's reports are its representatives' and the secretariat's (404 to anyone else),
 * and their forms write only for a verified organisation's representatives (reports.policies.ts).
 */
import { declareAccess } from '../../../app/authz/access.js';

export const reportsAccess = declareAccess([
  { method: 'GET', path: '/:locale/reports', access: 'public' },
  { method: 'GET', path: '/:locale/reports/:supporterSlug/:year', access: 'public' },
  { method: 'GET', path: '/:locale/reports/:supporterSlug/:year/compare', access: 'public' },
  { method: 'GET', path: '/api/v1/reports', access: 'public' },
  { method: 'GET', path: '/api/v1/reports/sections.json', access: 'public' },
  { method: 'GET', path: '/api/v1/reports/sections.csv', access: 'public' },
  { method: 'GET', path: '/:locale/account/reports', access: 'signed-in' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/reports/new', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/reports', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/reports/:year', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/reports/:year/sections', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/reports/:year/sections/:subject', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/reports/:year/sections/:subject', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/reports/:year/sections/:subject/remove', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/reports/:year/publish', access: 'representative' },
]);
