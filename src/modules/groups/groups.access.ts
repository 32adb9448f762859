/**
 * Who reaches the working groups' routes (the authorization matrix checks each): the groups, their public documents,
 * feeds, CSV and API are public (a members-only document's file answers 404 to others, decided by the read use case);
 * asking to take part and leaving need an account; the co-chairs' page and decisions are for the group's co-chairs and
 * the secretariat; opening and editing groups and appointing co-chairs for the secretariat.
 */
import { declareAccess } from '../../app/authz/access.js';

export const groupsAccess = declareAccess([
  { method: 'GET', path: '/:locale/groups', access: 'public' },
  { method: 'GET', path: '/:locale/groups/memberships.csv', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group/feed.atom', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group/memberships.csv', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group/documents/:document/versions/:number/:language', access: 'public' },
  { method: 'GET', path: '/:locale/groups/:group/join', access: 'signed-in' },
  { method: 'POST', path: '/:locale/groups/:group/join', access: 'signed-in' },
  { method: 'POST', path: '/:locale/groups/:group/leave', access: 'group-member' },
  { method: 'GET', path: '/:locale/groups/:group/manage', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/requests/:membership/accept', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/requests/:membership/decline', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/participants/:membership/remove', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/news', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/documents', access: 'co-chair' },
  { method: 'POST', path: '/:locale/groups/:group/documents/:document/versions', access: 'co-chair' },
  { method: 'GET', path: '/:locale/secretariat/groups/new', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/new', access: 'secretariat' },
  { method: 'GET', path: '/:locale/secretariat/groups/:group/edit', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/:group/edit', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/:group/co-chairs', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/:group/co-chairs/:user/remove', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/:group/co-chair-organisations', access: 'secretariat' },
  { method: 'POST', path: '/:locale/secretariat/groups/:group/co-chair-organisations/:coChair/remove', access: 'secretariat' },
  { method: 'GET', path: '/api/v1/working-groups', access: 'public' },
  { method: 'GET', path: '/api/v1/working-groups/:group', access: 'public' },
]);
