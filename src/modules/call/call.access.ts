/** Who reaches the Call's pages: everyone (see app/authz/access.ts; the matrix test checks every route against this). */
import { declareAccess } from '../../app/authz/access.js';

export const callAccess = declareAccess([
  { method: 'GET', path: '/:locale', access: 'public' },
  { method: 'GET', path: '/:locale/call', access: 'public' },
  { method: 'GET', path: '/:locale/principles', access: 'public' },
  { method: 'GET', path: '/:locale/principles/:number', access: 'public' },
  { method: 'GET', path: '/:locale/open-data', access: 'public' },
]);
