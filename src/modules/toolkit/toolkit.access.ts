/** Who reaches the toolkit's routes: everyone, its data is public (the matrix test checks every route against this). */
import { declareAccess } from '../../app/authz/access.js';

export const toolkitAccess = declareAccess([
  { method: 'GET', path: '/:locale/toolkit', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/cells/:framework/:action', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/frameworks', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/actions', access: 'public' },
  // Exports (exports/): the read API beyond the lists, the downloads and their page.
  { method: 'GET', path: '/api/v1/toolkit/frameworks/:key', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/actions/:code', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/cells', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/datasets', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/downloads', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/frameworks.csv', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/actions.csv', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/cells.csv', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/wg6-2021.xlsx', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/oscal/catalog.json', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/oscal/provisions.json', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/export/oscal/mapping.json', access: 'public' },
]);
