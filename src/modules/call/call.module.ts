import type { AppModule } from '../../app/app-module.js';
import { callAccess } from './call.access.js';
import { registerCallApi } from './call.api.js';
import { registerCallPages } from './call.pages.js';
import { callReference } from './call.reference.js';
import { registerCallSecretariatPages } from './call.secretariat.js';

/**
 * The Call itself: home page, the text of the Call, the nine principles (their pages list what other modules
 * contribute to each) and their case studies, the principles' API, and the secretariat's form of their names.
 */
export const callModule: AppModule = {
  name: 'call',
  reference: [callReference],
  access: callAccess,
  async register(app, context) {
    await registerCallPages(app, context);
    await registerCallApi(app, context);
    await registerCallSecretariatPages(app, context);
  },
};
