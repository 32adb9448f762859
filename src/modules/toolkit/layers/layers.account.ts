/** The toolkit's part of the account page: one's proposals, and for the secretariat the queue and the layers. */
import { can } from '../../../app/authz/policy.js';
import { registerAccountSection } from '../../accounts/accounts.sections.js';
import { toolkitPolicies } from '../toolkit.policies.js';
import { countPendingProposals, representedSupporters } from './layers.queries.js';
import { AccountLinks } from './views/account-links.js';

export function registerLayersAccountSection(): void {
  registerAccountSection({
    name: 'toolkit-layers',
    order: 30,
    async render({ db, actor, locale }) {
      const moderate = can(actor, toolkitPolicies.moderateProposals, undefined);
      const represents = (await representedSupporters({ db, actor })).length > 0;
      if (!moderate && !represents) return '';
      return AccountLinks({ locale, pending: moderate ? await countPendingProposals({ db }) : null });
    },
  });
}
