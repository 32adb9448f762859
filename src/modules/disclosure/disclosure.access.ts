/**
 * Who reaches the registry's routes (the matrix test checks every route against this): the registry, its entries,
 * CSV and API are public; an organisation's entry in the account is its representatives' and the secretariat's.
 */
import { declareAccess } from '../../app/authz/access.js';

export const disclosureAccess = declareAccess([
  { method: 'GET', path: '/:locale/disclosure', access: 'public' },
  { method: 'GET', path: '/:locale/disclosure/:slug', access: 'public' },
  { method: 'GET', path: '/api/v1/disclosure-policies', access: 'public' },
  { method: 'GET', path: '/api/v1/disclosure-policies.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/disclosure-policies/:slug', access: 'public' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/disclosure', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/disclosure', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/disclosure/upload', access: 'representative' },
]);
