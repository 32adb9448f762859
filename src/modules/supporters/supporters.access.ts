/**
 * Who reaches the registry's routes: everyone, it is public (see app/authz/access.ts; the matrix test checks every
 * route against this). Its writes have no route of their own: they come through applications' use cases.
 */
import { declareAccess } from '../../app/authz/access.js';

export const supportersAccess = declareAccess([
  { method: 'GET', path: '/:locale/supporters', access: 'public' },
  { method: 'GET', path: '/:locale/supporters/map', access: 'public' },
  { method: 'GET', path: '/:locale/supporters/:slug', access: 'public' },
  { method: 'GET', path: '/:locale/embed/counters', access: 'public' },
  { method: 'GET', path: '/api/v1/supporters', access: 'public' },
  { method: 'GET', path: '/api/v1/supporters/:slug', access: 'public' },
  { method: 'GET', path: '/api/v1/stats', access: 'public' },
  { method: 'GET', path: '/supporters.csv', access: 'public' },
]);
