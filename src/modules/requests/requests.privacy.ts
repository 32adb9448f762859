import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createRequestsPersonalDataRepository } from './requests.repository.js';

/**
 * The requests a person sent, received as an individual recipient, and what they wrote in their outcome logs. Erasing
 * the account keeps the requests for the organisations involved (their content is the organisations', not the
 * person's) and replaces the person by "erased person" (their name and account link are emptied).
 */
export const requestsPrivacyPart: PrivacyPart = {
  name: 'cooperationRequests',
  async export(db, user) {
    return createRequestsPersonalDataRepository(db).of(user.id);
  },
  async erase(tx, user) {
    await createRequestsPersonalDataRepository(tx).erase(user.id);
  },
};
