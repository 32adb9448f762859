/**
 * Who reaches the cases' routes. The list and the opening form are the cooperation space's (designated contacts and
 * the secretariat). A case is for its parties as its TLP marking allows (`request-party`: the participating
 * organisations' contacts; the secretariat only where it coordinates, which the matrix's case does not): anyone else
 * is not told it exists. Advisories are public once published.
 */
import { declareAccess } from '../../app/authz/access.js';

const caseRoutes = ['/answers', '/embargo', '/acknowledge', '/statement', '/statements/:participant/review', '/participants', '/vulnerabilities', '/publish'];

export const casesAccess = declareAccess([
  { method: 'GET', path: '/:locale/cooperation/cases', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/cases/new', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/cases/new', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/cases/:case', access: 'request-party' },
  ...caseRoutes.map((path) => ({ method: 'POST' as const, path: `/:locale/cooperation/cases/:case${path}`, access: 'request-party' as const })),
  { method: 'GET', path: '/:locale/advisories', access: 'public' },
  { method: 'GET', path: '/:locale/advisories/:id', access: 'public' },
  { method: 'GET', path: '/api/v1/cases', access: 'cooperation' },
  { method: 'POST', path: '/api/v1/cases', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/cases/:case', access: 'request-party' },
  { method: 'GET', path: '/api/v1/cases/:case/csaf.json', access: 'request-party' },
  { method: 'POST', path: '/api/v1/cases/:case/answers', access: 'request-party' },
  { method: 'POST', path: '/api/v1/cases/:case/acknowledge', access: 'request-party' },
  { method: 'GET', path: '/api/v1/advisories', access: 'public' },
  { method: 'GET', path: '/api/v1/advisories/:id', access: 'public' },
  { method: 'GET', path: '/api/v1/advisories/:id/csaf.json', access: 'public' },
]);
