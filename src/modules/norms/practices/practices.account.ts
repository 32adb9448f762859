/** The practice library's part of the account page: one's organisations' practices; for the secretariat, the queue. */
import { can } from '../../../app/authz/policy.js';
import { registerAccountSection } from '../../accounts/accounts.sections.js';
import { practicesPolicies } from './practices.policies.js';
import { countAwaitingModeration, representedOrganisations } from './practices.queries.js';
import { AccountLinks } from './views/account-links.js';

export function registerPracticesAccountSection(): void {
  registerAccountSection({
    name: 'norms-practices',
    order: 35,
    async render({ db, actor, locale }) {
      const moderate = can(actor, practicesPolicies.moderate, undefined);
      const represents = (await representedOrganisations({ db, actor })).length > 0;
      if (!moderate && !represents) return '';
      return AccountLinks({ locale, represents, pending: moderate ? await countAwaitingModeration({ db }) : null });
    },
  });
}
