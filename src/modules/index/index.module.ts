import { can } from '../../app/authz/policy.js';
import { indexPolicies } from './index.policies.js';
import type { AppModule } from '../../app/app-module.js';
import { indexAccess } from './index.access.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { registerIndexApi } from './index.api.js';
import { registerIndexPages } from './index.pages.js';
import { createPublishedEditions } from './index.published.js';
import { indexReference } from './index.reference.js';
import { registerIndexSecretariatPages } from './index.secretariat.js';
import { IndexAccountLink } from './views/secretariat/account-link.js';

/** The Cyberstability Index: published editions as public pages, a JSON API and downloads; the secretariat's edition screens. */
export const indexModule: AppModule = {
  name: 'index',
  reference: [indexReference],
  access: indexAccess,
  async register(app, context) {
    const published = createPublishedEditions({ db: context.database.db });
    await registerIndexApi(app, context, published);
    await registerIndexPages(app, published);
    await registerIndexSecretariatPages(app, context);
    registerAccountSection({ name: 'index', order: 20, render: ({ actor, locale }) => (can(actor, indexPolicies.manageEditions, undefined) ? IndexAccountLink({ locale }) : '') });
  },
};
