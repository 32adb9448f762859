/**
 * Who reaches the practice library's routes (the matrix test checks every route against this): a published practice,
 * its history and its published evidence are public; the account pages are for signed-in people (each lists only
 * their organisations'), one practice's account pages for its organisation's representatives and the secretariat; the
 * moderation queue for the secretariat.
 */
import { declareAccess } from '../../../app/authz/access.js';

export const practicesAccess = declareAccess([
  { method: 'GET', path: '/:locale/practices/:id', access: 'public' },
  { method: 'GET', path: '/:locale/practices/:id/history', access: 'public' },
  // Public for the published evidence; a draft's files only to its organisation and the secretariat (404 to others).
  { method: 'GET', path: '/:locale/practices/:id/files/:sha256/:name', access: 'public' },
  { method: 'GET', path: '/:locale/account/practices', access: 'signed-in' },
  { method: 'GET', path: '/:locale/account/practices/new', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/practices/new', access: 'signed-in' },
  { method: 'GET', path: '/:locale/account/practices/:id', access: 'representative' },
  { method: 'GET', path: '/:locale/account/practices/:id/edit', access: 'representative' },
  { method: 'POST', path: '/:locale/account/practices/:id/edit', access: 'representative' },
  { method: 'POST', path: '/:locale/account/practices/:id/submit', access: 'representative-writes' },
  { method: 'POST', path: '/:locale/account/practices/:id/withdraw', access: 'representative' },
  { method: 'GET', path: '/:locale/secretariat/practices', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/practices/:id', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/practices/:id/publish', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/practices/:id/request-information', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/practices/:id/reject', access: 'secretariat' },
]);
