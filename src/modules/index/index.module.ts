import { isSecretariat } from '../../app/authz/guards.js';
import type { AppModule } from '../../app/modules.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { registerIndexApi } from './index.api.js';
import { registerIndexPages } from './index.pages.js';
import { registerIndexSecretariatPages } from './index.secretariat.js';
import { IndexAccountLink } from './views/secretariat/account-link.js';

/** The Cyberstability Index: published editions as public pages, a JSON API and downloads; the secretariat's edition screens. */
export const indexModule: AppModule = {
  name: 'index',
  async register(app, context) {
    await registerIndexApi(app, context);
    await registerIndexPages(app, context);
    await registerIndexSecretariatPages(app, context);
    registerAccountSection({ name: 'index', order: 20, render: ({ actor, locale }) => (isSecretariat(actor) ? IndexAccountLink({ locale }) : '') });
  },
};
