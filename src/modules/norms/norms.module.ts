import type { AppModule } from '../../app/app-module.js';
import { practicesContributions } from './contributions/contributions.source.js';
import { crosswalkAccess } from './crosswalk/crosswalk.access.js';
import { registerCrosswalkApi } from './crosswalk/crosswalk.api.js';
import { crosswalkContributions } from './crosswalk/crosswalk.contributions.js';
import { registerCrosswalkPages } from './crosswalk/crosswalk.pages.js';
import { crosswalkReference } from './crosswalk/crosswalk.reference.js';
import { registerCrosswalkSecretariatPages } from './crosswalk/crosswalk.secretariat.js';
import { libraryAccess, registerLibrary } from './library/library.routes.js';
import { practicesReference } from './imports/imports.reference.js';
import { normsAccess } from './norms.access.js';
import { registerNormsApi } from './norms.api.js';
import { registerNormsPages } from './norms.pages.js';
import { normsReference } from './norms.reference.js';
import { registerNormsSecretariatPages } from './norms.secretariat.js';
import { practicesAccess } from './practices/practices.access.js';
import { registerPractices } from './practices/practices.register.js';
import { synthesisAccess } from './synthesis/synthesis.access.js';
import { registerSynthesisAccountSection } from './synthesis/synthesis.account.js';
import { registerSynthesisPages } from './synthesis/synthesis.pages.js';
import { reportsAccess } from './reports/reports.access.js';
import { reportsContributions } from './reports/reports.contributions.js';
import { registerReports } from './reports/reports.register.js';

/**
 * The UN norms of responsible State behaviour (A/70/174 para. 13), the crosswalk between them and the Call's
 * principles, and the platform's work that implements each: the practices supporters report and their yearly
 * implementation reports, listed on the principle, norm and supporter pages of the other modules through
 * `contributions`.
 */
export const normsModule: AppModule = {
  name: 'norms',
  reference: [normsReference, crosswalkReference, practicesReference],
  access: [...normsAccess, ...crosswalkAccess, ...practicesAccess, ...libraryAccess, ...synthesisAccess, ...reportsAccess],
  contributions: [crosswalkContributions, practicesContributions, reportsContributions],
  async register(app, context) {
    await registerNormsApi(app, context);
    await registerCrosswalkApi(app, context);
    await registerCrosswalkPages(app, context);
    await registerNormsPages(app, context);
    await registerNormsSecretariatPages(app, context);
    await registerCrosswalkSecretariatPages(app, context);
    await registerSynthesisPages(app, context);
    await registerLibrary(app, context);
    await registerPractices(app, context);
    await registerReports(app, context);
    registerSynthesisAccountSection();
  },
};
