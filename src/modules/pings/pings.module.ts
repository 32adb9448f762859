import type { AppModule } from '../../app/app-module.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { pingsAccess } from './pings.access.js';
import { registerPingsAckPages } from './pings.ack-pages.js';
import { registerPingsApi } from './pings.api.js';
import { registerPingsPages } from './pings.pages.js';
import { pingsPrivacyPart } from './pings.privacy.js';
import { pingsJobHandlers } from './pings.schedule.js';

/**
 * Proof of life for the designated contacts: ping exercises over one or more channels with escalation along each
 * organisation's chain of contacts, acknowledgements by link, API, spoken code or operator, and the statistics
 * (success rate, median and 90th percentile time to acknowledge) for the cooperation space.
 */
export const pingsModule: AppModule = {
  name: 'pings',
  access: pingsAccess,
  async register(app, context) {
    registerPrivacyPart(pingsPrivacyPart);
    await registerPingsApi(app, context);
    await registerPingsPages(app, context);
    await registerPingsAckPages(app, context);
  },
  jobHandlers: (context) => pingsJobHandlers(context),
};
