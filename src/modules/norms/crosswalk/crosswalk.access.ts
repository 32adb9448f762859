/** Who reaches the crosswalk's routes: everyone reads it; only the secretariat changes it (checked again in the use cases). */
import { declareAccess } from '../../../app/authz/access.js';

export const crosswalkAccess = declareAccess([
  { method: 'GET', path: '/:locale/norms/crosswalk', access: 'public' },
  { method: 'GET', path: '/:locale/norms/export/crosswalk.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/crosswalk', access: 'public' },
  { method: 'GET', path: '/:locale/secretariat/crosswalk', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/crosswalk', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/crosswalk/:principle/:norm', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/crosswalk/:principle/:norm', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/crosswalk/:principle/:norm/remove', access: 'secretariat' },
]);
