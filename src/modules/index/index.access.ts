/**
 * Who reaches the index's routes: published editions are public; drafts, previews and every change are the
 * secretariat's (`index.manageEditions`). See app/authz/access.ts; the matrix test checks every route against this.
 */
import { declareAccess } from '../../app/authz/access.js';

export const indexAccess = declareAccess([
  { method: 'GET', path: '/:locale/index', access: 'public' },
  { method: 'GET', path: '/:locale/index/:slug', access: 'public' },
  { method: 'GET', path: '/:locale/index/:slug/methodology', access: 'public' },
  { method: 'GET', path: '/:locale/index/:slug/map', access: 'public' },
  { method: 'GET', path: '/:locale/index/:slug/units/:code', access: 'public' },
  { method: 'GET', path: '/:locale/index/:slug/indicators/:code', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions/:slug', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions/:slug/units/:code', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions/:slug/results.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions/:slug/results.xlsx', access: 'public' },
  { method: 'GET', path: '/api/v1/index/editions/:slug/results.json', access: 'public' },
  { method: 'GET', path: '/:locale/secretariat/index', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/index/wg5-template.xlsx', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/index/:slug', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/index/:slug/inputs.xlsx', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/index/:slug/preview', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index/:slug/data', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index/:slug/config', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index/:slug/publish', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index/:slug/withdraw', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/index/:slug/discard', access: 'secretariat' },
]);
