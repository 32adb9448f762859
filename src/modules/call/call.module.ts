import type { AppModule } from '../../app/app-module.js';
import { callAccess } from './call.access.js';
import { registerCallPages } from './call.pages.js';
import { callReference } from './call.reference.js';

/** The Call itself: home page, the text of the Call, the nine principles and their case studies. */
export const callModule: AppModule = {
  name: 'call',
  reference: [callReference],
  access: callAccess,
  async register(app, context) {
    await registerCallPages(app, context);
  },
};
