/** Who reaches the practice library's routes: everyone (it shows published practices only). */
import { declareAccess } from '../../../app/authz/access.js';

export const libraryAccess = declareAccess([
  { method: 'GET', path: '/:locale/practices', access: 'public' },
  { method: 'GET', path: '/:locale/practices/compare', access: 'public' },
  { method: 'GET', path: '/:locale/practices/coverage', access: 'public' },
  { method: 'GET', path: '/:locale/practices/feed.atom', access: 'public' },
  { method: 'GET', path: '/:locale/practices.csv', access: 'public' },
  { method: 'GET', path: '/:locale/practices.json', access: 'public' },
  { method: 'GET', path: '/api/v1/practices', access: 'public' },
  { method: 'GET', path: '/api/v1/practices/:id', access: 'public' },
]);
