import type { AppModule } from '../../app/app-module.js';
import { normsAccess } from './norms.access.js';
import { registerNormsApi } from './norms.api.js';
import { registerNormsPages } from './norms.pages.js';
import { normsReference } from './norms.reference.js';
import { practicesReference } from './imports/imports.reference.js';
import { synthesisAccess } from './synthesis/synthesis.access.js';
import { registerSynthesisAccountSection } from './synthesis/synthesis.account.js';
import { registerSynthesisPages } from './synthesis/synthesis.pages.js';

/** The UN norms of responsible State behaviour (A/70/174 para. 13), and the platform's work that implements each. */
export const normsModule: AppModule = {
  name: 'norms',
  reference: [normsReference, practicesReference],
  access: [...normsAccess, ...synthesisAccess],
  async register(app, context) {
    await registerNormsApi(app, context);
    await registerNormsPages(app, context);
    await registerSynthesisPages(app, context);
    registerSynthesisAccountSection();
  },
};
