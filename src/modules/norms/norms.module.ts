import type { AppModule } from '../../app/app-module.js';
import { normsAccess } from './norms.access.js';
import { registerNormsApi } from './norms.api.js';
import { registerNormsPages } from './norms.pages.js';
import { normsReference } from './norms.reference.js';
import { practicesAccess } from './practices/practices.access.js';
import { registerPractices } from './practices/practices.register.js';
import { reportsAccess } from './reports/reports.access.js';
import { reportsContributions } from './reports/reports.contributions.js';
import { registerReports } from './reports/reports.register.js';

/** The UN norms of responsible State behaviour (A/70/174 para. 13), and the platform's work that implements each. */
export const normsModule: AppModule = {
  name: 'norms',
  reference: [normsReference],
  access: [...normsAccess, ...practicesAccess, ...reportsAccess],
  contributions: [reportsContributions],
  async register(app, context) {
    await registerNormsApi(app, context);
    await registerNormsPages(app, context);
    await registerPractices(app, context);
    await registerReports(app, context);
  },
};
