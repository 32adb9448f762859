/**
 * Who reaches the points-of-contact directory's routes (the matrix test checks each): the cooperation hub, the public
 * directory, its CSV and API are public; the e-mailed links (accept, attest) are for whoever holds them; an
 * organisation's contacts pages and exports are for its representatives and the secretariat, and their forms write
 * for its representatives only; the directory, each contact's page, keys and the contact's own forms are for the
 * cooperation space (designated contacts and the secretariat; the contact's own forms then refuse anyone but the
 * contact, after checking that the form's version is current).
 */
import { declareAccess } from '../../app/authz/access.js';

export const contactsAccess = declareAccess([
  { method: 'GET', path: '/:locale/cooperation', access: 'public' },
  { method: 'GET', path: '/:locale/points-of-contact', access: 'public' },
  { method: 'GET', path: '/:locale/points-of-contact.csv', access: 'public' },
  { method: 'GET', path: '/api/v1/points-of-contact', access: 'public' },
  { method: 'GET', path: '/:locale/cooperation/accept', access: 'token' },
  { method: 'POST', path: '/:locale/cooperation/accept', access: 'token' },
  { method: 'GET', path: '/:locale/cooperation/attest', access: 'token' },
  { method: 'POST', path: '/:locale/cooperation/attest', access: 'token' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/contacts', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/contacts.json', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/contacts.txt', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/contacts/new', access: 'representative' },
  { method: 'GET', path: '/:locale/account/organisations/:supporterId/contacts/:contact/edit', access: 'representative' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/contacts', access: 'representative-writes' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/contacts/import', access: 'representative-writes' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/contacts/:contact/edit', access: 'representative-writes' },
  { method: 'POST', path: '/:locale/account/organisations/:supporterId/contacts/:contact/withdraw', access: 'representative-writes' },
  { method: 'GET', path: '/:locale/cooperation/contacts', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/contacts/:contact', access: 'cooperation' },
  { method: 'GET', path: '/:locale/cooperation/contacts/:contact/keys/:key', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/contacts/:contact/attest', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/contacts/:contact/edit', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/contacts/:contact/keys', access: 'cooperation' },
  { method: 'POST', path: '/:locale/cooperation/contacts/:contact/keys/:key/remove', access: 'cooperation' },
  { method: 'GET', path: '/api/v1/contacts', access: 'cooperation' },
]);
