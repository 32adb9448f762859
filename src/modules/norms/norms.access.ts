/** Who reaches the norms' routes: everyone (the matrix test checks every route against this). */
import { declareAccess } from '../../app/authz/access.js';

export const normsAccess = declareAccess([
  { method: 'GET', path: '/:locale/norms', access: 'public' },
  { method: 'GET', path: '/:locale/norms/:code', access: 'public' },
  { method: 'GET', path: '/api/v1/norms', access: 'public' },
]);
