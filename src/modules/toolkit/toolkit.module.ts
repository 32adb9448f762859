import type { AppModule } from '../../app/app-module.js';
import { registerLayers } from './layers/layers.register.js';
import { toolkitAccess } from './toolkit.access.js';
import { registerToolkitExports } from './exports/toolkit.exports.routes.js';
import { registerToolkitApi } from './toolkit.api.js';
import { registerToolkitPages } from './toolkit.pages.js';
import { toolkitReference } from './toolkit.reference.js';
import { toolkitRelated } from './toolkit.related.js';

/** The ICT supply-chain security toolkit of working group 6: frameworks × actions, with the provenance of every cell. */
export const toolkitModule: AppModule = {
  name: 'toolkit',
  reference: [toolkitReference],
  access: toolkitAccess,
  related: toolkitRelated,
  async register(app, context) {
    await registerToolkitApi(app, context);
    await registerToolkitPages(app, context);
    await registerLayers(app, context);
    await registerToolkitExports(app, context);
  },
};
