/** Who reaches the toolkit's routes: everyone, its data is public (the matrix test checks every route against this). */
import { declareAccess } from '../../app/authz/access.js';

export const toolkitAccess = declareAccess([
  { method: 'GET', path: '/:locale/toolkit', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/cells/:framework/:action', access: 'public' },
  // The self-assessment: public forms that store nothing; a private link's token is its only credential.
  { method: 'GET', path: '/:locale/toolkit/assessment', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/questions', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/report', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/export.json', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/export.csv', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/save', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/assessment/import', access: 'public' },
  { method: 'POST', path: '/:locale/toolkit/assessment/import', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/assessment/s/:token', access: 'token' },
  { method: 'POST', path: '/:locale/toolkit/assessment/s/:token', access: 'token' },
  { method: 'POST', path: '/:locale/toolkit/assessment/s/:token/delete', access: 'token' },
  { method: 'GET', path: '/api/v1/toolkit/frameworks', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/actions', access: 'public' },
]);
