/**
 * Who reaches the toolkit's routes (the matrix test checks every route against this): everyone reads its data; curated
 * layers are written by the secretariat, and proposed to by signed-in representatives of verified supporters.
 */
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
  // Curated layers (layers/): reading is public; the forms answer anyone signed in (they write for the secretariat,
  // send a proposal for a verified supporter's representative, and say who may to anyone else).
  { method: 'GET', path: '/:locale/toolkit/layers', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/layers/:key', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/layers/:key/diff', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/layers', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/layers/:key', access: 'public' },
  { method: 'GET', path: '/api/v1/toolkit/layers/:key/cells.csv', access: 'public' },
  { method: 'GET', path: '/:locale/toolkit/layers/:key/frameworks/new', access: 'signed-in' },
  { method: 'POST', path: '/:locale/toolkit/layers/:key/frameworks/new', access: 'signed-in' },
  { method: 'GET', path: '/:locale/toolkit/corrections/new', access: 'signed-in' },
  { method: 'POST', path: '/:locale/toolkit/corrections/new', access: 'signed-in' },
  { method: 'GET', path: '/:locale/toolkit/proposals', access: 'signed-in' },
  { method: 'GET', path: '/:locale/secretariat/toolkit/layers', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/toolkit/layers', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/toolkit/layers/:key/frameworks/:framework', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/toolkit/layers/:key/frameworks/:framework', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/toolkit/proposals', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/toolkit/proposals/:id', access: 'secretariat' },
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
