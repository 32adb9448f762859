import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { registerContactsApi } from './contacts.api.js';
import { registerOrganisationPages } from './contacts.organisation-pages.js';
import { contactsPrivacyPart } from './contacts.privacy.js';
import { registerSpacePages } from './contacts.space-pages.js';

/** The directory's API, the organisations' pages, the cooperation space's pages and the public directory. */
export async function registerContacts(app: FastifyInstance, context: AppContext): Promise<void> {
  registerPrivacyPart(contactsPrivacyPart);
  await registerContactsApi(app, context);
  await registerOrganisationPages(app, context);
  await registerSpacePages(app, context);
}
