import type { AppModule } from '../../app/app-module.js';
import { supportersAccess } from './supporters.access.js';
import { forgetFacetCombos } from './supporters.facet-memo.js';
import { registerSupporterApi } from './supporters.api.js';
import { registerSupporterPages } from './supporters.pages.js';
import { registryReference } from './supporters.reference.js';

/** The public registry of supporters: pages, JSON API, CSV, map and counters. */
export const supportersModule: AppModule = {
  name: 'supporters',
  reference: [registryReference],
  access: supportersAccess,
  async register(app, context) {
    context.events.on('registry.changed', 'supporters.forget-facet-combos', () => forgetFacetCombos());
    await registerSupporterApi(app, context);
    await registerSupporterPages(app, context);
  },
};
