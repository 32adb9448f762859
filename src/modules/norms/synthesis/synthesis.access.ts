/** Who reaches the synthesis's routes: everyone, since a synthesis shows only published practices. */
import { declareAccess } from '../../../app/authz/access.js';

export const synthesisAccess = declareAccess([
  { method: 'GET', path: '/:locale/practices/synthesis', access: 'public' },
  { method: 'GET', path: '/:locale/practices/synthesis.md', access: 'public' },
  { method: 'GET', path: '/:locale/practices/synthesis/print', access: 'public' },
]);
