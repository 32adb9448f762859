import { revokeAllRoles } from '../../app/authz/grants.js';
import { isSecretariat } from '../../app/authz/rules.js';
import type { AppContext } from '../../app/context.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { createApplicationsRepository } from './applications.repository.js';
import { myApplications, purgedPersonalData, representedBy } from './applications.usecases.js';
import { AccountSection } from './views/account-section.js';

/**
 * What the applications module adds to accounts: the organisations and applications on the account page, and its
 * part of personal-data export and erasure (executive and contact names and addresses, answers to questions).
 */
export function registerApplicationAccount(_context: AppContext): void {
  registerAccountSection({
    name: 'applications',
    order: 10,
    async render({ db, actor, locale }) {
      const { applications: mine, supporterIds } = await myApplications(db, actor);
      const supporters = await listSupportersByIds(db, supporterIds);
      return AccountSection({ locale, supporters, applications: mine, secretariat: isSecretariat(actor) });
    },
  });

  registerPrivacyPart({
    name: 'applications',
    order: 10,
    async export(db, user) {
      const rows = await createApplicationsRepository(db).listConcerning({ userId: user.id, email: user.email });
      const represented = await representedBy(db, user.id);
      return {
        applications: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          organisation: r.name,
          executiveName: r.executiveName,
          executiveEmail: r.executiveEmail,
          contactEmail: r.contactEmail,
          infoResponse: r.infoResponse,
          createdAt: r.createdAt.toISOString(),
        })),
        represents: represented,
      };
    },
    async erase(tx, user) {
      // The organisation's public entry stays (it is not personal data); the people behind the application go.
      const { statement: _keepStatement, ...personal } = purgedPersonalData();
      await createApplicationsRepository(tx).updateConcerning({ userId: user.id, email: user.email }, personal);
      await revokeAllRoles(tx, `user:${user.id}`, user.id, 'account erased');
    },
  });
}
