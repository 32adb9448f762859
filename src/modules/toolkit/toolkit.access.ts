/** Who reaches the toolkit's routes: everyone, its data is public (the matrix test checks every route against this). */
import { declareAccess } from '../../app/authz/access.js';

export const toolkitAccess = declareAccess([
  { method: 'GET', path: '/:locale/toolkit', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/cells/:framework/:action', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/actions/:code', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/frameworks/:key', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/search', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/compare', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/coverage', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/stakeholders', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/stakeholders/mine', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/coverage.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/coverage', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/frameworks', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/actions', access: 'public' },
]);
