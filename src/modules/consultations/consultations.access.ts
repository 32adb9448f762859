/**
 * Who reaches the consultations' routes (the matrix test checks every route against this). Reading is public (a draft
 * is then hidden by the policy to all but its co-chairs); sending an input needs someone signed in (the policy then
 * checks the phase and the audience); creating, opening, the disposition table and the synthesis are the co-chairs'
 * of the consultation's group, and the secretariat's.
 */
import { declareAccess } from '../../app/authz/access.js';

export const consultationsAccess = declareAccess([
  { method: 'GET', path: '/:locale/consultations', access: 'public' },
  { method: 'GET', path: '/:locale/consultations/:consultation', access: 'public' },
  { method: 'GET', path: '/:locale/consultations/:consultation/synthesis', access: 'public' },
  { method: 'POST', path: '/:locale/consultations/:consultation/inputs', access: 'signed-in' },
  { method: 'GET', path: '/:locale/groups/:group/consultations/new', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/consultations', access: 'co-chair' },
  { method: 'POST', path: '/:locale/consultations/:consultation/open', access: 'co-chair' },
  { method: 'GET', path: '/:locale/consultations/:consultation/dispositions', access: 'co-chair' },
  { method: 'POST', path: '/:locale/consultations/:consultation/inputs/:input/disposition', access: 'co-chair' },
  { method: 'POST', path: '/:locale/consultations/:consultation/synthesis', access: 'co-chair' },
  { method: 'GET', path: '/api/v1/consultations', access: 'public' },
  { method: 'GET', path: '/api/v1/consultations/:consultation', access: 'public' },
  { method: 'GET', path: '/api/v1/consultations/:consultation/dispositions', access: 'public' },
  { method: 'GET', path: '/api/v1/consultations/:consultation/dispositions.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/consultations/:consultation/inputs', access: 'public' },
  { method: 'GET', path: '/api/v1/consultations/:consultation/inputs.csv', access: 'public' },
]);
