/**
 * Who reaches the routes the composition root registers itself (server.ts, assets, the API documentation): everyone.
 * A trailing `*` stands for every route under the prefix (swagger-ui's static files). See authz/access.ts.
 */
import { declareAccess } from './authz/access.js';

export const appAccess = declareAccess([
  { method: 'GET', path: '/', access: 'public' },
  { method: 'GET', path: '/healthz', access: 'public' },
  { method: 'GET', path: '/assets/:name', access: 'public' },
  { method: 'GET', path: '/favicon.ico', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', access: 'public' },
  { method: 'GET', path: '/api/docs*', access: 'public' },
]);
