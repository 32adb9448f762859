import type { AppModule } from '../../app/app-module.js';
import { consultationsAccess } from './consultations.access.js';
import { consultationsActivity } from './consultations.activity.js';
import { registerConsultationsApi } from './consultations.api.js';
import { consultationsContributions } from './consultations.contributions.js';
import { registerConsultationPages } from './consultations.pages.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { consultationsPrivacyPart } from './consultations.privacy.js';

/**
 * Consultations held by the working groups: a draft (paragraph-numbered) or a question set, inputs with the
 * publication each contributor chooses, a disposition for every input after the deadline, the synthesis and the
 * revised text; their pages, API and exports, the group's activity and its page's list.
 */
export const consultationsModule: AppModule = {
  name: 'consultations',
  access: consultationsAccess,
  activity: [consultationsActivity],
  contributions: [consultationsContributions],
  async register(app, context) {
    registerPrivacyPart(consultationsPrivacyPart);
    await registerConsultationsApi(app, context);
    await registerConsultationPages(app, context);
  },
};
