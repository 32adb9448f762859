import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createPingsRepository } from './pings.repository.js';

/**
 * What pings hold about a person: the pings sent to the contacts they accepted (when, how acknowledged), the
 * exercises they ran and the answers they recorded. Erasure leaves the pings (they are their organisation's
 * reachability record; the contact itself is emptied by the contacts module) and replaces the person as the one who
 * ran an exercise or recorded an answer.
 */
export const pingsPrivacyPart: PrivacyPart = {
  name: 'pings',
  async export(db, user) {
    return createPingsRepository(db).personalData(user.id);
  },
  async erase(tx, user) {
    await createPingsRepository(tx).forgetPerson(user.id);
  },
};
