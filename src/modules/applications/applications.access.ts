/**
 * Who reaches the joining workflow's routes (see app/authz/access.ts; the matrix test checks every route against
 * this): joining and claiming are for anyone, the e-mailed links for whoever holds them, an organisation's page for its
 * representatives (`applications.manageEntry`), the back office for the secretariat (`moderate`, `operate`).
 */
import { declareAccess } from '../../app/authz/access.js';

export const applicationsAccess = declareAccess([
  { method: 'GET', path: '/:locale/join', access: 'public' },
  { method: 'POST', path: '/:locale/join', access: 'public' },
  { method: 'GET', path: '/:locale/join/sent', access: 'public' },
  { method: 'GET', path: '/:locale/join/confirm', access: 'token' },
  { method: 'POST', path: '/:locale/join/confirm', access: 'token' },
  { method: 'GET', path: '/:locale/join/answer', access: 'token' },
  { method: 'POST', path: '/:locale/join/answer', access: 'token' },
  { method: 'GET', path: '/:locale/join/invitation', access: 'token' },
  { method: 'POST', path: '/:locale/join/invitation', access: 'token' },
  { method: 'GET', path: '/:locale/supporters/withdrawn', access: 'public' },
  { method: 'GET', path: '/:locale/supporters/:slug/claim', access: 'public' },
  { method: 'POST', path: '/:locale/supporters/:slug/claim', access: 'public' },
  { method: 'POST', path: '/api/v1/applications', access: 'public' },
  { method: 'POST', path: '/api/v1/supporters/:slug/claims', access: 'public' },
  { method: 'GET', path: '/api/v1/withdrawals', access: 'public' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/edit', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/invite', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/withdraw', access: 'representative' },
  { method: 'GET', path: '/:locale/secretariat/applications', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/applications/:id', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/applications/:id/approve', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/applications/:id/reject', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/applications/:id/request-info', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/applications/:id/recheck', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/applications/:id/note-verbale', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/supporters', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/deliveries', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/deliveries/:id/resend', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/jobs', access: 'secretariat' },
]);
