import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { registerGroupsApi } from './groups.api.js';
import { registerGroupManagePages } from './groups.manage.js';
import { registerGroupPages } from './groups.pages.js';
import { registerGroupSecretariatPages } from './groups.secretariat.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { groupsPrivacyPart } from './groups.privacy.js';

/** The working groups' API, public pages, co-chairs' pages and the secretariat's pages. */
export async function registerGroups(app: FastifyInstance, context: AppContext): Promise<void> {
  registerPrivacyPart(groupsPrivacyPart);
  await registerGroupsApi(app, context);
  await registerGroupPages(app, context);
  await registerGroupManagePages(app, context);
  await registerGroupSecretariatPages(app, context);
}
