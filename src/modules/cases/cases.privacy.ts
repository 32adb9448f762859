/**
 * Personal data in cases: the account that opened a case, acknowledged an embargo or changed an answer (the audit log
 * keeps the history under its own rules). Exported with the account; on erasure the links to the account are cut (the
 * organisations' answers and acknowledgements stay: they are the organisations' word, not the person's).
 */
import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createCasesPersonalDataRepository } from './cases.repository.js';

export const casesPrivacyPart: PrivacyPart = {
  name: 'cases',
  async export(db, user) {
    return createCasesPersonalDataRepository(db).of(user.id);
  },
  async erase(tx, user) {
    await createCasesPersonalDataRepository(tx).unlink(user.id);
  },
};
