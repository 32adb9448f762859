/** Who reaches the norms' routes: everyone reads them; the secretariat edits them (checked again in the use cases). */
import { declareAccess } from '../../app/authz/access.js';

export const normsAccess = declareAccess([
  { method: 'GET', path: '/:locale/norms', access: 'public' },
  { method: 'GET', path: '/:locale/norms/:code', access: 'public' },
  { method: 'GET', path: '/:locale/norms/export/norms.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/norms', access: 'public' },
  { method: 'GET', path: '/api/v1/norms/:code', access: 'public' },
  { method: 'GET', path: '/:locale/secretariat/norms', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/norms/:code', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/norms/:code', access: 'secretariat' },
]);
