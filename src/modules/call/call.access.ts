/**
 * Who reaches the Call's pages: everyone reads them; the secretariat renames principles (checked again in the use
 * cases). See app/authz/access.ts; the matrix test checks every route against this.
 */
import { declareAccess } from '../../app/authz/access.js';

export const callAccess = declareAccess([
  { method: 'GET', path: '/:locale', access: 'public' },
  { method: 'GET', path: '/:locale/call', access: 'public' },
  { method: 'GET', path: '/:locale/principles', access: 'public' },
  { method: 'GET', path: '/:locale/principles/:number', access: 'public' },
  { method: 'GET', path: '/:locale/principles/export/principles.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/principles', access: 'public' },
  { method: 'GET', path: '/:locale/secretariat/principles/:number', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/principles/:number', access: 'secretariat' },
  { method: 'GET', path: '/:locale/open-data', access: 'public' },
]);
